package dev.pianogenie.training.cli;

/** The PyTorch engine's thread pools must be sized before the engine loads: all cores by default. */
final class ThreadsOption {
    /** More engine threads than this is a typo (each one is a native thread with its own stack). */
    static final int MAX_THREADS = 1024;

    private ThreadsOption() {
    }

    /** Sizes the pools for {@code --threads} (0 = all cores), refusing a value no machine means. */
    static void apply(int threads) {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("--threads must be 0 (all cores) to " + MAX_THREADS + ", was " + threads);
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
