package dev.pianogenie.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * An exhibition's settings ({@code ./genie --kiosk}): the visitor's language, how long nobody plays before the exhibit
 * starts a new phrase with its own settings again, the demo session that plays meanwhile (attract mode; none: silence),
 * and the one key combination that quits.
 */
public record KioskSettings(Locale locale, Duration idle, Optional<Path> attract, String quitKeys) {
    public static final String DEFAULT_QUIT = "Ctrl+Alt+Q";
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(60);

    /** @throws IllegalArgumentException with one line saying what is wrong */
    public KioskSettings {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("--kiosk-idle must be at least 1 second, was " + idle.toSeconds());
        }
        if (attract.isPresent() && !Files.isRegularFile(attract.get())) {
            throw new IllegalArgumentException("--attract: no session file at " + attract.get()
                    + " (a FILE.session.jsonl, e.g. docs/demo.session.jsonl or one saved beside a take)");
        }
        KeyCombination c;
        try {
            c = KeyCombination.valueOf(quitKeys);
        } catch (RuntimeException e) {
            c = null;
        }
        // a key's name (not a character: "Banana" would be one), held with Ctrl, Alt, Meta or Shortcut — a visitor
        // must not quit the exhibit by chance
        if (!(c instanceof KeyCodeCombination)
                || (c.getControl() == KeyCombination.ModifierValue.UP
                        && c.getAlt() == KeyCombination.ModifierValue.UP
                        && c.getMeta() == KeyCombination.ModifierValue.UP
                        && c.getShortcut() == KeyCombination.ModifierValue.UP)) {
            throw new IllegalArgumentException(
                    "--kiosk-quit: '" + quitKeys + "' is not a key combination with Ctrl, Alt,"
                            + " Meta or Shortcut (e.g. " + DEFAULT_QUIT + ", Shortcut+Shift+F12)");
        }
    }

    /** The combination that quits, as JavaFX matches it. */
    KeyCombination quit() {
        return KeyCombination.valueOf(quitKeys);
    }
}
