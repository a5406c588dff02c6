package dev.pianogenie.midi.jack;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A preallocated single-producer single-consumer ring of stereo float frames: the synth's render thread writes,
 * JACK's process thread reads, with no lock and no allocation.
 */
final class AudioRing {
    private final float[] left;
    private final float[] right;
    private final int mask;
    private final AtomicLong read = new AtomicLong(); // frames read; the consumer writes it
    private final AtomicLong written = new AtomicLong(); // frames written; the producer writes it
    private final AtomicLong underruns = new AtomicLong();

    /** @param frames rounded up to a power of two */
    AudioRing(int frames) {
        int c = Integer.highestOneBit(Math.max(2, frames - 1)) << 1;
        left = new float[c];
        right = new float[c];
        mask = c - 1;
    }

    int capacity() {
        return mask + 1;
    }

    /** Frames waiting to be read. */
    int fill() {
        return (int) (written.getAcquire() - read.getAcquire());
    }

    /** Producer: appends {@code frames} interleaved stereo frames (the caller keeps {@link #fill()} within capacity). */
    void write(float[] interleaved, int frames) {
        long w = written.get();
        for (int f = 0; f < frames; f++) {
            int i = (int) (w + f) & mask;
            left[i] = interleaved[2 * f];
            right[i] = interleaved[2 * f + 1];
        }
        written.setRelease(w + frames);
    }

    /**
     * Consumer: moves {@code frames} frames into the two port buffers; what is missing (the render thread fell behind)
     * is silence and counted as an underrun.
     */
    void read(FloatBuffer l, FloatBuffer r, int frames) {
        long from = read.get();
        int have = (int) Math.min(frames, written.getAcquire() - from);
        for (int f = 0; f < have; f++) {
            int i = (int) (from + f) & mask;
            l.put(f, left[i]);
            r.put(f, right[i]);
        }
        for (int f = Math.max(have, 0); f < frames; f++) {
            l.put(f, 0f);
            r.put(f, 0f);
        }
        if (have < frames) {
            underruns.incrementAndGet();
        }
        read.setRelease(from + Math.max(have, 0));
    }

    long underruns() {
        return underruns.get();
    }
}
