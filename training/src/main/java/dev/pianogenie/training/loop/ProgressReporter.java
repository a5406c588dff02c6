package dev.pianogenie.training.loop;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: on a terminal a progress bar (step, loss terms, steps/s, ETA); in a log (no
 * terminal, e.g. a background run) one line every {@code logEvery} steps. Validation results always get a line.
 */
public class ProgressReporter implements TrainingRun.Listener, AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final long logEvery;
    private ProgressBar bar;
    private long totalSteps;
    private long startStep;

    public ProgressReporter(PrintStream out, boolean terminal, long logEvery) {
        this.out = out;
        this.terminal = terminal;
        this.logEvery = logEvery;
    }

    @Override
    public void started(TrainingState state) {
        totalSteps = state.training().steps();
        startStep = state.step();
        out.printf(Locale.ROOT, "training %s from step %d to %d (batch %d × %d, lr %.2g, %s)%n",
                state.model().name(), state.step(), totalSteps, state.training().batchSize(),
                state.training().sequenceLength(), state.training().learningRate(), state.training().schedule());
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed()
                    .startsFrom(state.step(), Duration.ofMillis((long) (state.elapsedSeconds() * 1000)))
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out)).build();
        }
    }

    @Override
    public void step(long step, TrainingRun.StepLosses l, double lr, double stepsPerSecond) {
        String losses = String.format(Locale.ROOT, "loss %.3f = ce %.3f + margin %.4f + contour %.3f",
                l.total(), l.reconstruction(), l.margin(), l.contour());
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(losses);
        } else if (step % logEvery == 0) {
            double etaSeconds = (totalSteps - step) / Math.max(1e-9, stepsPerSecond);
            out.printf(Locale.ROOT, "step %d/%d  %s  |g| %.2f  lr %.3g  %.2f steps/s  ETA %s%n", step, totalSteps,
                    losses, l.gradNorm(), lr, stepsPerSecond, Duration.ofSeconds((long) etaSeconds));
            out.flush();
        }
    }

    @Override
    public void validated(long step, Scores s, boolean best) {
        String line = String.format(Locale.ROOT,
                "validation @ %d: ce %.4f  PPL %.3f  accuracy %.4f  CVR %.4f  (%d windows)%s",
                step, s.meanCrossEntropy(), s.perplexity(), s.accuracy(), s.contourViolationRatio(), s.windows(),
                best ? "  — new best" : "");
        if (bar != null) {
            bar.pause();
            out.println();
            out.println(line);
            bar.resume();
        } else {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void checkpointed(long step, Path file) {
        // quiet: checkpoints are frequent; the log shows validation and progress
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
