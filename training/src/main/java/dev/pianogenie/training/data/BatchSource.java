package dev.pianogenie.training.data;

/** Training batches by index: the same index always gives the same batch, so a resumed run continues exactly. */
public interface BatchSource extends AutoCloseable {
    NoteBatch batch(long index) throws InterruptedException;

    @Override
    default void close() {}
}
