package dev.pianogenie.training.loop;

import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.eval.Scores;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link TrainingRun} reports as it goes, as DJL's {@code TrainingListener}s hear a trainer: the command prints a
 * progress bar and exports each new best model ({@link BestModelExport}), tests collect.
 */
public interface TrainingListener {
    default void started(TrainingState state) {}

    default void step(long step, StepLosses losses, double learningRate, double stepsPerSecond) {}

    default void validated(long step, Scores scores, boolean best) {}

    default void checkpointed(long step, Path file) {}

    /** A new best model: export it (e.g. as a model folder). */
    default void newBest(PianoGenieNet net, TrainingState state) throws IOException {}

    /** Several listeners, each told every event in the order given (e.g. the progress, then the export). */
    static TrainingListener all(TrainingListener... listeners) {
        List<TrainingListener> ls = List.of(listeners);
        return new TrainingListener() {
            @Override
            public void started(TrainingState state) {
                ls.forEach(l -> l.started(state));
            }

            @Override
            public void step(long step, StepLosses losses, double learningRate, double stepsPerSecond) {
                ls.forEach(l -> l.step(step, losses, learningRate, stepsPerSecond));
            }

            @Override
            public void validated(long step, Scores scores, boolean best) {
                ls.forEach(l -> l.validated(step, scores, best));
            }

            @Override
            public void checkpointed(long step, Path file) {
                ls.forEach(l -> l.checkpointed(step, file));
            }

            @Override
            public void newBest(PianoGenieNet net, TrainingState state) throws IOException {
                for (TrainingListener l : ls) {
                    l.newBest(net, state);
                }
            }
        };
    }
}
