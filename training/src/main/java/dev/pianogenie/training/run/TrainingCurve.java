package dev.pianogenie.training.run;

import dev.pianogenie.training.eval.Scores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training curve as CSV, one row per step (validation columns filled where validation ran).
 * On resume, rows after the checkpoint's step are dropped, so the curve never holds a step twice.
 *
 * <p>The file stays open and rows are buffered (opening it for every row cost ~0.5 ms a step); {@link #flush()}
 * before each checkpoint writes them, so every step up to a checkpoint is on disk — later rows a kill loses are
 * the ones a resume would drop anyway.
 */
public final class TrainingCurve implements AutoCloseable {
    public static final String HEADER =
            "step,loss,reconstruction,margin,contour,grad_norm,lr,steps_per_s,val_ce,val_ppl,val_accuracy,val_cvr,val_gold,"
                    + "velocity,val_velocity_ce,val_velocity_mae";
    private static final int COLUMNS = HEADER.split(",").length;

    private final Path file;
    private final BufferedWriter writer;

    public TrainingCurve(Path file, long resumeStep) throws IOException {
        this.file = file;
        List<String> kept = new ArrayList<>();
        kept.add(HEADER);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("step")) {
                    continue;
                }
                try {
                    if (Long.parseLong(line.substring(0, line.indexOf(','))) <= resumeStep) {
                        // rows written before a column was added get it empty, so every row has the header's columns
                        kept.add(line + ",".repeat(Math.max(0, COLUMNS - line.split(",", -1).length)));
                    }
                } catch (RuntimeException malformed) {
                    // a line cut by a kill mid-write: drop it
                }
            }
        }
        dev.pianogenie.files.AtomicFile.write(
                file, (String.join("\n", kept) + (kept.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    public void append(long step, StepLosses l, double lr, double stepsPerSecond, Scores val) throws IOException {
        String velocity = Double.isNaN(l.velocity()) ? "" : String.format(Locale.ROOT, "%.5f", l.velocity());
        String row = String.format(
                Locale.ROOT,
                "%d,%.5f,%.5f,%.6f,%.5f,%.4f,%.3g,%.3f,%s,%s,%s%n",
                step,
                l.total(),
                l.reconstruction(),
                l.margin(),
                l.contour(),
                l.gradNorm(),
                lr,
                stepsPerSecond,
                columns(val),
                velocity,
                velocityColumns(val));
        writer.write(row);
    }

    /**
     * A validation without a training step (the starting model of a fine-tuning, step 0): the training columns stay
     * empty, so a reader tells it from a step's row.
     */
    public void appendValidation(long step, Scores val) throws IOException {
        writer.write(String.format(Locale.ROOT, "%d,,,,,,,,%s,,%s%n", step, columns(val), velocityColumns(val)));
    }

    /** Validation's velocity cross-entropy and MAE (empty for a model without a velocity output). */
    private static String velocityColumns(Scores val) {
        return val == null || !val.hasVelocity()
                ? ","
                : String.format(Locale.ROOT, "%.5f,%.4f", val.velocityCrossEntropy(), val.velocityMae());
    }

    private static String columns(Scores val) {
        return val == null
                ? ",,,,"
                : String.format(
                        Locale.ROOT,
                        "%.5f,%.4f,%.4f,%.5f,%s",
                        val.meanCrossEntropy(),
                        val.perplexity(),
                        val.accuracy(),
                        val.contourViolationRatio(),
                        Double.isNaN(val.gold()) ? "" : String.format(Locale.ROOT, "%.4f", val.gold()));
    }

    /** Writes the buffered rows to the file. */
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    public Path file() {
        return file;
    }
}
