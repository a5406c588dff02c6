package dev.pianogenie.app.input.keyboard;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The usual Piano Genie layout on a computer keyboard: {@code 1}–{@code 8} and {@code a s d f j k l ;} are
 * buttons 0–7, space is the sustain pedal, {@code 0} and {@code r} reset. Keys are named as typed (a
 * character) — the UI and the terminal both map their own key events to these names.
 */
public final class KeyboardLayout {
    /** What a key does: a button (0..7), the pedal or a reset. */
    public record Action(Kind kind, int button) {
        public enum Kind { BUTTON, PEDAL, RESET }
    }

    private static Action button(int b) {
        return new Action(Action.Kind.BUTTON, b);
    }

    private static final Map<String, Action> DEFAULT = Map.ofEntries(
            Map.entry("1", button(0)), Map.entry("2", button(1)), Map.entry("3", button(2)),
            Map.entry("4", button(3)), Map.entry("5", button(4)), Map.entry("6", button(5)),
            Map.entry("7", button(6)), Map.entry("8", button(7)),
            Map.entry("a", button(0)), Map.entry("s", button(1)), Map.entry("d", button(2)),
            Map.entry("f", button(3)), Map.entry("j", button(4)), Map.entry("k", button(5)),
            Map.entry("l", button(6)), Map.entry(";", button(7)),
            Map.entry(" ", new Action(Action.Kind.PEDAL, -1)), Map.entry("space", new Action(Action.Kind.PEDAL, -1)),
            Map.entry("0", new Action(Action.Kind.RESET, -1)), Map.entry("r", new Action(Action.Kind.RESET, -1)));

    private KeyboardLayout() {
    }

    /** The action of a key name ("a", "7", ";", " " or "space"), case-insensitive. */
    public static Optional<Action> action(String key) {
        return Optional.ofNullable(DEFAULT.get(key.toLowerCase(Locale.ROOT)));
    }

    /** A one-line legend for help texts. */
    public static String legend() {
        return "keys 1-8 or a s d f j k l ; = buttons 0-7 (low to high), space = sustain pedal, 0 or r = reset";
    }
}
