package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ControllerSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * The exhibition mode as a setting of the machine, so that a plain {@code ./genie} (a desktop's autostart) opens the
 * exhibit: {@code <config>/kiosk.properties} ({@code ~/.config/piano-genie/kiosk.properties}), e.g.
 * <pre>
 * kiosk=on
 * lang=de
 * idle=90
 * attract=/srv/exhibit/demo.session.jsonl
 * quit=Ctrl+Alt+Q
 * </pre>
 * The command line's {@code --kiosk}, {@code --lang}, {@code --kiosk-idle}, {@code --attract}, {@code --kiosk-quit}
 * win over it; {@code --headless} ignores it (no window).
 */
final class KioskSetting {
    static final Set<String> KEYS = Set.of("kiosk", "lang", "idle", "attract", "quit");

    private KioskSetting() {}

    static Path file() {
        return ControllerSettings.dir().resolve("kiosk.properties");
    }

    /**
     * The saved setting, empty if there is no file.
     *
     * @throws IllegalArgumentException one line naming the file and what is wrong in it
     */
    static Properties read(Path f) {
        Properties p = new Properties();
        if (!Files.isRegularFile(f)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the kiosk setting " + f + " cannot be read (" + e.getMessage() + ")");
        }
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("the kiosk setting " + f + " has an unknown line '" + k
                        + "' (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String on = p.getProperty("kiosk", "off").trim();
        if (!on.equals("on") && !on.equals("off")) {
            throw new IllegalArgumentException(
                    "the kiosk setting " + f + ": kiosk must be on or off, was '" + on + "'");
        }
        return p;
    }
}
