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
        refused(
                "--dt takes seconds from 0 to 3600, was NaN",
                "decode",
                "--model",
                model,
                "--buttons",
                "0,1",
                "--dt",
                "NaN");
        refused(
                "--dt takes seconds from 0 to 3600, was 1.0E300",
                "decode",
                "--model",
                model,
                "--buttons",
                "0,1,2",
                "--dt",
                "1e300");
        refused(
                "--dt takes seconds from 0 to 3600, was -1.0",
                "decode",
                "--model",
                model,
                "--buttons",
                "0,1",
                "--dt",
                "-1");
        refused("--dts takes seconds", "decode", "--model", model, "--buttons", "0,1,2", "--dts", "0.1,Infinity");
        refused("genie bench soak: --minutes must be 1 to 10,080, was -1", "bench", "soak", "--minutes", "-1");
        refused("--presses must be 1 to 10,000,000, was 0", "bench", "latency", "--presses", "0");
        refused("--steps must be 1 to 10,000,000, was -5", "bench", "decoder", "--steps", "-5");
        refused("--rounds must be 1 to 1,000, was 0", "bench", "midi", "--rounds", "0");
        refused(
                "genie bench midi: no folder of MIDI files at /nonexistent/midi (--data): give one with --data DIR",
                "bench",
                "midi",
                "--data",
                "/nonexistent/midi"); // was: "genie bench midi: /nonexistent/midi"
        refused("genie play: --gamepad-wait must be at least 0, was -3", "play", "--headless", "--gamepad-wait", "-3");
    }

    /** Counts so large they would exhaust memory before measuring anything (was: an OutOfMemoryError and its stack trace). */
    @Test
    void hugeCountsAreRefusedBeforeAnythingIsAllocated() {
        refused(
                "genie bench decoder: --steps must be 1 to 10,000,000, was 2,000,000,000",
                "bench",
                "decoder",
                "--steps",
                "2000000000");
        refused("--warmup must be 0 to 10,000,000, was 2,147,483,647", "bench", "decoder", "--warmup", "2147483647");
        refused(
                "genie bench latency: --presses must be 1 to 10,000,000, was 1,500,000,000",
                "bench",
                "latency",
                "--presses",
                "1500000000");
        refused("--quick must be 0 to 100, was 250", "bench", "latency", "--quick", "250");
        refused("--minutes must be 1 to 10,080, was 2,000,000,000", "bench", "soak", "--minutes", "2000000000");
    }

    /** An unknown engine is said plainly (was: followed by "No enum constant dev.pianogenie.model.engine.DecoderEngine.ONNX"). */
    @Test
    void anUnknownEngineIsSaidWithoutJavaInternals() {
        GenieRun r = GenieRun.of("decode", "--buttons", "0,1", "--engine", "onnx");
        assertEquals(1, r.code());
        assertEquals(
                "genie decode: unknown engine 'onnx' (expected tensorflow or pytorch)",
                r.err().strip());
    }

    @Test
    void theEngineDefaultComesFromTheOnePlace() {
        assertEquals(DecoderEngine.TENSORFLOW, DecoderEngine.parse(DecoderEngine.DEFAULT_NAME));
        assertTrue(GenieRun.of("decode", "--help").out().contains("(default: " + DecoderEngine.DEFAULT_NAME + ")"));
    }
}
