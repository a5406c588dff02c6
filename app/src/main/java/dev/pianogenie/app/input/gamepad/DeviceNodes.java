package dev.pianogenie.app.input.gamepad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Whether a device was plugged in or out since the last look, from the names in the input-device folder
 * ({@code /dev/input} on Linux: one {@code event*} node per device). A missing folder counts as empty.
 */
final class DeviceNodes {
    private final Path dir;
    private final boolean watchable;
    private Set<String> last;

    /** The system's folder: watchable on Linux only. */
    DeviceNodes(Path dir) {
        this(dir, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"));
    }

    DeviceNodes(Path dir, boolean watchable) {
        this.dir = dir;
        this.watchable = watchable;
    }

    /** False where there is no device folder to watch: every look must then be an enumeration. */
    boolean watchable() {
        return watchable;
    }

    /** True the first time and whenever the set of device names differs from the last look. */
    synchronized boolean changed() {
        Set<String> now = new TreeSet<>();
        if (watchable) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(p -> now.add(p.getFileName().toString()));
            } catch (IOException e) {
                // no folder (a container, no input devices): nothing plugged in
            }
        }
        boolean changed = !now.equals(last);
        last = now;
        return changed;
    }
}
