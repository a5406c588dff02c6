package dev.pianogenie.app.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.files.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Learnt controller mappings: one small JSON file per device, {@code <config>/<kind>/<device name>.json}, where
 * {@code <config>} is {@code -Dpianogenie.config}, else the user's settings folder ({@link UserDirs#config()}:
 * {@code $XDG_CONFIG_HOME/piano-genie}, by default {@code ~/.config/piano-genie}; {@code %APPDATA%\piano-genie} on
 * Windows). Written atomically (temp file + rename), so a crash never leaves half a file.
 */
public final class ControllerSettings {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A mapping is a few hundred bytes. */
    private static final long MAX_BYTES = 1L << 20;

    private ControllerSettings() {}

    public static Path dir() {
        String configured = System.getProperty("pianogenie.config");
        if (configured != null) {
            return Path.of(configured);
        }
        return UserDirs.current().config();
    }

    /** The file of one device's settings; the name is made safe for any file system. */
    public static Path file(String kind, String deviceName) {
        String safe = deviceName.trim().replaceAll("[^A-Za-z0-9._-]+", "_");
        return dir().resolve(kind).resolve((safe.isEmpty() ? "unnamed" : safe) + ".json");
    }

    /**
     * The saved settings of a device, if any.
     *
     * @throws IOException naming the file, if it exists but cannot be read as {@code type}
     */
    public static <T> Optional<T> load(String kind, String deviceName, Class<T> type) throws IOException {
        Path f = file(kind, deviceName);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(InputFile.read(f, MAX_BYTES, "a controller mapping"), type));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new IOException(
                    "the saved mapping " + f + " is damaged (" + why
                            + "); learn the controller again to replace it, or delete the file",
                    e);
        }
    }

    public static void save(String kind, String deviceName, Object settings) throws IOException {
        Path f = file(kind, deviceName);
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(settings);
        try {
            AtomicFile.write(f, json);
        } catch (FileAccessException e) {
            throw new IOException("could not save the mapping " + f + ": " + e.reason(), e);
        }
    }
}
