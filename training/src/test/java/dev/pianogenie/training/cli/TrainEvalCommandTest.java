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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short real run on MAESTRO files, exported, loaded by the live decoder, evaluated — as CI can afford. */
class TrainEvalCommandTest {

    static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = TrainingCli.commandLine().execute(args);
            assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainExportsALoadableModelAndEvalPrintsTheMetrics(@TempDir Path tmp) throws Exception {
        // a small dataset: 12 validation performances of MAESTRO, split by hash (no CSV in this folder)
        Path data = Files.createDirectories(tmp.resolve("data"));
        List<String> names = Files.readAllLines(SharedData.maestro().resolve("maestro-v2.0.0.csv")).stream()
                .filter(l -> l.contains(",validation,"))
                .limit(12)
                .toList();
        for (String line : names) {
            String file = line.replaceAll(".*,validation,\\d+,([^,]+\\.midi),.*", "$1");
            Files.copy(SharedData.maestroFile(file), data.resolve(Path.of(file).getFileName()));
        }
        Path out = tmp.resolve("model");
        String log = run(
                "train",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--steps",
                "4",
                "--batch",
                "4",
                "--validate-every",
                "2",
                "--checkpoint-every",
                "2",
                "--validation-windows",
                "16",
                "--threads",
                "2");
        assertTrue(log.contains("validation @ 4"), log);
        PianoGenieModel model = ModelFiles.load(out);
        assertTrue(model.config().hasEncoder());
        assertTrue(model.config().provenance().containsKey("validation_ppl"));
        assertTrue(model.config().predictsVelocity(), "genie train gives a model a velocity output by default");
        try (BaseStreamingDecoder d = Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.greedy())) {
            int key = d.next(3, 0);
            assertTrue(key >= 0 && key < 88);
        }
        assertTrue(Files.exists(out.resolve("training/curve.png")));

        String eval = run(
                "eval",
                "--model",
                out.toString(),
                "--data",
                data.toString(),
                "--split",
                "all",
                "--gold",
                SharedData.goldMelodies().toString(),
                "--threads",
                "2");
        String[] lines = eval.strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        for (String key : new String[] {"split", "windows", "notes", "ppl", "accuracy", "cvr", "gold"}) {
            assertTrue(json.has(key), "JSON has " + key + ": " + lines[lines.length - 1]);
        }
        assertEquals(json.get("windows").asLong() * 128, json.get("notes").asLong());
        assertTrue(
                json.get("ppl").asDouble() > 1 && json.get("ppl").asDouble() < 88,
                "4 steps leave PPL between 1 and 88");
        // the velocity output's MAE beside its baselines, on the same notes
        for (String key : new String[] {
            "velocity_mae",
            "velocity_ce",
            "velocity_mae_previous_note",
            "velocity_mae_training_mean",
            "velocity_training_mean"
        }) {
            assertTrue(json.get(key).isNumber(), "JSON has " + key + ": " + lines[lines.length - 1]);
        }
        assertTrue(json.get("velocity_mae").asDouble() > 0
                && json.get("velocity_mae").asDouble() < 127);
        assertTrue(json.get("velocity_training_mean").asDouble() > 20
                && json.get("velocity_training_mean").asDouble() < 110);

        // a model without a velocity output (the tutorial's decoder, buttons from ours): "velocity_mae" is null
        String old = run(
                "eval",
                "--model",
                SharedData.tutorialModel().toString(),
                "--buttons",
                out.toString(),
                "--data",
                data.toString(),
                "--split",
                "all",
                "--limit",
                "2",
                "--gold",
                SharedData.goldMelodies().toString(),
                "--threads",
                "2");
        String[] oldLines = old.strip().split("\n");
        JsonNode oldJson = new ObjectMapper().readTree(oldLines[oldLines.length - 1]);
        assertTrue(oldJson.get("velocity_mae").isNull(), oldLines[oldLines.length - 1]);
        assertTrue(old.contains("fixed velocity"), old);
    }
}
