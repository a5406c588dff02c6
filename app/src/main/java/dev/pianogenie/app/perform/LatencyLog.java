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
        return percentile(decode, q);
    }

    /** Percentile q (0..1) of event → outputs, in µs. */
    public double totalPercentileMicros(double q) {
        return percentile(total, q);
    }

    private double percentile(long[] ring, double q) {
        int n = (int) Math.min(count, ring.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] copy = Arrays.copyOf(ring, n);
        Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) Math.floor(q * n))] / 1e3;
    }
}
