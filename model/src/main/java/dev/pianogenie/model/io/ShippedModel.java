package dev.pianogenie.model.io;

import java.nio.file.Path;

/**
 * Where the shipped default model lives — the one place for it (the app plays it, {@code genie train --init default}
 * fine-tunes it): {@code assets/model} under the installation ({@code genie.home}, set by the launcher), else under
 * the working directory.
 */
public final class ShippedModel {
    /** The model folder, relative to the installation. */
    public static final String RELATIVE = "assets/model";

    private ShippedModel() {}

    /** The shipped model's folder (relative to the working directory when there is no {@code genie.home}). */
    public static Path folder() {
        String home = System.getProperty("genie.home");
        return (home != null ? Path.of(home) : Path.of("")).resolve(RELATIVE);
    }
}
