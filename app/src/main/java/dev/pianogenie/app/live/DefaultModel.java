package dev.pianogenie.app.live;

import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.io.ModelFormatException;
import dev.pianogenie.model.io.ShippedModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped default model lives: {@code assets/model} under the installation ({@code genie.home},
 * set by the launcher), else under the working directory.
 */
public final class DefaultModel {
    public static final String RELATIVE = ShippedModel.RELATIVE;

    private DefaultModel() {}

    public static Path locate() {
        Path dir = ShippedModel.folder().toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the default model is missing: no folder " + dir
                    + "; pass --model DIR (a model folder or a TF.js checkpoint)");
        }
        return dir;
    }

    /** The default model for {@code --version}: its name, quality, training and folder, or why there is none. */
    public static String describe() {
        try {
            Path dir = locate();
            return describe(ModelFiles.load(dir).config()) + " (" + dir + ")";
        } catch (IllegalStateException | ModelFormatException e) {
            return "none: " + e.getMessage();
        }
    }

    /**
     * A model in one line: its validation perplexity when known, and its step — which, for a model trained in stages
     * (a velocity output trained over a finished decoder), counts only the last stage's steps and says so.
     */
    static String describe(ModelConfig config) {
        var p = config.provenance();
        String ppl = p.get("validation_ppl");
        String step = p.get("step");
        String steps = step == null
                ? ""
                : p.containsKey("fine_tuned_from") ? ", its last training stage " + step + " steps" : ", step " + step;
        return config.name()
                + (ppl == null ? "" : ", validation PPL " + ppl)
                + steps
                + (config.predictsVelocity() ? ", predicts velocity" : ", fixed velocity");
    }
}
