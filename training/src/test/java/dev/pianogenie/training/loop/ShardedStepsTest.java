package dev.pianogenie.training.loop;

import static dev.pianogenie.training.loop.TrainingRunTest.SMALL;
import static dev.pianogenie.training.loop.TrainingRunTest.phrases;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.training.data.BatchSource;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.eval.Scores;
import dev.pianogenie.training.run.CheckpointFile;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data-parallel steps: the same training as the whole batch (up to float order), deterministic for a shard count. */
class ShardedStepsTest {
    private static TrainingConfig recipe(int batch, int shards, long steps) {
        return TrainingConfig.paper(steps).toBuilder()
                .batchSize(batch)
                .sequenceLength(16)
                .learningRate(3e-3)
                .minLrFraction(0)
                .clipNorm(1.0)
                .seed(7)
                .validateEvery(3)
                .checkpointEvery(2)
                .shards(shards)
                .build();
    }

    private record Trained(List<double[]> losses, float[] decoderOut, float[] encoderIn, double validationCe) {}

    private static Trained train(Path dir, TrainingConfig config, int batch, boolean resume) throws Exception {
        BatchSource source = i -> phrases(batch, 16, 100 + i);
        List<NoteBatch> val = List.of(phrases(6, 16, 999), phrases(5, 16, 998), phrases(3, 16, 997));
        List<double[]> losses = new ArrayList<>();
        double[] ce = {Double.NaN};
        TrainingListener record = new TrainingListener() {
            @Override
            public void step(long step, StepLosses l, double lr, double sps) {
                losses.add(new double[] {l.total(), l.reconstruction(), l.margin(), l.contour(), l.gradNorm()});
            }

            @Override
            public void validated(long step, Scores scores, boolean best) {
                ce[0] = scores.meanCrossEntropy();
            }
        };
        try (TrainingRun run = new TrainingRun(config, SMALL, dir, source, val, resume, record)) {
            run.run();
            return new Trained(
                    losses,
                    run.net()
                            .namedParameters()
                            .get("dec.output.weight")
                            .getArray()
                            .toFloatArray(),
                    run.net()
                            .namedParameters()
                            .get("enc.input.weight")
                            .getArray()
                            .toFloatArray(),
                    ce[0]);
        }
    }

    @Test
    void shardsTrainAsTheWholeBatchDoes(@TempDir Path dir) throws Exception {
        Trained whole = train(dir.resolve("whole"), recipe(7, 1, 6), 7, false);
        // 7 rows in 2 shards (4 + 3) and in 3 shards (3 + 2 + 2): uneven shares, weighted by rows
        for (int shards : new int[] {2, 3}) {
            Trained split = train(dir.resolve("shards-" + shards), recipe(7, shards, 6), 7, false);
            assertEquals(whole.losses().size(), split.losses().size());
            for (int s = 0; s < whole.losses().size(); s++) {
                for (int k = 0; k < 5; k++) {
                    double a = whole.losses().get(s)[k];
                    double b = split.losses().get(s)[k];
                    assertEquals(
                            a,
                            b,
                            1e-4 * Math.max(1, Math.abs(a)),
                            "step " + (s + 1) + " term " + k + ", " + shards + " shards");
                }
            }
            assertArrayEquals(whole.decoderOut(), split.decoderOut(), 1e-4f, shards + " shards: decoder after 6 steps");
            assertArrayEquals(whole.encoderIn(), split.encoderIn(), 1e-4f, shards + " shards: encoder after 6 steps");
            assertEquals(
                    whole.validationCe(), split.validationCe(), 1e-4, shards + " shards: validation on the replicas");
        }
    }

    @Test
    void aShardedRunIsDeterministicAndResumesExactly(@TempDir Path dir) throws Exception {
        Trained straight = train(dir.resolve("straight"), recipe(8, 2, 6), 8, false);
        Trained again = train(dir.resolve("again"), recipe(8, 2, 6), 8, false);
        assertArrayEquals(straight.decoderOut(), again.decoderOut(), 0f, "two runs of one recipe: the same bits");
        Path split = dir.resolve("split");
        train(split, recipe(8, 2, 4), 8, false);
        // resumed with an unsharded config: the checkpoint's recipe (2 shards) is kept
        Trained resumed = train(split, recipe(8, 1, 6), 8, true);
        assertArrayEquals(straight.decoderOut(), resumed.decoderOut(), 0f, "a resumed sharded run continues exactly");
        assertArrayEquals(straight.encoderIn(), resumed.encoderIn(), 0f);
        for (int k = 0; k < 5; k++) {
            assertEquals(straight.losses().get(5)[k], resumed.losses().get(1)[k], 0.0, "step 6's losses, term " + k);
        }
        assertNotEquals(0.0, straight.losses().get(5)[4], "a gradient norm was measured");
    }

    @Test
    void theShardCountIsPartOfTheRecipe(@TempDir Path dir) throws Exception {
        train(dir, recipe(8, 1, 1), 8, false);
        String header = CheckpointFile.read(dir.resolve(RunFolder.CHECKPOINT)).headerJson();
        assertTrue(header.contains("\"shards\""), header);
        String older = header.replaceAll(",\\s*\"shards\"\\s*:\\s*1", "");
        assertEquals(
                1, RunFolder.readHeader(older).training().shards(), "runs recorded before sharding: whole batches");
        assertEquals(2, TrainingConfig.defaultShards(2, 32));
        assertEquals(TrainingConfig.MAX_SHARDS, TrainingConfig.defaultShards(64, 32));
        assertEquals(3, TrainingConfig.defaultShards(16, 3), "never more shards than rows");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> recipe(2, 3, 1));
        assertTrue(e.getMessage().contains("shards"), e.getMessage());
    }
}
