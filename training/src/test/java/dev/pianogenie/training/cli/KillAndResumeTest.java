package dev.pianogenie.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import dev.pianogenie.training.run.CheckpointFile;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training process killed without warning (SIGKILL, mid-step or mid-checkpoint) leaves a valid checkpoint;
 * {@code --resume} continues from it and the step counter goes on.
 */
class KillAndResumeTest {

    @Test
    void aKilledRunResumesFromItsLastCheckpoint(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        List<String> lines = Files.readAllLines(SharedData.maestro().resolve("maestro-v2.0.0.csv")).stream()
                .filter(l -> l.contains(",validation,"))
                .limit(4)
                .toList();
        for (String line : lines) {
            String file = line.replaceAll(".*,validation,\\d+,([^,]+\\.midi),.*", "$1");
            Files.copy(SharedData.maestroFile(file), data.resolve(Path.of(file).getFileName()));
        }
        Path out = tmp.resolve("model");
        Path run = out.resolve("training");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dai.djl.offline=true",
                "-Dpianogenie.cache=" + System.getProperty("pianogenie.cache"),
                "-Duser.home=" + System.getProperty("user.home"),
                TrainingCli.class.getName(),
                "train",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--steps",
                "1000",
                "--batch",
                "2",
                "--checkpoint-every",
                "1",
                "--validate-every",
                "1000",
                "--threads",
                "1"));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log.txt").toFile())
                .start();
        Path checkpoint = run.resolve(RunFolder.CHECKPOINT);
        long deadline = System.currentTimeMillis() + 120_000;
        long step = 0;
        while (System.currentTimeMillis() < deadline && step < 5) {
            Thread.sleep(100);
            try {
                step = RunFolder.readHeader(CheckpointFile.read(checkpoint).headerJson())
                        .step();
            } catch (java.io.IOException notYet) {
                // no checkpoint yet, or caught between write and rename: keep waiting
            }
        }
        assertTrue(step >= 5, "the run wrote checkpoints: " + Files.readString(tmp.resolve("log.txt")));
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        TrainingState afterKill =
                RunFolder.readHeader(CheckpointFile.read(checkpoint).headerJson());
        assertTrue(afterKill.step() >= 5, "the last checkpoint is complete and readable");
        long target = afterKill.step() + 3;
        TrainEvalCommandTest.run(
                "train",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--resume",
                "--steps",
                Long.toString(target),
                "--threads",
                "1");
        TrainingState resumed =
                RunFolder.readHeader(CheckpointFile.read(checkpoint).headerJson());
        assertEquals(target, resumed.step(), "the step counter continues from the checkpoint");
        assertEquals(2, resumed.training().batchSize(), "the resumed run keeps its recipe");
        List<String> curve = Files.readAllLines(run.resolve("curve.csv"));
        assertEquals(target, Long.parseLong(curve.get(curve.size() - 1).split(",")[0]));
        assertEquals(target, curve.size() - 1, "one curve row per step, none twice, none lost before the checkpoint");

        // a resume without --steps keeps the run's total, and the summary line says so
        String again = TrainEvalCommandTest.run(
                "train", "--data", data.toString(), "--out", out.toString(), "--resume", "--threads", "1");
        assertTrue(again.contains("stopped at step " + target + " of " + target + " "), again);
    }
}
