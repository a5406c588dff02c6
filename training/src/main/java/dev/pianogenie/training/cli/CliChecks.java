package dev.pianogenie.training.cli;

/** Checks of option values that picocli's types cannot express, as one-line messages naming the option. */
final class CliChecks {
    private CliChecks() {}

    static void positive(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + value);
        }
    }

    /** Sequences per batch: more than this does not fit any machine's memory at 128 notes a sequence. */
    static final int MAX_BATCH = 4096;

    static void batch(int batch) {
        positive("--batch", batch);
        if (batch > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be at most " + MAX_BATCH + ", was " + batch);
        }
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", was " + value);
        }
    }
}
