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

    private DefaultModel() {
    }

    public static Path locate() {
        Path dir = ShippedModel.folder().toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the default model is missing: no folder " + dir
                    + "; pass --model DIR (a model folder or a TF.js checkpoint)");
        }
        return dir;
    }

    /** The default model for {@code --version}: its name, training step and folder, or why there is none. */
    public static String describe() {
        try {
            Path dir = locate();
            ModelConfig config = ModelFiles.load(dir).config();
            String step = config.provenance().get("step");
            return config.name() + (step == null ? "" : ", step " + step)
                    + (config.predictsVelocity() ? ", predicts velocity" : ", fixed velocity") + " (" + dir + ")";
        } catch (IllegalStateException | ModelFormatException e) {
            return "none: " + e.getMessage();
        }
    }
}
