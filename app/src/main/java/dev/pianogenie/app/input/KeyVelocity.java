package dev.pianogenie.app.input;

import java.util.Locale;

/**
 * What a velocity-sensitive controller's velocity (a MIDI keyboard's) does: {@link #PLAY} — the note is played at
 * it, as the player struck it (the default: a keyboard player's touch is heard note for note, as on any keyboard,
 * and no model second-guesses an accent the player meant); {@link #DYNAMICS} — it sets the dynamics, and the genie
 * shapes its own velocities around it (the player leads the level, the model the phrasing within it).
 */
public enum KeyVelocity {
    PLAY,
    DYNAMICS;

    public static final String HELP = "play or dynamics";

    public static KeyVelocity parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "play" -> PLAY;
            case "dynamics" -> DYNAMICS;
            default -> throw new IllegalArgumentException("--key-velocity must be " + HELP + ", was '" + text + "'");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
