package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genie train --buttons N}: a 4-button model trains a few steps on MAESTRO files, is exported with its count,
 * plays 4 buttons in the live decoder and is evaluated on 4; a resume keeps the count; --init carries every weight
 * to another count (the shapes do not depend on it).
 */
class ButtonCountTrainingTest {
    static final String[] SMALL = {
        "--rnn-dim",
        "32",
        "--layers",
        "1",
        "--velocity-units",
        "16",
        "--batch",
        "4",
        "--threads",
        "1",
        "--validate-every",
        "2",
        "--checkpoint-every",
        "2",
        "--validation-windows",
        "8"
    };

    @Test
    void aFourButtonModelTrainsExportsPlaysAndIsEvaluatedOnFourButtons(@TempDir Path tmp) throws Exception {
        String data = MiniData.folder(tmp.resolve("data")).toString();
        Path out = tmp.resolve("four");
        Cli trained = ResumeAndFineTuneTest.ok(concat(
                new String[] {"train", "--data", data, "--out", out.toString(), "--steps", "3", "--buttons", "4"},
                SMALL));
        assertTrue(trained.out().contains("(4 buttons) from step 0 to 3"), trained.out());
        assertTrue(Files.readString(out.resolve(ModelFiles.CONFIG)).contains("\"numButtons\" : 4"));
        PianoGenieModel four = ModelFiles.load(out);
        assertEquals(4, four.config().numButtons());
        for (DecoderEngine engine : DecoderEngine.values()) {
            try (BaseStreamingDecoder d = Decoders.open(four, engine, Sampling.greedy())) {
                assertEquals(4, d.lookahead(0).numButtons());
                for (int b = 0; b < 4; b++) {
                    int key = d.next(b, b * 200_000_000L);
                    assertTrue(key >= 0 && key < Keys.NUM_KEYS, engine + " button " + b + " → key " + key);
                }
                assertThrows(IllegalArgumentException.class, () -> d.next(4, 1_000_000_000L));
            }
        }

        Cli eval = ResumeAndFineTuneTest.ok(
                "eval",
                "--model",
                out.toString(),
                "--data",
                data,
                "--split",
                "all",
                "--gold",
                SharedData.goldMelodies().toString(),
                "--threads",
                "1",
                "--limit",
                "2");
        String[] lines = eval.out().strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(4, json.get("buttons").asInt());
        assertEquals(4, json.get("button_histogram").size(), "one count per button");
        long counted = 0;
        for (JsonNode c : json.get("button_histogram")) {
            counted += c.asLong();
        }
        assertEquals(json.get("notes").asLong(), counted, "every note got one of the 4 buttons");
        assertTrue(json.get("gold").isNull(), "the gold melodies are 8-button ones: no Gold for 4");
        assertTrue(
                eval.out()
                        .contains(
                                "Gold               none       (the gold melodies are for 8 buttons; this model has 4)"),
                eval.out());

        // a resume keeps the run's count
        TrainErrorsTest.refused(
                1,
                "trains a 4-button model (not --buttons 8): a resume keeps its buttons",
                "train",
                "--data",
                data,
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                "4",
                "--buttons",
                "8");
        ResumeAndFineTuneTest.ok(
                "train",
                "--data",
                data,
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                "4",
                "--buttons",
                "4",
                "--threads",
                "1");
        assertEquals(4, ModelFiles.load(out).config().numButtons());

        // --init to 8 buttons: every tensor of the 4-button model is the fine-tune's start (same names, same shapes)
        Path eight = tmp.resolve("eight");
        Cli tuned = ResumeAndFineTuneTest.ok(
                "train",
                "--data",
                data,
                "--out",
                eight.toString(),
                "--init",
                out.toString(),
                "--buttons",
                "8",
                "--steps",
                "1",
                "--threads",
                "1",
                "--validate-every",
                "1",
                "--validation-windows",
                "8");
        assertTrue(tuned.out().contains("fine-tuning"), tuned.out());
        PianoGenieModel tunedModel = ModelFiles.load(eight);
        assertEquals(8, tunedModel.config().numButtons());
        assertFalse(
                Files.readString(eight.resolve(ModelFiles.CONFIG)).contains("numButtons"), "8 is written as absent");
        Map<String, ?> before = ModelFiles.load(out).tensors();
        assertEquals(
                new TreeSet<>(before.keySet()),
                new TreeSet<>(tunedModel.tensors().keySet()));
    }

    @Test
    void aButtonCountOutsideTwoToSixteenIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        String data = tmp.toString();
        TrainErrorsTest.refused(1, "--buttons must be 2..16, was 1", "train", "--data", data, "--buttons", "1");
        TrainErrorsTest.refused(1, "--buttons must be 2..16, was 17", "train", "--data", data, "--buttons", "17");
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
