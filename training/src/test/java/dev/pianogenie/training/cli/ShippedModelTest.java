package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model in assets/model — the one `./genie` starts with — loads in the live decoder, plays a rising line
 * for a rising button run, and still scores what its model card says on a few validation performances.
 * A broken asset cannot land.
 */
class ShippedModelTest {
    static final Path ASSET = Path.of("..", "assets", "model").toAbsolutePath().normalize();

    @Test
    void loadsAndARisingButtonRunPlaysARisingLine() throws Exception {
        PianoGenieModel model = ModelFiles.load(ASSET);
        assertTrue(model.config().hasEncoder(), "shipped with its encoder, so users can fine-tune");
        assertTrue(model.config().predictsVelocity(), "shipped with a velocity output (issue 27)");
        for (DecoderEngine engine : DecoderEngine.values()) {
            try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
                int[] keys = new int[16];
                for (int i = 0; i < 16; i++) {
                    keys[i] = d.next(i < 8 ? i : 15 - i, i * 150_000_000L);
                }
                assertTrue(
                        keys[7] > keys[0] + 6,
                        engine + ": up the buttons, up the keys: " + java.util.Arrays.toString(keys));
                assertTrue(
                        keys[15] < keys[8] - 6,
                        engine + ": down the buttons, down the keys: " + java.util.Arrays.toString(keys));
                int rises = 0;
                for (int i = 1; i < 8; i++) {
                    rises += keys[i] >= keys[i - 1] ? 1 : 0;
                }
                assertTrue(rises >= 6, engine + ": the run rises note by note: " + java.util.Arrays.toString(keys));
            }
        }
    }

    @Test
    void scoresNearItsModelCardOnAFewValidationPerformances(@TempDir Path tmp) throws Exception {
        JsonNode card = new ObjectMapper().readTree(ASSET.resolve("eval.json").toFile());
        assertEquals("validation", card.get("split").asText());
        Path out = tmp.resolve("eval.json");
        TrainEvalCommandTest.run(
                "eval",
                "--model",
                ASSET.toString(),
                "--data",
                SharedData.maestro().toString(),
                "--split",
                "validation",
                "--limit",
                "6",
                "--gold",
                SharedData.goldMelodies().toString(),
                "--json-out",
                out.toString(),
                "--threads",
                "2");
        JsonNode quick = new ObjectMapper().readTree(out.toFile());
        double ppl = quick.get("ppl").asDouble();
        assertTrue(
                ppl < card.get("ppl").asDouble() * 1.35,
                "PPL on 6 performances " + ppl + " vs the card's " + card.get("ppl"));
        assertTrue(
                quick.get("cvr").asDouble() < Math.max(0.02, 5 * card.get("cvr").asDouble()),
                "CVR " + quick.get("cvr"));
        assertEquals(
                card.get("gold").asDouble(), quick.get("gold").asDouble(), 1e-3, "Gold does not depend on the data");
        // the velocity output (issue 27): near its card, and better than the previous note on the same notes
        assertTrue(
                quick.get("velocity_mae").asDouble() < card.get("velocity_mae").asDouble() * 1.25,
                "velocity MAE on 6 performances " + quick.get("velocity_mae") + " vs the card's "
                        + card.get("velocity_mae"));
        assertTrue(
                quick.get("velocity_mae").asDouble()
                        < quick.get("velocity_mae_previous_note").asDouble(),
                "beats the previous note's velocity: " + quick);
    }
}
