package dev.pianogenie.midi.jack;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A preallocated single-producer single-consumer queue of short MIDI messages (up to 3 bytes, packed in an int) with
 * their time in {@link System#nanoTime()} nanoseconds: how events cross between JACK's process thread and the rest
 * of the program without a lock or an allocation. One thread offers, one other thread polls.
 */
final class MidiEventRing {
    private final long[] times;
    private final int[] messages;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next to read; written by the consumer only
    private final AtomicLong tail = new AtomicLong(); // next to write; written by the producer only
    private final AtomicLong dropped = new AtomicLong();

    /** @param capacity rounded up to a power of two */
    MidiEventRing(int capacity) {
        int c = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        times = new long[c];
        messages = new int[c];
        mask = c - 1;
    }

    static int pack(int status, int data1, int data2) {
        return (status & 0xFF) | (data1 & 0x7F) << 8 | (data2 & 0x7F) << 16;
    }

    static int status(int packed) {
        return packed & 0xFF;
    }

    static int data1(int packed) {
        return packed >>> 8 & 0x7F;
    }

    static int data2(int packed) {
        return packed >>> 16 & 0x7F;
    }

    /** Producer: adds an event, or counts it dropped when the ring is full (never waits). */
    boolean offer(int packed, long nanos) {
        long t = tail.get();
        if (t - head.getAcquire() > mask) {
            dropped.incrementAndGet();
            return false;
        }
        int i = (int) t & mask;
        times[i] = nanos;
        messages[i] = packed;
        tail.setRelease(t + 1);
        return true;
    }

    /** Consumer: whether an event waits. */
    boolean isEmpty() {
        return head.get() == tail.getAcquire();
    }

    /** Consumer: the oldest event's message (only when not {@link #isEmpty()}). */
    int peekMessage() {
        return messages[(int) head.get() & mask];
    }

    /** Consumer: the oldest event's time. */
    long peekNanos() {
        return times[(int) head.get() & mask];
    }

    /** Consumer: drops the oldest event. */
    void advance() {
        head.setRelease(head.get() + 1);
    }

    /** Consumer: drops every waiting event. */
    void clear() {
        head.setRelease(tail.getAcquire());
    }

    long dropped() {
        return dropped.get();
    }
}
