package dev.pianogenie.midi.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The monitor the latency bench hears through, against the real server CI starts. */
class JackMonitorTest {
    /**
     * Sized in seconds, it keeps that long of periods at the server's period: the bench sized it in periods for a
     * 256-frame server, and at 128 frames it filled up with a tenth of the presses to go (50 of 500 unmeasured).
     */
    @Test
    void keepsTheSecondsItIsAskedForAtTheServersPeriod() throws Exception {
        assumeTrue(JackHost.probe().isPresent(), "JACK tests skipped: " + JackHost.NO_SERVER);
        JackHost host = JackHost.acquire();
        double periodSeconds;
        try {
            periodSeconds = host.periodNanos() / 1e9;
        } finally {
            host.release();
        }
        try (JackMonitor monitor = new JackMonitor(16, 0.3)) {
            int expected = (int) Math.ceil(0.3 / periodSeconds);
            long until = System.nanoTime() + 5_000_000_000L;
            while (monitor.periodCount() < expected && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(Math.max(200, (long) (4 * periodSeconds * 1000))); // longer than it keeps
            assertEquals(expected, monitor.periodCount(), "periods of 0.3 s at " + periodSeconds * 1e3 + " ms");
        }
    }
}
