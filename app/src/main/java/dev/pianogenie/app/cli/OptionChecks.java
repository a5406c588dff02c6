package dev.pianogenie.app.cli;

import java.util.List;
import java.util.Locale;

/**
 * Checks of option values that picocli's type conversion lets through (NaN, 1e300, negative counts, an empty
 * list): each refusal is one line that names the option, what it takes, and what was given.
 */
final class OptionChecks {
    /** Longer than any pause between two presses anyone means: ΔT inputs saturate after about a second. */
    static final double MAX_GAP_SECONDS = 3600;

    private OptionChecks() {}

    /** A pause between presses: a finite number of seconds, 0 to {@link #MAX_GAP_SECONDS}. */
    static double seconds(String option, double value) {
        if (!(value >= 0 && value <= MAX_GAP_SECONDS)) { // also false for NaN
            throw new IllegalArgumentException(option + " takes seconds from 0 to " + (int) MAX_GAP_SECONDS + ", was "
                    + String.format(Locale.ROOT, "%s", value));
        }
        return value;
    }

    /** A count that must be at least {@code min}. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** A count from {@code min} to {@code max}: a bound far above any real use keeps a typo from exhausting memory. */
    static int between(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be %,d to %,d, was %,d", option, min, max, value));
        }
        return value;
    }

    /** A list option that needs at least one value (picocli turns "{@code ,,}" into an empty list). */
    static <T> List<T> notEmpty(String option, List<T> values, String example) {
        if (values == null || values.isEmpty() || values.contains(null)) {
            throw new IllegalArgumentException(option + " needs at least one value, e.g. " + option + " " + example);
        }
        return values;
    }
}
