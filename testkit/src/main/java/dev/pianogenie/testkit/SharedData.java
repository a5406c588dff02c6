package dev.pianogenie.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the tests find ../shared (MAESTRO MIDI, reference weights, golden vectors, gold melodies).
 * A test that needs it fails with a message saying what is missing; it never passes silently.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared folder: {@code -Dpianogenie.shared}, else {@code ../shared} beside the repository. */
    public static Path dir() {
        String configured = System.getProperty("pianogenie.shared");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "shared");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared test data is missing: no folder " + dir
                    + ". The tests need ../shared beside the repository (MAESTRO MIDI and reference weights);"
                    + " put it there or pass -Dpianogenie.shared=DIR.");
        }
        return dir;
    }

    /** A file or folder under ../shared that must exist. */
    public static Path path(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("The shared test data is incomplete: " + p + " does not exist.");
        }
        return p;
    }

    public static Path maestro() {
        return path("data/maestro-v2.0.0");
    }

    public static Path maestroFile(String relative) {
        return path("data/maestro-v2.0.0/" + relative);
    }

    public static Path paperModel() {
        return path("reference/magenta-piano-genie");
    }

    public static Path tutorialModel() {
        return path("reference/music-cocreation-tutorial");
    }

    public static Path goldMelodies() {
        return path("reference/gold-melodies.json");
    }
}
