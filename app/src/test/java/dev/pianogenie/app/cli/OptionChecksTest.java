package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** Option values picocli accepts but that mean nothing are refused, each in one line naming the option. */
class OptionChecksTest {

    static void refused(String expected, String... args) {
        GenieRun r = GenieRun.of(args);
        assertEquals(1, r.code(), String.join(" ", args) + " was accepted: " + r.out());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void meaninglessValuesAreRefused() {
        String model = SharedData.tutorialModel().toString();
        refused("genie decode: --buttons needs at least one value", "decode", "--model", model, "--buttons", ",,");
        refused("--dt takes seconds from 0 to 3600, was NaN", "decode", "--model", model, "--buttons", "0,1", "--dt", "NaN");
        refused("--dt takes seconds from 0 to 3600, was 1.0E300", "decode", "--model", model, "--buttons", "0,1,2", "--dt", "1e300");
        refused("--dt takes seconds from 0 to 3600, was -1.0", "decode", "--model", model, "--buttons", "0,1", "--dt", "-1");
        refused("--dts takes seconds", "decode", "--model", model, "--buttons", "0,1,2", "--dts", "0.1,Infinity");
        refused("genie bench soak: --minutes must be at least 1, was -1", "bench", "soak", "--minutes", "-1");
        refused("--presses must be at least 1, was 0", "bench", "latency", "--presses", "0");
        refused("--steps must be at least 1, was -5", "bench", "decoder", "--steps", "-5");
        refused("--rounds must be at least 1, was 0", "bench", "midi", "--rounds", "0");
    }

    @Test
    void theEngineDefaultComesFromTheOnePlace() {
        assertEquals(DecoderEngine.TENSORFLOW, DecoderEngine.parse(DecoderEngine.DEFAULT_NAME));
        assertTrue(GenieRun.of("decode", "--help").out().contains("(default: " + DecoderEngine.DEFAULT_NAME + ")"));
    }
}
