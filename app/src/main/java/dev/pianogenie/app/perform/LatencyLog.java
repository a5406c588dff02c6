package dev.pianogenie.app.perform;

import java.util.Arrays;

/**
 * The last presses' latencies (decoder step, and event → note-on handed to the outputs), and the last
 * look-aheads' costs, kept in fixed rings the real-time thread writes without allocating; readers take a
 * snapshot for percentiles.
 */
public final class LatencyLog {
    private final long[] decode;
    private final long[] total;
    private final long[] lookahead;
    private volatile long count;
    private volatile long lookaheads;

    public LatencyLog(int capacity) {
        decode = new long[capacity];
        total = new long[capacity];
        lookahead = new long[capacity];
    }

    void addLookahead(long nanos) {
        lookahead[(int) (lookaheads % lookahead.length)] = nanos;
        lookaheads = lookaheads + 1; // single writer: the performer thread
    }

    /** Look-aheads computed so far. */
    public long lookaheadCount() {
        return lookaheads;
    }

    /** Percentile q (0..1) of the recorded look-ahead costs (one batch-of-8 decoder call each), in µs. */
    public double lookaheadPercentileMicros(double q) {
        return percentile(lookahead, lookaheads, q, 0);
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
        return percentile(ring, count, q, fromCount);
    }

    private static double percentile(long[] ring, long c, double q, long fromCount) {
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
