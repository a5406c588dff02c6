package dev.pianogenie.files;

import java.nio.file.Path;

/**
 * Where genie keeps its caches (extracted native libraries, dataset caches): {@code -Dpianogenie.cache=DIR}
 * (the tests point it under {@code target/}), else the user's cache folder ({@link UserDirs#cache()}, on Linux
 * {@code $XDG_CACHE_HOME/piano-genie}, by default {@code ~/.cache/piano-genie}).
 */
public final class Caches {
    private Caches() {}

    public static Path root() {
        String configured = System.getProperty("pianogenie.cache");
        return configured != null ? Path.of(configured) : UserDirs.current().cache();
    }

    public static Path dir(String name) {
        return root().resolve(name);
    }
}
