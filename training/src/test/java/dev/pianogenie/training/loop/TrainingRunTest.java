package dev.pianogenie.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.training.data.BatchSource;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.run.CheckpointFile;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.TrainingCurve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    static final ModelConfig SMALL =
            new ModelConfig("tiny", FeatureEncoding.PAPER, CellConvention.TORCH_IFGO, 32, 1, true, Map.of());

    /** A few fixed phrases: an up-and-down scale motif, transposed per row. */
    static NoteBatch phrases(int batch, int length, long seed) {
        Random r = new Random(seed);
        int[] keys = new int[batch * length];
        float[] dts = new float[batch * length];
        int[] motif = {0, 2, 4, 5, 7, 5, 4, 2};
        for (int b = 0; b < batch; b++) {
            int base = 30 + r.nextInt(12);
            for (int t = 0; t < length; t++) {
                keys[b * length + t] = base + motif[t % motif.length];
                dts[b * length + t] = t == 0 ? (float) FeatureEncoding.FIRST_NOTE_DT : 0.125f;
            }
        }
        return new NoteBatch(batch, length, keys, dts);
    }

    static TrainingConfig config(long steps, double lr, long validateEvery, long checkpointEvery) {
        return TrainingConfig.paper(steps).toBuilder()
                .batchSize(8)
                .sequenceLength(16)
                .learningRate(lr)
                .minLrFraction(0)
                .seed(7)
                .validateEvery(validateEvery)
                .checkpointEvery(checkpointEvery)
                .build();
    }

    @Test
    void overfitsAShortSequence(@TempDir Path dir) throws Exception {
        NoteBatch fixed =
                new NoteBatch(1, 16, phrases(1, 16, 3).keys(), phrases(1, 16, 3).dtSeconds());
        List<Double> ce = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void step(long step, StepLosses l, double lr, double sps) {
                ce.add(l.reconstruction());
            }
        };
        TrainingConfig cfg = TrainingConfig.paper(300).toBuilder()
                .batchSize(1)
                .sequenceLength(16)
                .learningRate(1e-2)
                .minLrFraction(0)
                .seed(7)
                .validateEvery(1000)
                .checkpointEvery(1000)
                .build();
        try (TrainingRun run = new TrainingRun(cfg, SMALL, dir, i -> fixed, List.of(fixed), false, record)) {
            run.run();
        }
        assertTrue(ce.get(0) > 3.5, "starts near ln 88 = 4.48, was " + ce.get(0));
        double last = ce.get(ce.size() - 1);
        assertTrue(last < 0.05, "reconstruction loss must fall to near zero on one memorised phrase, was " + last);
    }

    @Test
    void resumeContinuesExactlyAndNeverOverwrites(@TempDir Path dir) throws Exception {
        BatchSource source = i -> phrases(8, 16, 100 + i);
        List<NoteBatch> val = List.of(phrases(8, 16, 999));
        // one uninterrupted run of 6 steps
        Path straight = dir.resolve("straight");
        float[] expected;
        try (TrainingRun run = new TrainingRun(
                config(6, 3e-3, 3, 2), SMALL, straight, source, val, false, new TrainingListener() {})) {
            run.run();
            expected = run.net()
                    .namedParameters()
                    .get("dec.output.weight")
                    .getArray()
                    .toFloatArray();
        }
        // the same run stopped after step 4, then resumed
        Path split = dir.resolve("split");
        try (TrainingRun run =
                new TrainingRun(config(4, 3e-3, 3, 2), SMALL, split, source, val, false, new TrainingListener() {})) {
            assertEquals(4, run.run().step());
        }
        assertThrows(
                IOException.class,
                () -> new TrainingRun(
                        config(6, 3e-3, 3, 2), SMALL, split, source, val, false, new TrainingListener() {}),
                "a fresh run must refuse a folder that holds a run");
        try (TrainingRun run =
                new TrainingRun(config(6, 3e-3, 3, 2), SMALL, split, source, val, true, new TrainingListener() {})) {
            assertEquals(4, run.state().step(), "resumes at the checkpoint's step");
            assertEquals(6, run.run().step());
            float[] resumed = run.net()
                    .namedParameters()
                    .get("dec.output.weight")
                    .getArray()
                    .toFloatArray();
            assertArrayEquals(expected, resumed, 1e-5f, "a resumed run must continue exactly");
        }
        List<String> curve = Files.readAllLines(split.resolve("curve.csv"));
        assertEquals(TrainingCurve.HEADER, curve.get(0));
        assertEquals(6 + 1, curve.size(), "one row per step, none twice: " + curve);
        assertTrue(Files.exists(split.resolve(RunFolder.BEST)));
    }

    @Test
    void withoutCheckpointResumeWarmStartsFromBest(@TempDir Path dir) throws Exception {
        BatchSource source = i -> phrases(8, 16, 100 + i);
        List<NoteBatch> val = List.of(phrases(8, 16, 999));
        TrainingConfig recipe = TrainingConfig.paper(8).toBuilder()
                .batchSize(8)
                .sequenceLength(16)
                .learningRate(3e-3)
                .warmupSteps(4)
                .minLrFraction(0)
                .seed(7)
                .validateEvery(4)
                .checkpointEvery(2)
                .build();
        long bestStep;
        try (TrainingRun run =
                new TrainingRun(recipe.withSteps(4), SMALL, dir, source, val, false, new TrainingListener() {})) {
            bestStep = run.run().bestStep();
        }
        float[] best = CheckpointFile.read(dir.resolve(RunFolder.BEST))
                .tensors()
                .get("dec.output.weight")
                .data();
        Files.delete(dir.resolve(RunFolder.CHECKPOINT));
        List<Double> rates = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void step(long step, StepLosses l, double lr, double sps) {
                rates.add(lr);
            }
        };
        try (TrainingRun run = new TrainingRun(recipe.withSteps(6), SMALL, dir, source, val, true, record)) {
            assertTrue(run.warmStarted());
            assertEquals(bestStep, run.state().step(), "a warm start begins at best.bin's step");
            assertArrayEquals(
                    best,
                    run.net()
                            .namedParameters()
                            .get("dec.output.weight")
                            .getArray()
                            .toFloatArray(),
                    "with best.bin's parameters");
            assertEquals(6, run.run().step());
        }
        assertTrue(Files.exists(dir.resolve(RunFolder.CHECKPOINT)), "the warm-started run writes its own checkpoint");
        // stopped during the new warm-up and resumed exactly: the ramp goes on where it was
        try (TrainingRun run = new TrainingRun(recipe, SMALL, dir, source, val, true, record)) {
            assertFalse(run.warmStarted());
            assertEquals(8, run.run().step());
        }
        assertEquals(4, bestStep, "the recipe validates (and keeps the best) at step 4");
        assertEquals(
                List.of(3e-3 / 4, 3e-3 * 2 / 4, 3e-3 * 3 / 4, 3e-3),
                rates,
                "fresh moments: the learning rate is warmed up again, across an exact resume too");

        Path empty = dir.resolve("empty");
        IOException e = assertThrows(
                IOException.class,
                () -> new TrainingRun(recipe, SMALL, empty, source, val, true, new TrainingListener() {}));
        assertTrue(e.getMessage().contains("no checkpoint.bin or best.bin"), e.getMessage());
    }
}
