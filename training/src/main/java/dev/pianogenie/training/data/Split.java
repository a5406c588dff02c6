package dev.pianogenie.training.data;

import java.util.Locale;

/** A dataset split, named as in MAESTRO's CSV. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    public static Split parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + s + "' (expected train, validation or test)", e);
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
