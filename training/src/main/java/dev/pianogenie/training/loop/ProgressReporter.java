package dev.pianogenie.training.loop;

import dev.pianogenie.training.eval.Scores;
import dev.pianogenie.training.run.RunLog;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.TrainingState;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress: on a terminal a progress bar (steps, steps/s, ETA, loss), with a line in the log file
 * every {@code every}; without a terminal (a background run, a pipe) that line on the output too. Validation results
 * always get a line. The ETA is said in words ("42 min").
 */
public class ProgressReporter implements TrainingListener, AutoCloseable {
    private final PrintStream out;
    private final PrintStream logOnly;
    private final boolean terminal;
    private final long everyNanos;
    private ProgressBar bar;
    private long totalSteps;
    private long lastLine;

    /** @param out the run's output; if a {@link RunLog}, lines while a bar shows go to its file */
    public ProgressReporter(PrintStream out, boolean terminal, Duration every) {
        this.out = out;
        this.logOnly = out instanceof RunLog log ? log.fileOnly() : null;
        this.terminal = terminal;
        this.everyNanos = every.toNanos();
    }

    @Override
    public void started(TrainingState state) {
        totalSteps = state.training().steps();
        lastLine = System.nanoTime();
        TrainingConfig t = state.training();
        out.printf(
                Locale.ROOT,
                "training %s from step %d to %d (batch %d × %d, seed %d, lr %.2g, warm-up %d, %s, %s sampling, %s)%n",
                state.model().name()
                        + (state.model().numButtons() == dev.pianogenie.model.Keys.DEFAULT_BUTTONS
                                ? ""
                                : " (" + state.model().numButtons() + " buttons)"),
                state.step(),
                totalSteps,
                t.batchSize(),
                t.sequenceLength(),
                t.seed(),
                t.learningRate(),
                t.warmupSteps(),
                t.schedule().name().toLowerCase(Locale.ROOT),
                t.sampling().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                t.shards() == 1 ? "whole batches" : t.shards() + " shards side by side");
        out.flush();
        if (terminal && state.step() < totalSteps) {
            bar = new ProgressBarBuilder()
                    .setTaskName("train")
                    .setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" steps", 1)
                    .setEtaFunction(s -> java.util.Optional.empty())
                    .hideEta() // the ETA in words is in the message
                    .startsFrom(state.step(), Duration.ZERO)
                    .setConsumer(new ConsoleProgressBarConsumer(System.out, terminalWidth()))
                    .build();
        }
    }

    /** The terminal's width: $COLUMNS, else what stty says, else 120 (never the 0 a pseudo-terminal may report). */
    static int terminalWidth() {
        try {
            int c = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
            if (c >= 40) {
                return c;
            }
        } catch (NumberFormatException notSet) {
            // ask the terminal
        }
        try {
            Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectErrorStream(true)
                    .start();
            String[] size = new String(p.getInputStream().readAllBytes()).trim().split("\\s+");
            if (p.waitFor() == 0 && size.length == 2 && Integer.parseInt(size[1]) >= 40) {
                return Integer.parseInt(size[1]);
            }
        } catch (Exception unknown) {
            // no stty, no tty
        }
        return 120;
    }

    @Override
    public void step(long step, StepLosses l, double lr, double stepsPerSecond) {
        double etaSeconds = (totalSteps - step) / Math.max(1e-9, stepsPerSecond);
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(String.format(
                    Locale.ROOT,
                    " %.2f steps/s | ETA %s | loss %.3f (ce %.3f)",
                    stepsPerSecond,
                    inWords(etaSeconds),
                    l.total(),
                    l.reconstruction()));
        }
        long now = System.nanoTime();
        if (now - lastLine >= everyNanos || step == totalSteps) {
            lastLine = now;
            String line = String.format(
                            Locale.ROOT,
                            "step %d/%d  loss %.3f = ce %.3f + margin %.4f + contour %.3f  |g| %.2f  lr %.3g  %.2f steps/s  ETA %s",
                            step,
                            totalSteps,
                            l.total(),
                            l.reconstruction(),
                            l.margin(),
                            l.contour(),
                            l.gradNorm(),
                            lr,
                            stepsPerSecond,
                            inWords(etaSeconds))
                    + (Double.isNaN(l.velocity())
                            ? ""
                            : String.format(Locale.ROOT, "  velocity ce %.4f", l.velocity()));
            PrintStream to = bar != null ? logOnly : out;
            if (to != null) {
                to.println(line);
                to.flush();
            }
        }
    }

    /** "45 s", "42 min", "3 h 10 min", "2 days 4 h". */
    public static String inWords(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        long min = Math.round(s / 60.0);
        if (min < 60) {
            return min + " min";
        }
        long h = min / 60;
        if (h < 48) {
            return h + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
        }
        return h / 24 + " days" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
    }

    @Override
    public void validated(long step, Scores s, boolean best) {
        String line = String.format(
                Locale.ROOT,
                "validation @ %d: ce %.4f  PPL %.3f  accuracy %.4f  CVR %.4f%s  (%d windows)%s",
                step,
                s.meanCrossEntropy(),
                s.perplexity(),
                s.accuracy(),
                s.contourViolationRatio(),
                (Double.isNaN(s.gold()) ? "" : String.format(Locale.ROOT, "  Gold %.3f", s.gold()))
                        + (s.hasVelocity()
                                ? String.format(
                                        Locale.ROOT,
                                        "  velocity ce %.4f MAE %.3f (previous note %.3f)",
                                        s.velocityCrossEntropy(),
                                        s.velocityMae(),
                                        s.previousVelocityMae())
                                : ""),
                s.windows(),
                best ? "  — new best" : "");
        if (bar != null) {
            bar.pause();
            System.out.println();
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
            bar = null;
        }
    }
}
