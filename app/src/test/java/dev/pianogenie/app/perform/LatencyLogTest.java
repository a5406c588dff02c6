package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyLogTest {
    @Test
    void percentilesOverEverythingKeptOrOverAWindow() {
        LatencyLog log = new LatencyLog(100);
        assertTrue(Double.isNaN(log.totalPercentileMicros(0.5)));
        for (int i = 1; i <= 150; i++) { // the ring keeps the last 100: 51..150 µs
            log.add(1000L * i, 2000L * i);
        }
        assertEquals(150, log.count());
        assertEquals(101, log.decodePercentileMicros(0.5), 1e-9);
        assertEquals(300, log.totalPercentileMicros(0.999), 1e-9);
        assertEquals(141, log.decodePercentileMicrosSince(140, 0.0), 1e-9, "the last 10 presses only");
        assertEquals(150, log.decodePercentileMicrosSince(140, 0.99), 1e-9);
        assertEquals(51, log.decodePercentileMicrosSince(0, 0.0), 1e-9, "a window larger than the ring: what is kept");
        assertTrue(Double.isNaN(log.totalPercentileMicrosSince(150, 0.5)), "no press since");
    }
}
