package dev.pianogenie.app.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Learnt controller mappings: one small JSON file per device, {@code <config>/<kind>/<device name>.json}, where
 * {@code <config>} is {@code -Dpianogenie.config}, else the user's settings folder ({@link UserDirs#config()}:
 * {@code $XDG_CONFIG_HOME/piano-genie}, by default {@code ~/.config/piano-genie}; {@code %APPDATA%\piano-genie} on
 * Windows). Written atomically (temp file + rename), so a crash never leaves half a file.
 */
public final class ControllerSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ControllerSettings() {
    }

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
            return Optional.of(JSON.readValue(f.toFile(), type));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException("the saved mapping " + f + " is damaged (" + why
                    + "); learn the controller again to replace it, or delete the file", e);
        }
    }

    public static void save(String kind, String deviceName, Object settings) throws IOException {
        Path f = file(kind, deviceName);
        Files.createDirectories(f.getParent());
        Path tmp = f.resolveSibling("." + f.getFileName() + ".part");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), settings);
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not save " + f + ": " + e.getMessage(), e);
        }
    }
}
