package dev.pianogenie.training.cli;

/** Checks of option values that picocli's types cannot express, as one-line messages naming the option. */
final class CliChecks {
    private CliChecks() {
    }

    static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + value);
        }
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
        }
    }
}
