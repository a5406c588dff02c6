package dev.pianogenie.app.live;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shipped default model lives: {@code assets/model} under the installation ({@code genie.home},
 * set by the launcher), else under the working directory.
 */
public final class DefaultModel {
    public static final String RELATIVE = "assets/model";

    private DefaultModel() {
    }

    public static Path locate() {
        String home = System.getProperty("genie.home");
        Path dir = (home != null ? Path.of(home) : Path.of("")).resolve(RELATIVE).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the default model is missing: no folder " + dir
                    + "; pass --model DIR (a model folder or a TF.js checkpoint)");
        }
        return dir;
    }
}
