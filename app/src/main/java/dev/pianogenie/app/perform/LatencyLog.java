package dev.pianogenie.app.perform;

import java.util.Arrays;

/**
 * The last presses' latencies (decoder step, and event → note-on handed to the outputs), kept in two
 * fixed rings the real-time thread writes without allocating; readers take a snapshot for percentiles.
 */
public final class LatencyLog {
    private final long[] decode;
    private final long[] total;
    private volatile long count;

    public LatencyLog(int capacity) {
        decode = new long[capacity];
        total = new long[capacity];
    }

    void add(long decodeNanos, long totalNanos) {
        int i = (int) (count % decode.length);
        decode[i] = decodeNanos;
        total[i] = totalNanos;
        count = count + 1; // single writer: the performer thread
    }

    public long count() {
        return count;
    }

    /** Percentile q (0..1) of the recorded decoder times, in µs; NaN before the first press. */
    public double decodePercentileMicros(double q) {
        return percentile(decode, q, 0);
    }

    /** Percentile q (0..1) of event → outputs, in µs. */
    public double totalPercentileMicros(double q) {
        return percentile(total, q, 0);
    }

    /** As {@link #decodePercentileMicros}, over the presses since the count was {@code fromCount} (a window). */
    public double decodePercentileMicrosSince(long fromCount, double q) {
        return percentile(decode, q, fromCount);
    }

    /** As {@link #totalPercentileMicros}, over the presses since the count was {@code fromCount} (a window). */
    public double totalPercentileMicrosSince(long fromCount, double q) {
        return percentile(total, q, fromCount);
    }

    private double percentile(long[] ring, double q, long fromCount) {
        long c = count;
        int n = (int) Math.min(c - Math.min(fromCount, c), ring.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] copy = new long[n];
        for (int i = 0; i < n; i++) {
            copy[i] = ring[(int) ((c - n + i) % ring.length)];
        }
        Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) Math.floor(q * n))] / 1e3;
    }
}
