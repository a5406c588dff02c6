package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.training.run.CheckpointFile;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeAndFineTuneTest {

    static Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.code(), r.out() + r.err());
        return r;
    }

    @Test
    void aResumeWithoutRecipeOptionsKeepsTheRunsOwnAndContinuesBitIdentically(@TempDir Path tmp) throws Exception {
        String data = MiniData.folder(tmp.resolve("data")).toString();
        String[] recipe = {
            "--batch",
            "4",
            "--seed",
            "3",
            "--rnn-dim",
            "32",
            "--layers",
            "1",
            "--threads",
            "1",
            "--checkpoint-every",
            "2"
        };
        Path straight = tmp.resolve("straight");
        ok(concat(new String[] {"train", "--data", data, "--out", straight.toString(), "--steps", "6"}, recipe));

        Path split = tmp.resolve("split");
        ok(concat(new String[] {"train", "--data", data, "--out", split.toString(), "--steps", "3"}, recipe));
        // what a killed run leaves: temporary files of a checkpoint, best parameters, a model folder
        Path run = split.resolve("training");
        Files.writeString(run.resolve("checkpoint.bin12345.tmp"), "half");
        Files.writeString(run.resolve("best.bin999.tmp"), "half");
        Files.writeString(run.resolve(".checkpoint.bin.1a2b3c4d.part"), "half"); // AtomicFile's
        Files.writeString(run.resolve(".curve.png.0f0f0f0f.part"), "half");
        Files.createDirectories(tmp.resolve(".split.77aa77aa.part")); // a model folder's (AtomicFile.newFolderBeside)
        Cli resumed =
                ok("train", "--data", data, "--out", split.toString(), "--resume", "--steps", "6", "--threads", "1");
        assertTrue(resumed.out().contains("(batch 4 × 128, seed 3,"), "the run's own batch and seed: " + resumed.out());
        assertTrue(
                resumed.out().contains("checkpoint.bin12345.tmp (a temporary file a stopped run left)"), resumed.out());
        for (Path stale : List.of(
                run.resolve("checkpoint.bin12345.tmp"),
                run.resolve("best.bin999.tmp"),
                run.resolve(".checkpoint.bin.1a2b3c4d.part"),
                run.resolve(".curve.png.0f0f0f0f.part"),
                tmp.resolve(".split.77aa77aa.part"))) {
            assertFalse(Files.exists(stale), "stale temporary files are removed: " + stale);
        }
        // written with the usual permissions, as any new file in that folder (they were 0600)
        Path plain = Files.createFile(run.resolve("plain"));
        assertEquals(
                Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(run.resolve(RunFolder.CHECKPOINT)));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(run.resolve("curve.png")));

        Map<String, Tensor> a = CheckpointFile.read(straight.resolve("training").resolve(RunFolder.CHECKPOINT))
                .tensors();
        Map<String, Tensor> b =
                CheckpointFile.read(run.resolve(RunFolder.CHECKPOINT)).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(
                    a.get(name).data(), b.get(name).data(), 0f, name + " is bit-identical to the uninterrupted run's");
        }
        assertTrue(
                Files.readString(run.resolve("train.log")).contains("(batch 4 × 128, seed 3,"),
                "the log file has it too");

        // a differing recipe option is refused, saying what differs; --change-recipe applies it, said aloud
        TrainErrorsTest.refused(
                1,
                "batch 4 → 8, lr 3e-4 → 0.001",
                "train",
                "--data",
                data,
                "--out",
                split.toString(),
                "--resume",
                "--steps",
                "7",
                "--batch",
                "8",
                "--lr",
                "1e-3");
        Cli changed = ok(
                "train",
                "--data",
                data,
                "--out",
                split.toString(),
                "--resume",
                "--steps",
                "7",
                "--batch",
                "8",
                "--change-recipe",
                "--threads",
                "1");
        assertTrue(
                changed.out().contains("note: resuming with a changed recipe, as asked: batch 4 → 8"), changed.out());
        assertTrue(changed.out().contains("(batch 8 × 128, seed 3,"), changed.out());
        assertTrue(changed.out().contains("whole batches)"), "--threads 1: one shard: " + changed.out());
        // the shard count is part of the recipe: kept on resume, changed only when asked
        TrainErrorsTest.refused(
                1,
                "shards 1 → 2",
                "train",
                "--data",
                data,
                "--out",
                split.toString(),
                "--resume",
                "--steps",
                "8",
                "--shards",
                "2");
        Cli sharded = ok(
                "train",
                "--data",
                data,
                "--out",
                split.toString(),
                "--resume",
                "--steps",
                "8",
                "--shards",
                "2",
                "--change-recipe",
                "--threads",
                "2");
        assertTrue(sharded.out().contains("2 shards side by side)"), sharded.out());
        TrainErrorsTest.refused(
                1,
                "--shards must be 1..4",
                "train",
                "--data",
                data,
                "--out",
                tmp.resolve("new").toString(),
                "--batch",
                "4",
                "--shards",
                "5");
        TrainErrorsTest.refused(
                1,
                "LSTM width 32 (not 64)",
                "train",
                "--data",
                data,
                "--out",
                split.toString(),
                "--resume",
                "--rnn-dim",
                "64");
    }

    @Test
    void anEncoderWiderThanTheDecoderTrainsResumesExportsAndEvaluates(@TempDir Path tmp) throws Exception {
        String data = MiniData.folder(tmp.resolve("data")).toString();
        Path out = tmp.resolve("wide");
        ok(
                "train",
                "--data",
                data,
                "--out",
                out.toString(),
                "--steps",
                "2",
                "--batch",
                "4",
                "--rnn-dim",
                "32",
                "--encoder-dim",
                "64",
                "--layers",
                "1",
                "--threads",
                "1",
                "--validate-every",
                "2");
        dev.pianogenie.model.PianoGenieModel model = dev.pianogenie.model.io.ModelFiles.load(out);
        assertEquals(32, model.config().rnnDim(), "the decoder keeps its width");
        assertEquals(64, model.config().encoderRnnDim());
        assertArrayEquals(
                new int[] {256, 64},
                model.tensors().get("enc.lstm.weight_hh_l0").shape());
        assertArrayEquals(
                new int[] {128, 32},
                model.tensors().get("dec.lstm.weight_hh_l0").shape());
        Cli eval = ok(
                "eval",
                "--model",
                out.toString(),
                "--data",
                data,
                "--split",
                "train",
                "--gold",
                dev.pianogenie.testkit.SharedData.goldMelodies().toString());
        assertTrue(eval.out().contains("PPL"), eval.out());
        // the width is part of the network: a resume keeps it and refuses another
        TrainErrorsTest.refused(
                1,
                "encoder width 64 (not 128)",
                "train",
                "--data",
                data,
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                "3",
                "--encoder-dim",
                "128");
        ok("train", "--data", data, "--out", out.toString(), "--resume", "--steps", "3", "--threads", "1");
        assertEquals(64, dev.pianogenie.model.io.ModelFiles.load(out).config().encoderRnnDim());
        // a model written before the option existed (no encoderRnnDim in model.json): as wide as its decoder
        assertEquals(
                128,
                dev.pianogenie.model.io.ModelFiles.load(ShippedModelTest.ASSET)
                        .config()
                        .encoderRnnDim());
        TrainErrorsTest.refused(
                1,
                "--encoder-dim must be at least 32",
                "train",
                "--data",
                data,
                "--out",
                tmp.resolve("x").toString(),
                "--encoder-dim",
                "16");
    }

    @Test
    void fineTuningTheShippedModelOnAFewFilesLowersTheirValidationLoss(@TempDir Path tmp) throws Exception {
        // the user's music: Bach performances (a style the shipped model knows less well than the Romantic repertoire)
        Path data = MiniData.composer(tmp.resolve("bach"), "Johann Sebastian Bach", 14);
        Path out = tmp.resolve("my-bach");
        Cli r = ok(
                "train",
                "--init",
                ShippedModelTest.ASSET.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--steps",
                "40",
                "--batch",
                "8",
                "--validate-every",
                "20",
                "--threads",
                "2");
        double start = number(r.out(), "validation @ 0: ce ([0-9.]+)");
        double best = number(r.out(), "best validation ce ([0-9.]+)");
        assertTrue(best < start - 0.01, "validation loss " + start + " → " + best + ":\n" + r.out());
        assertTrue(r.out().contains("lr 0.00010, warm-up 100"), "fine-tuning defaults: " + r.out());
        JsonNode model = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        String text = model.toString();
        assertTrue(text.contains("Piano Genie (bach, fine-tuned)"), "named after the user's data: " + text);
        assertTrue(text.contains("fine_tuned_from"), text);
        assertFalse(text.contains("(MAESTRO)"), text);
    }

    @Test
    void aFrozenEncoderKeepsTheButtonsBitForBitWhileTheDecoderLearns(@TempDir Path tmp) throws Exception {
        Path data = MiniData.composer(tmp.resolve("bach"), "Johann Sebastian Bach", 14);
        dev.pianogenie.model.PianoGenieModel shipped = dev.pianogenie.model.io.ModelFiles.load(ShippedModelTest.ASSET);
        TrainErrorsTest.refused(
                1,
                "--freeze-encoder keeps a trained encoder's buttons: start from a model with --init",
                "train",
                "--data",
                data.toString(),
                "--out",
                tmp.resolve("x").toString(),
                "--freeze-encoder");
        for (String shards : List.of("1", "2")) { // the whole batch, and data-parallel replicas
            Path out = tmp.resolve("decoder-" + shards);
            Cli r = ok(
                    "train",
                    "--init",
                    ShippedModelTest.ASSET.toString(),
                    "--freeze-encoder",
                    "--data",
                    data.toString(),
                    "--out",
                    out.toString(),
                    "--steps",
                    "40",
                    "--batch",
                    "8",
                    "--validate-every",
                    "20",
                    "--threads",
                    "2",
                    "--shards",
                    shards,
                    "--gold",
                    dev.pianogenie.testkit.SharedData.goldMelodies().toString());
            // Gold is the encoder's: measured at every validation, it stays the shipped model's (its card's figure)
            double cardGold = new ObjectMapper()
                    .readTree(ShippedModelTest.ASSET.resolve("eval.json").toFile())
                    .get("gold")
                    .asDouble();
            String gold = String.format(java.util.Locale.ROOT, "Gold %.3f", cardGold);
            for (String step : List.of("0", "20", "40")) {
                assertTrue(
                        Pattern.compile("validation @ " + step + ":.*" + gold)
                                .matcher(r.out())
                                .find(),
                        gold + " @ " + step + ":\n" + r.out());
            }
            List<String> curve = Files.readAllLines(out.resolve("training").resolve("curve.csv"));
            int goldColumn = List.of(curve.get(0).split(",")).indexOf("val_gold");
            assertTrue(curve.get(0).contains(",val_cvr,val_gold,"), curve.get(0));
            String[] first = curve.get(1).split(",", -1);
            assertEquals("0", first[0], "the starting model's validation is the curve's first row: " + curve.get(1));
            assertTrue(first[1].isEmpty() && !first[8].isEmpty(), "scores without a training step: " + curve.get(1));
            assertEquals(number(r.out(), "validation @ 0: ce ([0-9.]+)"), Double.parseDouble(first[8]), 1e-4);
            String row40 =
                    curve.stream().filter(l -> l.startsWith("40,")).findFirst().orElseThrow();
            String[] last = row40.split(",", -1);
            assertEquals(cardGold, Double.parseDouble(last[goldColumn]), 1e-3, "the curve keeps it: " + row40);
            assertTrue(Files.size(out.resolve("training").resolve("curve.png")) > 10_000, "and plots it");
            double start = number(r.out(), "validation @ 0: ce ([0-9.]+)");
            double best = number(r.out(), "best validation ce ([0-9.]+)");
            assertTrue(
                    best < start - 0.01, shards + " shards: validation loss " + start + " → " + best + ":\n" + r.out());
            dev.pianogenie.model.PianoGenieModel tuned = dev.pianogenie.model.io.ModelFiles.load(out);
            assertTrue(
                    tuned.config().provenance().get("recipe").contains("encoder frozen"),
                    tuned.config().provenance().toString());
            boolean decoderMoved = false;
            for (Map.Entry<String, dev.pianogenie.model.io.Tensor> e :
                    shipped.tensors().entrySet()) {
                float[] now = tuned.tensors().get(e.getKey()).data();
                if (e.getKey().startsWith("enc.")) {
                    assertArrayEquals(e.getValue().data(), now, 0f, e.getKey() + " stays the starting model's");
                } else {
                    decoderMoved |= !java.util.Arrays.equals(e.getValue().data(), now);
                }
            }
            assertTrue(decoderMoved, "the decoder trains");
        }
        // the recipe keeps it: a resume trains the decoder only without being told again
        Path out = tmp.resolve("decoder-2");
        Cli resumed = ok(
                "train",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                "50",
                "--threads",
                "2");
        Map<String, Tensor> after = CheckpointFile.read(out.resolve("training").resolve(RunFolder.CHECKPOINT))
                .tensors();
        for (Map.Entry<String, dev.pianogenie.model.io.Tensor> e :
                shipped.tensors().entrySet()) {
            if (e.getKey().startsWith("enc.")) {
                assertArrayEquals(
                        e.getValue().data(), after.get(e.getKey()).data(), 0f, e.getKey() + " after the resume");
            }
        }
        assertTrue(RunFolder.resumeState(out.resolve("training")).training().freezeEncoder(), resumed.out());
        // --export-only writes the run's best model again, under another name when asked
        Path exported = tmp.resolve("exported");
        Cli export = ok(
                "train",
                "--run",
                out.resolve("training").toString(),
                "--out",
                exported.toString(),
                "--export-only",
                "--name",
                "Piano Genie (my decoder)");
        assertTrue(export.out().contains("exported the best model of"), export.out());
        dev.pianogenie.model.PianoGenieModel again = dev.pianogenie.model.io.ModelFiles.load(exported);
        assertEquals("Piano Genie (my decoder)", again.config().name());
        dev.pianogenie.model.PianoGenieModel best = dev.pianogenie.model.io.ModelFiles.load(out);
        for (String name : best.tensors().keySet()) {
            assertArrayEquals(
                    best.tensors().get(name).data(), again.tensors().get(name).data(), 0f, name);
        }
        assertTrue(Files.exists(exported.resolve("training-curve.png")), "with the run's curve");
        // --latest writes the checkpoint's parameters instead (a recipe's stage that ends on a step count), and says so
        Path runDir = out.resolve("training");
        TrainingState state = RunFolder.resumeState(runDir);
        Path latestOut = tmp.resolve("latest");
        Cli latest =
                ok("train", "--run", runDir.toString(), "--out", latestOut.toString(), "--export-only", "--latest");
        assertTrue(
                latest.out().contains("exported the latest parameters of " + runDir + " (step " + state.step()),
                latest.out());
        dev.pianogenie.model.PianoGenieModel last = dev.pianogenie.model.io.ModelFiles.load(latestOut);
        for (String name : last.tensors().keySet()) {
            assertArrayEquals(
                    after.get(name).data(), last.tensors().get(name).data(), 0f, name + " is the checkpoint's");
        }
        assertEquals(
                Long.toString(state.step()),
                last.config().provenance().get("step"),
                last.config().provenance().toString());
        // a run whose best stayed its starting point (too high a learning rate wrecks the decoder): the latest
        // parameters are not the validated ones, so the export claims none of the best step's figures
        Path wrecked = tmp.resolve("wrecked");
        ok(
                "train",
                "--init",
                ShippedModelTest.ASSET.toString(),
                "--freeze-encoder",
                "--data",
                data.toString(),
                "--out",
                wrecked.toString(),
                "--steps",
                "5",
                "--batch",
                "8",
                "--validate-every",
                "5",
                "--lr",
                "0.05",
                "--warmup",
                "0",
                "--clip-norm",
                "1",
                "--threads",
                "2");
        assertEquals(
                0, RunFolder.resumeState(wrecked.resolve("training")).bestStep(), "the starting model stays the best");
        ok(
                "train",
                "--run",
                wrecked.resolve("training").toString(),
                "--out",
                latestOut.toString(),
                "--export-only",
                "--latest");
        Map<String, String> provenance =
                dev.pianogenie.model.io.ModelFiles.load(latestOut).config().provenance();
        assertEquals("5", provenance.get("step"), provenance.toString());
        assertFalse(
                provenance.containsKey("validation_ppl") || provenance.containsKey("validation_ce"),
                provenance.toString());
        assertTrue(
                provenance.get("selected").contains("latest parameters (step 5), not its best by validation (step 0"),
                provenance.toString());
        TrainErrorsTest.refused(
                1,
                "--latest chooses what --export-only writes",
                "train",
                "--run",
                runDir.toString(),
                "--out",
                latestOut.toString(),
                "--latest",
                "--data",
                data.toString());
        Path bestOnly = Files.createDirectories(tmp.resolve("kept-in-git"));
        Files.copy(runDir.resolve(RunFolder.BEST), bestOnly.resolve(RunFolder.BEST));
        TrainErrorsTest.refused(
                1,
                "no checkpoint.bin in " + bestOnly,
                "train",
                "--run",
                bestOnly.toString(),
                "--out",
                tmp.resolve("nothing").toString(),
                "--export-only",
                "--latest");
        // and unfreezing is a recipe change like any other, said aloud
        TrainErrorsTest.refused(
                1,
                "freeze-encoder true → false",
                "train",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                "51",
                "--freeze-encoder=false");
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(List.of(a).stream(), List.of(b).stream())
                .toArray(String[]::new);
    }
}
