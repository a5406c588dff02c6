package dev.pianogenie.training.loop;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where a training step's wall time goes, summed over steps: the stopwatch behind {@code genie bench train}.
 * The engine runs every op synchronously on the CPU, so the time between two laps is the time of the ops
 * issued between them. A few {@code System.nanoTime} calls per step: always on.
 */
public final class StepPhases {
    /** The phases of one step, in the order they run. */
    public enum Phase {
        /** waiting for the next batch (the prefetch thread should make this ~0) */
        DATA("data"),
        /** host → native: the batch's keys and ΔTs into engine arrays */
        COPY_IN("copy_in"),
        /** encoder, IQAE, decoder and the loss terms */
        FORWARD("forward"),
        /** autograd */
        BACKWARD("backward"),
        /** sharded steps: waiting for the shards other than the first to finish (copy-in to backward are the first's) */
        SHARD_WAIT("shard_wait"),
        /** gradient norm, clipping and the Adam update */
        OPTIMIZER("optimizer"),
        /** native → host: the loss terms and gradient norm as numbers */
        COPY_OUT("copy_out"),
        /** the rest: releasing the step's arrays, the curve row, progress, checkpoints */
        OTHER("other");

        private final String key;

        Phase(String key) {
            this.key = key;
        }

        /** The phase's name in JSON and tables. */
        public String key() {
            return key;
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final long[] nanos = new long[Phase.values().length];
    private final long[] cpuNanos = new long[Phase.values().length];
    private long steps;
    private long mark = System.nanoTime();
    private long cpuMark = THREADS.getCurrentThreadCpuTime();
    private boolean resetAfterStep;

    /** Starts timing from now: what was summed so far is forgotten. */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(cpuNanos, 0);
        steps = 0;
        resetAfterStep = false;
        mark = System.nanoTime();
        cpuMark = THREADS.getCurrentThreadCpuTime();
    }

    /** Forgets what was summed once the current step ends (e.g. at the end of a warm-up, from a listener). */
    public void resetAfterThisStep() {
        resetAfterStep = true;
    }

    /** Charges the time since the last lap to {@code phase}. */
    void lap(Phase phase) {
        long now = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        nanos[phase.ordinal()] += now - mark;
        cpuNanos[phase.ordinal()] += cpu - cpuMark;
        mark = now;
        cpuMark = cpu;
    }

    /**
     * Charges a sharded step's parallel part: copy-in, forward and backward as the first shard measured them on its
     * thread ({@code wall[3], cpu[3]} nanos in that order), the rest of the time since the last lap to
     * {@link Phase#SHARD_WAIT}.
     */
    void lapShards(long[] shard0) {
        long now = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        Phase[] order = {Phase.COPY_IN, Phase.FORWARD, Phase.BACKWARD};
        long charged = 0;
        for (int i = 0; i < order.length; i++) {
            nanos[order[i].ordinal()] += shard0[i];
            cpuNanos[order[i].ordinal()] += shard0[3 + i];
            charged += shard0[i];
        }
        nanos[Phase.SHARD_WAIT.ordinal()] += Math.max(0, now - mark - charged);
        cpuNanos[Phase.SHARD_WAIT.ordinal()] += cpu - cpuMark;
        mark = now;
        cpuMark = cpu;
    }

    /** Closes a step: the time since the last lap is {@link Phase#OTHER}. */
    void endStep() {
        lap(Phase.OTHER);
        steps++;
        if (resetAfterStep) {
            reset();
        }
    }

    public long steps() {
        return steps;
    }

    /** Mean milliseconds per step in each phase (phases in order). */
    public Map<Phase, Double> msPerStep() {
        Map<Phase, Double> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            m.put(p, steps == 0 ? 0.0 : nanos[p.ordinal()] / 1e6 / steps);
        }
        return m;
    }

    /**
     * Mean CPU milliseconds per step of the training thread in each phase: with one engine thread every op runs
     * on it, so this attributes work to phases even on a busy machine (wall times then include waiting for a core).
     */
    public Map<Phase, Double> threadCpuMsPerStep() {
        Map<Phase, Double> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            m.put(p, steps == 0 ? 0.0 : cpuNanos[p.ordinal()] / 1e6 / steps);
        }
        return m;
    }

    /** Mean milliseconds per step, all phases. */
    public double totalMsPerStep() {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return steps == 0 ? 0.0 : sum / 1e6 / steps;
    }
}
