package dev.pianogenie.app.perform;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.Pacer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A tireless pianist for soak tests and benchmarks: up to 20 presses a second, runs up and down, chords
 * (near-simultaneous presses), held notes, the sustain pedal now and then, an occasional reset. Every press
 * is released. {@link #play} either sends the events as fast as the performer takes them, stamped with the
 * simulated time, or paces them in real time, stamped — like a controller — with the moment they are sent (how
 * late this player's own thread was against its schedule is kept apart: {@link #latenessPercentileMicros}).
 */
public final class SimulatedPlayer {
    private final SplittableRandom random;
    private Pacer pacer = new Pacer(); // one per play: its schedule starts there
    private final int[] held = new int[8];
    private final long[] lateness = new long[1 << 16];
    private int latenessCount;

    public SimulatedPlayer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Plays for {@code seconds} of simulated time starting at {@code startNanos}.
     *
     * @param realTime pace events to the wall clock (then {@code startNanos} should be about now)
     * @return the number of presses
     */
    public long play(ButtonListener out, long startNanos, double seconds, boolean realTime)
            throws InterruptedException {
        return play(out, startNanos, seconds, realTime, () -> {});
    }

    /** As {@link #play(ButtonListener, long, double, boolean)}; {@code between} runs after every chord
     * (e.g. to let the performer catch up when sending as fast as possible). */
    public long play(ButtonListener out, long startNanos, double seconds, boolean realTime, Runnable between)
            throws InterruptedException {
        pacer = new Pacer();
        long t = startNanos;
        long end = startNanos + (long) (seconds * 1e9);
        long presses = 0;
        boolean pedal = false;
        int button = random.nextInt(8);
        while (t < end) {
            int chord = random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 1;
            for (int c = 0; c < chord; c++) {
                button = Math.max(0, Math.min(7, button + random.nextInt(-2, 3)));
                send(out, ButtonEvent.press(button, 30 + random.nextInt(90), t), realTime);
                held[button]++;
                presses++;
                t += 1_000_000L + random.nextLong(4_000_000L); // chord notes a few ms apart
            }
            between.run();
            t += 50_000_000L + random.nextLong(100_000_000L); // 10–20 presses/s
            for (int b = 0; b < 8; b++) {
                while (held[b] > 0 && random.nextInt(3) > 0) {
                    send(out, ButtonEvent.release(b, t), realTime);
                    held[b]--;
                }
            }
            if (random.nextInt(40) == 0) {
                pedal = !pedal;
                send(out, ButtonEvent.pedal(pedal, t), realTime);
            }
            if (random.nextInt(500) == 0) {
                send(out, ButtonEvent.reset(t), realTime);
            }
        }
        for (int b = 0; b < 8; b++) {
            for (; held[b] > 0; held[b]--) {
                send(out, ButtonEvent.release(b, t), realTime);
            }
        }
        if (pedal) {
            send(out, ButtonEvent.pedal(false, t), realTime);
        }
        return presses;
    }

    private void send(ButtonListener out, ButtonEvent e, boolean realTime) throws InterruptedException {
        if (!realTime) {
            while (!out.offer(e, 10, TimeUnit.MILLISECONDS)) {
                // as fast as the performer takes them: wait for room, never drop
            }
            return;
        }
        // waited for against its own schedule (re-stamping it while waiting made every wait one short sleep:
        // "1 minute" ended in seconds); a stall of this process moves the rest of the schedule later
        long now = pacer.await(e.nanos(), Thread::interrupted);
        if (now < 0) {
            throw new InterruptedException();
        }
        if (e.kind() == ButtonEvent.Kind.PRESS) {
            lateness[latenessCount++ & (lateness.length - 1)] = pacer.lastLatenessNanos();
        }
        // stamped when it is sent, as a controller stamps its events: the player's own lateness in waking up is
        // not the performer's latency
        out.onEvent(e.at(now));
    }

    /** Percentile q of how late real-time presses were sent against their schedule since the last call, in µs. */
    public double latenessPercentileMicros(double q) {
        int n = Math.min(latenessCount, lateness.length);
        latenessCount = 0;
        if (n == 0) {
            return Double.NaN;
        }
        long[] copy = java.util.Arrays.copyOf(lateness, n);
        java.util.Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) Math.floor(q * n))] / 1e3;
    }
}
