package dev.pianogenie.training.data;

import java.util.Locale;

/** A dataset split, named as in MAESTRO's CSV. */
public enum Split {
    TRAIN,
    VALIDATION,
    TEST;

    public static Split parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // no cause: the JDK's "No enum constant dev.pianogenie..." says nothing a player needs
            throw new IllegalArgumentException("unknown split '" + s + "' (expected train, validation or test)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
