package dev.pianogenie.training.cli;

import dev.pianogenie.training.run.TrainingConfig;

/** The PyTorch engine's thread pools must be sized before the engine loads: all cores by default; and the shards over them. */
final class ThreadsOption {
    /** More engine threads than this is a typo (each one is a native thread with its own stack). */
    static final int MAX_THREADS = 1024;

    private ThreadsOption() {}

    /** Sizes the pools for {@code --threads} (0 = all cores), refusing a value no machine means. */
    static void apply(int threads) {
        int n = count(threads);
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** The engine threads {@code --threads N} means: N, or all cores for 0; a value no machine means is refused. */
    static int count(int threads) {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(
                    "--threads must be 0 (all cores) to " + MAX_THREADS + ", was " + threads);
        }
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** {@code --shards N} checked against its range and the batch; returns N. */
    static int checkShards(int shards, int batch) {
        int max = Math.min(TrainingConfig.MAX_SHARDS, batch);
        if (shards < 1 || shards > max) {
            throw new IllegalArgumentException("--shards must be 1.." + max + " (at most " + TrainingConfig.MAX_SHARDS
                    + " and at most the batch), was " + shards);
        }
        return shards;
    }
}
