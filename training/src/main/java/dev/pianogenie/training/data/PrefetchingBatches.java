package dev.pianogenie.training.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Prepares the next batches on a background thread, so the engine never waits for data. Batches come out
 * in index order; asking for an index other than the next one (a resume) restarts the stream there.
 */
public final class PrefetchingBatches implements BatchSource {
    private record Item(long index, NoteBatch batch, RuntimeException error) {}

    private final BatchSource source;
    private final int depth;
    private BlockingQueue<Item> queue;
    private Thread worker;
    private long next = -1;

    public PrefetchingBatches(BatchSource source, int depth) {
        this.source = source;
        this.depth = depth;
    }

    @Override
    public synchronized NoteBatch batch(long index) throws InterruptedException {
        if (index != next) {
            restartAt(index);
        }
        Item item = queue.take();
        if (item.error != null) {
            throw item.error;
        }
        next = index + 1;
        return item.batch;
    }

    private void restartAt(long index) {
        stopWorker();
        BlockingQueue<Item> q = new ArrayBlockingQueue<>(depth);
        queue = q;
        worker = new Thread(
                () -> {
                    try {
                        for (long i = index; !Thread.currentThread().isInterrupted(); i++) {
                            try {
                                q.put(new Item(i, source.batch(i), null));
                            } catch (RuntimeException e) {
                                q.put(new Item(i, null, e));
                                return;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "batch-prefetch");
        worker.setDaemon(true);
        worker.start();
    }

    private void stopWorker() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
    }

    @Override
    public synchronized void close() {
        stopWorker();
        source.close();
    }
}
