package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way train, eval and bench train are told something wrong: one line naming the problem, a non-zero exit. */
class TrainErrorsTest {

    /** Asserts one line on stderr that holds {@code message}, no stack trace anywhere, and the exit code. */
    static void refused(int code, String message, String... args) {
        Cli r = Cli.run(args);
        String err = r.err().strip();
        assertEquals(code, r.code(), String.join(" ", args) + " → " + r.err() + r.out());
        assertTrue(err.contains(message), "expected '" + message + "' in: " + err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(
                (r.out() + err).contains("\tat ") || (r.out() + err).contains("Exception"), "no stack trace: " + err);
        assertTrue(err.startsWith("genie " + args[0]), "says which command: " + err);
    }

    @Test
    void badOptionValuesAreRefusedByName(@TempDir Path tmp) throws Exception {
        String data = tmp.toString();
        refused(1, "no folder at", "train", "--data", tmp.resolve("nowhere").toString());
        refused(1, "--data DIR is required", "train");
        refused(1, "--steps must be at least 1, was 0", "train", "--data", data, "--steps", "0");
        refused(1, "--steps must be at least 1, was -5", "train", "--data", data, "--steps", "-5");
        refused(
                1,
                "--steps must be at most 100000000 (the default model took 40000), was 99999999999",
                "train",
                "--data",
                data,
                "--steps",
                "99999999999");
        refused(1, "--batch must be at least 1, was 0", "train", "--data", data, "--batch", "0");
        refused(1, "--lr must be between 0 and 1", "train", "--data", data, "--lr", "0");
        refused(1, "--layers must be at least 1, was 0", "train", "--data", data, "--layers", "0");
        refused(1, "--rnn-dim must be at least 32", "train", "--data", data, "--rnn-dim", "8");
        refused(1, "--validate-every must be at least 1", "train", "--data", data, "--validate-every", "0");
        refused(2, "Invalid value for option '--schedule'", "train", "--data", data, "--schedule", "foo");
        refused(2, "Invalid value for option '--batch'", "train", "--data", data, "--batch", "many");
        refused(2, "Unknown option: '--bogus'", "train", "--bogus");
        refused(1, "--change-recipe goes with --resume", "train", "--data", data, "--change-recipe");
        refused(1, "--device must be cpu or gpu", "train", "--data", data, "--device", "tpu");
        refused(1, "--velocity-weight must be 0 or more, was -1", "train", "--data", data, "--velocity-weight", "-1");
        refused(1, "--velocity-units must be 0..1024, was 5000", "train", "--data", data, "--velocity-units", "5000");
        refused(
                1,
                "--freeze-decoder trains the velocity output alone: give --freeze-encoder too",
                "train",
                "--data",
                data,
                "--init",
                "default",
                "--freeze-decoder");
        refused(
                1,
                "--velocity-units 0 leaves none",
                "train",
                "--data",
                data,
                "--init",
                "default",
                "--freeze-encoder",
                "--freeze-decoder",
                "--velocity-units",
                "0");
        refused(1, "--steps must be at least 1, was 0", "bench", "train", "--steps", "0");
        refused(1, "--batch must be at most 4096, was 100000", "bench", "train", "--batch", "100000"); // as train says
        refused(
                1,
                "--threads must be 0 (all cores) to 1024, was 100000",
                "train",
                "--data",
                data,
                "--threads",
                "100000");
        refused(
                1,
                "--threads must be 0 (all cores) to 1024, was -2",
                "eval",
                "--model",
                "x",
                "--data",
                data,
                "--threads",
                "-2");
        refused(1, "--threads must be 0 (all cores) to 1024, was 5000", "bench", "train", "--threads", "5000");
        refused(2, "Unknown option: '--stpes' (did you mean --steps?)", "bench", "train", "--stpes");
        refused(
                1,
                "no folder at",
                "eval",
                "--model",
                "x",
                "--data",
                tmp.resolve("nowhere").toString());
        refused(1, "--windows must be all or first", "eval", "--model", "x", "--data", data, "--windows", "some");
        assertFalse(
                Cli.run(
                                "eval",
                                "--model",
                                ShippedModelTest.ASSET.toString(),
                                "--data",
                                MiniData.folder(tmp.resolve("d")).toString(),
                                "--split",
                                "tset")
                        .err()
                        .contains("enum"),
                "no Java internals after 'unknown split'");
    }

    @Test
    void badModelsAndCheckpointsAreRefused(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path decoderOnly = SharedData.paperModel();
        refused(
                1,
                "decoder-only model",
                "train",
                "--init",
                decoderOnly.toString(),
                "--data",
                data.toString(),
                "--out",
                tmp.resolve("m").toString());
        refused(1, "has no encoder", "eval", "--model", decoderOnly.toString(), "--data", data.toString());
        refused(
                1,
                "no such model folder",
                "train",
                "--init",
                data.resolve("missing").toString(),
                "--data",
                data.toString(),
                "--out",
                tmp.resolve("m").toString());

        Path run = Files.createDirectories(tmp.resolve("m/training"));
        Files.writeString(run.resolve("checkpoint.bin"), "this is not a checkpoint at all, just text");
        refused(
                1,
                "not a Piano Genie checkpoint",
                "train",
                "--resume",
                "--data",
                data.toString(),
                "--out",
                tmp.resolve("m").toString());
        refused(
                1,
                "nothing to resume",
                "train",
                "--resume",
                "--data",
                data.toString(),
                "--out",
                tmp.resolve("other").toString());
        refused(
                1,
                "already holds a training run",
                "train",
                "--data",
                MiniData.folder(tmp.resolve("d")).toString(),
                "--out",
                tmp.resolve("m").toString(),
                "--rnn-dim",
                "32",
                "--layers",
                "1");
    }

    @Test
    void emptySplitAndNoGpuAreSaidPlainly(@TempDir Path tmp) throws Exception {
        Path data = MiniData.folder(tmp.resolve("data"));
        // a MAESTRO-style CSV that puts every file in train and validation: the test split is empty
        List<String> csv = new ArrayList<>(
                List.of("canonical_composer,canonical_title,split,year,midi_filename,audio_filename,duration"));
        try (var files = Files.list(data)) {
            for (Path f :
                    files.filter(f -> f.toString().endsWith(".midi")).sorted().toList()) {
                csv.add("c,t," + (csv.size() % 2 == 0 ? "validation" : "train") + ",2018," + f.getFileName()
                        + ",x.wav,1");
            }
        }
        Files.write(data.resolve("maestro.csv"), csv);
        refused(
                1,
                "the test split of",
                "eval",
                "--model",
                ShippedModelTest.ASSET.toString(),
                "--data",
                data.toString(),
                "--split",
                "test");
        refused(
                1,
                "PyTorch sees no CUDA GPU",
                "train",
                "--data",
                data.toString(),
                "--out",
                tmp.resolve("m").toString(),
                "--device",
                "gpu");
    }

    /**
     * What eval uses after evaluating — the gold melodies, the --json-out file — is checked before: a named pipe as
     * --gold was waited on for ever (after the evaluation), a bad gold value was read as 0, a folder as --json-out
     * failed only at the very end.
     */
    @Test
    void evalChecksItsGoldFileAndOutputBeforeEvaluating(@TempDir Path tmp) throws Exception {
        String data = MiniData.folder(tmp.resolve("data")).toString();
        String model = ShippedModelTest.ASSET.toString();
        Path fifo = tmp.resolve("gold.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60),
                () -> refused(
                        1,
                        fifo + ": not a regular file (a named pipe (FIFO))",
                        "eval",
                        "--model",
                        model,
                        "--data",
                        data,
                        "--split",
                        "all",
                        "--gold",
                        fifo.toString()));
        Path text = Files.writeString(tmp.resolve("text.json"), "melodies: none");
        refused(
                1,
                text + ": not valid JSON",
                "eval",
                "--model",
                model,
                "--data",
                data,
                "--split",
                "all",
                "--gold",
                text.toString());
        Path bad = Files.writeString(
                tmp.resolve("bad.json"),
                "{\"melodies\": [{\"name\": \"x\", \"midi_pitches\": [60, 62], \"buttons\": [1, \"two\"]}]}");
        refused(
                1,
                bad + ": melody x: \"buttons\" holds \"two\" (whole numbers 1 to 8)",
                "eval",
                "--model",
                model,
                "--data",
                data,
                "--split",
                "all",
                "--gold",
                bad.toString());
        refused(
                1,
                tmp + ": is a folder, not a file",
                "eval",
                "--model",
                model,
                "--data",
                data,
                "--split",
                "all",
                "--gold",
                SharedData.goldMelodies().toString(),
                "--json-out",
                tmp.toString());
    }

    /** A full disk (here: a file-size limit, which the JVM turns into the same write error) ends the run with one line. */
    @Test
    void aFullDiskEndsTheRunWithOneLine(@TempDir Path tmp) throws Exception {
        Path data = MiniData.folder(tmp.resolve("data"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "ulimit -f 64; exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "'"
                + " -Dai.djl.offline=true -Dpianogenie.cache='" + System.getProperty("pianogenie.cache") + "'"
                + " -Duser.home='" + System.getProperty("user.home") + "' " + TrainingCli.class.getName()
                + " train --data '" + data + "' --out '" + tmp.resolve("m") + "' --steps 2 --batch 2 --threads 1";
        Process p = new ProcessBuilder("bash", "-c", cmd)
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String all = Files.readString(tmp.resolve("err.txt"));
        List<String> errors =
                all.lines().filter(l -> l.startsWith("genie train:")).toList();
        assertEquals(1, p.exitValue(), all);
        assertEquals(1, errors.size(), all);
        assertTrue(errors.get(0).matches("genie train: .*(checkpoint|curve|best|model).* cannot be written: .*"), all);
        assertFalse(all.contains("\tat ") || all.contains("Exception"), "no stack trace: " + all);
    }
}
