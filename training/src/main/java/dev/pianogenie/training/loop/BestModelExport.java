package dev.pianogenie.training.loop;

import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.run.ModelExport;
import dev.pianogenie.training.run.TrainingState;
import java.io.IOException;
import java.nio.file.Path;

/** Listens to a run and writes each new best model to a model folder, so the best so far is always a loadable model. */
public final class BestModelExport implements TrainingListener {
    private final Path out;

    public BestModelExport(Path out) {
        this.out = out;
    }

    @Override
    public void newBest(PianoGenieNet net, TrainingState state) throws IOException {
        ModelExport.export(net, state, out);
    }
}
