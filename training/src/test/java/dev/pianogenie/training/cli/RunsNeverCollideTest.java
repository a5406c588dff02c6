package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.data.Split;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.RunLock;
import dev.pianogenie.training.run.TrainingState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, the training side: two runs never share a folder (a lock held for the run's life, a dead run's lock
 * taken over), no run writes over its --init model nor eval over what it reads, a MIDI folder is scanned through
 * symbolic links with unreadable subfolders listed, and a resume keeps model selection working and says when it
 * trains on other data.
 */
class RunsNeverCollideTest {
    static final String[] SMALL = {"--batch", "4", "--seed", "3", "--rnn-dim", "32", "--layers", "1", "--threads", "1"};

    static String[] args(String... a) {
        String[] all = new String[a.length + SMALL.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(SMALL, 0, all, a.length, SMALL.length);
        return all;
    }

    /** Was: a second train on the same --out ran too, and the folder held a mix of both. */
    @Test
    void aSecondRunOnTheSameFolderIsRefusedAndADeadRunsLockIsTakenOver(@TempDir Path tmp) throws Exception {
        String data = MiniData.folder(tmp.resolve("data")).toString();
        Path out = tmp.resolve("model");
        Path run = out.resolve("training");
        try (RunLock held = RunLock.acquire(run, "the run folder")) { // a run under way in this folder
            TrainErrorsTest.refused(
                    1,
                    "the run folder " + run + " is in use by another train run (process "
                            + ProcessHandle.current().pid(),
                    args("train", "--data", data, "--out", out.toString(), "--steps", "2"));
            // a run with its own --run but the same --out is refused by the model folder's lock
            try (RunLock model = RunLock.acquire(tmp.resolve("other"), "the model folder")) {
                TrainErrorsTest.refused(
                        1,
                        "the model folder " + tmp.resolve("other") + " is in use",
                        args(
                                "train",
                                "--data",
                                data,
                                "--out",
                                tmp.resolve("other").toString(),
                                "--run",
                                tmp.resolve("run2").toString(),
                                "--steps",
                                "2"));
            }
        }
        assertFalse(Files.exists(run.resolve(RunFolder.CHECKPOINT)), "the refused run wrote nothing");
        // what a run killed with kill -9 leaves: the lock file naming a process that no longer runs, no OS lock
        Files.writeString(run.resolve(RunLock.FILE), "process 999999999, since 2026-01-01T00:00:00Z\n");
        Cli r = Cli.run(args("train", "--data", data, "--out", out.toString(), "--steps", "2"));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains(
                                "a stale lock (process 999999999, since 2026-01-01T00:00:00Z, no longer running) was taken over"),
                r.out());
        assertEquals("", Files.readString(run.resolve(RunLock.FILE)), "released at the end");
    }

    /** Was: train --init X --out X replaced the model it started from; eval --json-out could replace its gold file. */
    @Test
    void noRunWritesOverWhatItReads(@TempDir Path tmp) throws Exception {
        String data = MiniData.folder(tmp.resolve("data")).toString();
        Path base = tmp.resolve("base");
        assertEquals(
                0,
                Cli.run(args(
                                "train",
                                "--data",
                                data,
                                "--out",
                                base.toString(),
                                "--steps",
                                "2",
                                "--validate-every",
                                "1"))
                        .code());
        byte[] config = Files.readAllBytes(base.resolve("model.json"));
        Path copied = Files.createDirectories(tmp.resolve("copied")); // a model folder without its run beside
        try (var files = Files.list(base)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copied.resolve(f.getFileName()));
            }
        }
        TrainErrorsTest.refused(
                1,
                "--out " + copied + " is the --init model",
                "train",
                "--data",
                data,
                "--init",
                copied.toString(),
                "--out",
                copied.toString(),
                "--steps",
                "2",
                "--validate-every",
                "1");
        assertArrayEquals(
                config, Files.readAllBytes(copied.resolve("model.json")), "the model fine-tuned from is as it was");
        TrainErrorsTest.refused(
                1,
                "--out " + base + " is the --init model",
                "train",
                "--data",
                data,
                "--init",
                base.toString(),
                "--out",
                base.toString(),
                "--steps",
                "2");
        TrainErrorsTest.refused(
                1,
                "is the --init model",
                "train",
                "--data",
                data,
                "--init",
                base.toString(),
                "--out",
                tmp.resolve("x/../base").toString(),
                "--steps",
                "2");
        assertArrayEquals(config, Files.readAllBytes(base.resolve("model.json")));

        Path gold = Files.copy(SharedData.goldMelodies(), tmp.resolve("gold.json"));
        byte[] goldBytes = Files.readAllBytes(gold);
        TrainErrorsTest.refused(
                1,
                "--json-out " + gold + " is the gold melodies file",
                "eval",
                "--model",
                base.toString(),
                "--data",
                data,
                "--gold",
                gold.toString(),
                "--json-out",
                gold.toString(),
                "--threads",
                "1",
                "--split",
                "all");
        TrainErrorsTest.refused(
                1,
                "is a file of the --model folder",
                "eval",
                "--model",
                base.toString(),
                "--data",
                data,
                "--gold",
                gold.toString(),
                "--json-out",
                base.resolve("model.json").toString(),
                "--threads",
                "1",
                "--split",
                "all");
        assertArrayEquals(goldBytes, Files.readAllBytes(gold));
        assertArrayEquals(config, Files.readAllBytes(base.resolve("model.json")));
        Path evalJson = base.resolve("eval.json");
        assertEquals(
                0,
                Cli.run(
                                "eval",
                                "--model",
                                base.toString(),
                                "--data",
                                data,
                                "--gold",
                                gold.toString(),
                                "--json-out",
                                evalJson.toString(),
                                "--threads",
                                "1",
                                "--split",
                                "all")
                        .code());
        assertEquals(
                0,
                Cli.run(
                                "eval",
                                "--model",
                                base.toString(),
                                "--data",
                                data,
                                "--gold",
                                gold.toString(),
                                "--json-out",
                                evalJson.toString(),
                                "--threads",
                                "1",
                                "--split",
                                "all")
                        .code(),
                "an earlier evaluation's JSON may be written again");
    }

    /** Was: --data given as a link found 0 files; linked subfolders were skipped without a word. */
    @Test
    void aMidiFolderIsScannedThroughLinks(@TempDir Path tmp) throws Exception {
        Path real = MiniData.folder(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Dataset viaLink = Dataset.load(link, tmp.resolve("cache"), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(4, count(viaLink), log.toString());

        Path top = Files.createDirectories(tmp.resolve("top"));
        Files.copy(
                SharedData.maestroFile(
                        "2004/MIDI-Unprocessed_XP_06_R1_2004_01_ORIG_MID--AUDIO_06_R1_2004_01_Track01_wav.midi"),
                top.resolve("own.midi"));
        Files.createSymbolicLink(top.resolve("linked"), real);
        Files.createSymbolicLink(top.resolve("loop"), top); // a link back up: scanned once, not for ever
        assertEquals(
                5, count(Dataset.load(top, tmp.resolve("cache"), null)), "its own file and the linked folder's four");
    }

    /** Was: one unreadable subfolder aborted the whole scan with a Java exception's name. */
    @Test
    void anUnreadableSubfolderIsSkippedAndListed(@TempDir Path tmp) throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root reads any folder");
        Path data = MiniData.folder(tmp.resolve("data"));
        Path locked = Files.createDirectories(data.resolve("private"));
        Files.copy(
                data.resolve(Files.list(data)
                        .filter(p -> p.toString().endsWith(".midi"))
                        .findFirst()
                        .orElseThrow()
                        .getFileName()),
                locked.resolve("hidden.midi"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Dataset d = Dataset.load(data, tmp.resolve("cache"), new PrintStream(log, true, StandardCharsets.UTF_8));
            assertEquals(4, count(d));
            assertTrue(log.toString().contains("skipped 1 folder that could not be read: " + locked), log.toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static int count(Dataset d) {
        int n = 0;
        for (Split s : Split.values()) {
            n += d.split(s).size();
        }
        return n;
    }

    /**
     * Was: a run begun without validation windows (best NaN) resumed on data with a validation split kept its
     * unvalidated best for good (every score compared with NaN is false); and --resume took another --data silently.
     */
    @Test
    void aResumeOnDataWithValidationSelectsByItAndTheNewDataIsSaidAndRecorded(@TempDir Path tmp) throws Exception {
        Path none = MiniData.folder(tmp.resolve("no-validation"));
        Path out = tmp.resolve("model");
        Cli first = Cli.run(args(
                "train", "--data", none.toString(), "--out", out.toString(), "--steps", "2", "--validate-every", "1"));
        assertEquals(0, first.code(), first.out() + first.err());
        Assumptions.assumeTrue(
                first.out().contains("the validation split has no 128-note window"), "a data set without validation");
        assertTrue(Double.isNaN(RunFolder.resumeState(out.resolve("training")).bestValidationCe()));

        // MAESTRO's own splits: the files under their CSV names, two of them in its validation split
        Path maestro = Files.createDirectories(tmp.resolve("maestro"));
        Files.copy(SharedData.maestro().resolve("maestro-v2.0.0.csv"), maestro.resolve("maestro-v2.0.0.csv"));
        List<String> lines = Files.readAllLines(SharedData.maestro().resolve("maestro-v2.0.0.csv"));
        for (String split : new String[] {",validation,", ",train,"}) {
            for (String line :
                    lines.stream().filter(l -> l.contains(split)).limit(2).toList()) {
                String file = line.replaceAll(".*," + split.replace(",", "") + ",\\d+,([^,]+\\.midi),.*", "$1");
                Files.createDirectories(maestro.resolve(file).getParent());
                Files.copy(SharedData.maestroFile(file), maestro.resolve(file));
            }
        }
        Cli resumed = Cli.run(
                "train",
                "--data",
                maestro.toString(),
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                "4",
                "--threads",
                "1");
        assertEquals(0, resumed.code(), resumed.out() + resumed.err());
        assertTrue(
                resumed.out()
                        .contains("note: resuming on --data " + maestro + ", not the data the run trained on so far ("
                                + none + ")"),
                resumed.out());
        TrainingState end = RunFolder.resumeState(out.resolve("training"));
        assertTrue(
                Double.isFinite(end.bestValidationCe()) && end.bestStep() >= 3,
                "model selection works again: best " + end.bestValidationCe() + " at step " + end.bestStep());
        assertEquals(
                none + ", then " + maestro + " from step 2",
                end.model().provenance().get("data"),
                "recorded in the run");
        assertTrue(
                Files.readString(out.resolve("model.json")).contains(", then " + maestro), "and in the model folder");
    }
}
