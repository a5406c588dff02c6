package dev.pianogenie.training.cli;

import dev.pianogenie.training.run.CurvePlot;
import dev.pianogenie.training.run.ModelExport;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** {@code genie train --export-only}: a run's best (or --latest) model written to a model folder, with its curve. */
final class ExportOnly {
    private ExportOnly() {}

    static int export(RunFolder run, Path out, String name, boolean latest) throws IOException {
        TrainingState exported =
                latest ? ModelExport.exportLatest(run.dir(), out, name) : ModelExport.exportBest(run.dir(), out, name);
        Path csv = run.curve();
        if (Files.exists(csv)) {
            Files.copy(csv, out.resolve("training-curve.csv"), StandardCopyOption.REPLACE_EXISTING);
            CurvePlot.render(csv, out.resolve("training-curve.png"));
        }
        if (latest) {
            System.out.printf(
                    Locale.ROOT,
                    "exported the latest parameters of %s (step %d; its best by validation: step %d,"
                            + " PPL %.3f) to %s%n",
                    run,
                    exported.step(),
                    exported.bestStep(),
                    Math.exp(exported.bestValidationCe()),
                    out);
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "exported the best model of %s (step %d, validation PPL %.3f) to %s%n",
                    run,
                    exported.bestStep(),
                    Math.exp(exported.bestValidationCe()),
                    out);
        }
        return 0;
    }
}
