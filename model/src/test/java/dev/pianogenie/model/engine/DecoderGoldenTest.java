package dev.pianogenie.model.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reference checkpoints reproduce their published numbers, on every engine. */
class DecoderGoldenTest {
    /**
     * PIANO-GENIE.md: the paper model, greedy, dt = 0.1 s for every press — the first one included, so this
     * drives the teacher-forced step with the previous greedy key rather than {@code next()} (whose first
     * press gets the "large ΔT") — buttons 0..7 then 7..0 from reset.
     */
    static final int[] PAPER_TRACE = {22, 23, 25, 26, 28, 32, 38, 44, 47, 47, 47, 46, 44, 40, 38, 32};

    @ParameterizedTest
    @EnumSource(DecoderEngine.class)
    void tutorialModelReproducesItsTestLogits(DecoderEngine engine) throws Exception {
        PianoGenieModel model = ModelFiles.load(SharedData.tutorialModel());
        JsonNode test = new ObjectMapper()
                .readTree(SharedData.tutorialModel().resolve("test.json").toFile());
        int steps = test.get("input_keys").size();
        assertEquals(128, steps);
        double error = 0;
        float[] logits = new float[88];
        try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
            for (int t = 0; t < steps; t++) {
                int prev = test.get("input_keys").get(t).asInt();
                d.stepLogits(
                        test.get("input_buttons").get(t).asInt(),
                        prev == 88 ? FeatureEncoding.START : prev,
                        test.get("input_dts").get(t).asDouble(),
                        logits);
                JsonNode expected = test.get("output_logits").get(t);
                for (int k = 0; k < 88; k++) {
                    error += Math.abs(logits[k] - expected.get(k).asDouble());
                }
            }
        }
        assertTrue(error < 0.015, "Σ|error| over 128 × 88 logits = " + error + " (the tutorial's bound is 0.015)");
    }

    @ParameterizedTest
    @EnumSource(DecoderEngine.class)
    void paperModelGivesThePublishedGreedyTrace(DecoderEngine engine) throws Exception {
        PianoGenieModel model = ModelFiles.load(SharedData.paperModel());
        int[] buttons = {0, 1, 2, 3, 4, 5, 6, 7, 7, 6, 5, 4, 3, 2, 1, 0};
        int[] keys = new int[buttons.length];
        float[] logits = new float[88];
        try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
            int prev = FeatureEncoding.START;
            for (int i = 0; i < buttons.length; i++) {
                d.stepLogits(buttons[i], prev, 0.1, logits);
                int best = 0;
                for (int k = 1; k < 88; k++) {
                    best = logits[k] > logits[best] ? k : best;
                }
                keys[i] = best;
                prev = best;
            }
        }
        assertArrayEquals(PAPER_TRACE, keys);
    }
}
