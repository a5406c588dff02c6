package dev.pianogenie.app.input;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Paces a schedule of events to the wall clock, for whatever plays one back in real time (a replayed session, the
 * simulated player of {@code bench soak}). Each event is waited for against its own scheduled time — never against
 * a time re-stamped while waiting, which would shrink every wait to one sleep. A stall (the process stopped by
 * SIGSTOP and continued, a long GC pause, swapping) that makes an event later than {@link #STALL_NANOS} moves the
 * rest of the schedule later by as much: the events that fell due meanwhile keep their intervals instead of all
 * firing at once as one cluster chord.
 */
public final class Pacer {
    /** Later than this, an event is taken as stalled rather than merely late (a busy machine's jitter is less). */
    public static final long STALL_NANOS = 50_000_000L;

    private static final long MAX_PARK_NANOS = 1_000_000L;

    private long shift;
    private long lastLateness;

    /**
     * Waits until {@code scheduledNanos} (on the {@link System#nanoTime()} scale, plus any stall absorbed so far).
     *
     * @return the moment the event is due to be sent (now, to stamp it with), or -1 if {@code stopped} became true
     */
    public long await(long scheduledNanos, BooleanSupplier stopped) {
        long due = scheduledNanos + shift;
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            if (stopped.getAsBoolean()) {
                return -1;
            }
            LockSupport.parkNanos(Math.min(wait, MAX_PARK_NANOS));
        }
        long now = System.nanoTime();
        lastLateness = now - due;
        if (now - due > STALL_NANOS) {
            shift += now - due; // a stall: the rest of the schedule follows it
        }
        return stopped.getAsBoolean() ? -1 : now;
    }

    /** How late the last event awaited was against its due time (a stall included), in ns. */
    public long lastLatenessNanos() {
        return lastLateness;
    }

    /** How much later than planned the schedule now runs, after the stalls it absorbed. */
    public long shiftNanos() {
        return shift;
    }
}
