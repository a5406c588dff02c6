package dev.pianogenie.training.cli;

/** The PyTorch engine's thread pools must be sized before the engine loads: all cores by default; and the shards over them. */
final class ThreadsOption {
    private ThreadsOption() {
    }

    static void apply(int threads) {
        int n = count(threads);
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** The engine threads {@code --threads N} means: N, or all cores for 0. */
    static int count(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** {@code --shards N} checked against its range and the batch; returns N. */
    static int checkShards(int shards, int batch) {
        int max = Math.min(dev.pianogenie.training.loop.TrainingConfig.MAX_SHARDS, batch);
        if (shards < 1 || shards > max) {
            throw new IllegalArgumentException("--shards must be 1.." + max + " (at most "
                    + dev.pianogenie.training.loop.TrainingConfig.MAX_SHARDS + " and at most the batch), was " + shards);
        }
        return shards;
    }
}
