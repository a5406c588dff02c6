package dev.pianogenie.training.cli;

/** The PyTorch engine's thread pools must be sized before the engine loads: all cores by default. */
final class ThreadsOption {
    private ThreadsOption() {
    }

    static void apply(int threads) {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
