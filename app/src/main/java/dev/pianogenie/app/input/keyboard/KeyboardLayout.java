package dev.pianogenie.app.input.keyboard;

import dev.pianogenie.model.Keys;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Piano Genie on a computer keyboard, for a model of n buttons: the number keys {@code 1}.. are buttons 0.. (up to
 * 9), and a row of letters plays every button low to high — for 8 buttons the usual {@code a s d f j k l ;}; for
 * fewer the middle of that row ({@code d f j k} for 4: both hands, as for 8); for more, "musical typing" as in music
 * software ({@code a w s e d f t g y h u j k o l p}: the home row and the keys above it, zig-zag, skipping
 * {@code r}). Space is the sustain pedal, {@code 0} and {@code r} reset. Keys beyond the model's buttons do nothing.
 * Keys are named as typed (a character) — the UI and the terminal both map their own key events to these names.
 */
public final class KeyboardLayout {
    /** What a key does: a button (0..n−1), the pedal or a reset. */
    public record Action(Kind kind, int button) {
        public enum Kind {
            BUTTON,
            PEDAL,
            RESET
        }
    }

    private static final List<String> HOME = List.of("a", "s", "d", "f", "j", "k", "l", ";");
    private static final List<String> MUSICAL_TYPING =
            List.of("a", "w", "s", "e", "d", "f", "t", "g", "y", "h", "u", "j", "k", "o", "l", "p");
    private static final int NUMBER_KEYS = 9; // 1..9; 0 resets
    /** The layout of 8 buttons, the one both published models are played with. */
    public static final KeyboardLayout DEFAULT = forButtons(Keys.DEFAULT_BUTTONS);

    private final int buttons;
    private final List<String> letters;
    private final Map<String, Action> actions = new HashMap<>();

    private KeyboardLayout(int buttons) {
        this.buttons = Keys.checkButtonCount(buttons);
        int left = (buttons + 1) / 2; // the left hand takes the odd one
        this.letters = buttons <= HOME.size()
                ? HOME.subList(4 - left, 4 + buttons - left)
                : MUSICAL_TYPING.subList(0, buttons);
        for (int b = 0; b < buttons; b++) {
            actions.put(letters.get(b), new Action(Action.Kind.BUTTON, b));
            if (b < NUMBER_KEYS) {
                actions.put(String.valueOf(b + 1), new Action(Action.Kind.BUTTON, b));
            }
        }
        actions.put(" ", new Action(Action.Kind.PEDAL, -1));
        actions.put("space", new Action(Action.Kind.PEDAL, -1));
        actions.put("0", new Action(Action.Kind.RESET, -1));
        actions.put("r", new Action(Action.Kind.RESET, -1));
    }

    /** The layout for a model of {@code n} buttons ({@value Keys#MIN_BUTTONS}..{@value Keys#MAX_BUTTONS}). */
    public static KeyboardLayout forButtons(int n) {
        return n == Keys.DEFAULT_BUTTONS && DEFAULT != null ? DEFAULT : new KeyboardLayout(n);
    }

    public int buttons() {
        return buttons;
    }

    /** The action of a key name ("a", "7", ";", " " or "space"), case-insensitive; empty for a key that does nothing. */
    public Optional<Action> action(String key) {
        return Optional.ofNullable(actions.get(key.toLowerCase(Locale.ROOT)));
    }

    /** The letter key of button {@code b} ("a", ";", "w"…). */
    public String letter(int b) {
        return letters.get(b);
    }

    /** The number key of button {@code b} ("1".."9"), or empty beyond 9. */
    public Optional<String> number(int b) {
        return b < NUMBER_KEYS ? Optional.of(String.valueOf(b + 1)) : Optional.empty();
    }

    /** The keys that play, short, for the window: "1–8 or A S D F J K L ;". */
    public String hint() {
        String row = String.join(" ", letters).toUpperCase(Locale.ROOT);
        return buttons <= NUMBER_KEYS ? "1–" + buttons + " or " + row : row + " (or 1–9)";
    }

    /** A one-line legend for help texts. */
    public String legend() {
        String numbers = buttons <= NUMBER_KEYS ? "keys 1-" + buttons + " or " : "keys ";
        String more = buttons <= NUMBER_KEYS ? "" : "; 1-9 = buttons 0-8";
        return numbers + String.join(" ", letters) + " = buttons 0-" + (buttons - 1) + " (low to high" + more
                + "), space = sustain pedal, 0 or r = reset";
    }
}
