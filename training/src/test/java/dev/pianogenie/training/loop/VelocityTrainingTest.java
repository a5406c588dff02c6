package dev.pianogenie.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.io.TensorNames;
import dev.pianogenie.training.data.BatchSource;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.eval.Scores;
import dev.pianogenie.training.run.ModelExport;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network with a velocity output trains (its velocity loss falls), exports a model folder the live decoders load
 * and play alike on both engines, resumes exactly, and with the decoder frozen learns only the velocity output.
 */
class VelocityTrainingTest {
    static final ModelConfig SMALL_VELOCITY = new ModelConfig(
            "tiny velocity", FeatureEncoding.PAPER, CellConvention.TORCH_IFGO, 32, 1, true, Map.of(), 32, 16);

    /** The scale motif of TrainingRunTest, played with dynamics a head can learn: loud on the beat, louder up high. */
    static NoteBatch phrases(int batch, int length, long seed) {
        NoteBatch pitch = TrainingRunTest.phrases(batch, length, seed);
        Random r = new Random(seed);
        int[] velocities = new int[batch * length];
        for (int i = 0; i < velocities.length; i++) {
            int t = i % length;
            velocities[i] = Math.min(127, (t % 4 == 0 ? 90 : 50) + (pitch.keys()[i] - 30) + r.nextInt(5));
        }
        return new NoteBatch(batch, length, pitch.keys(), pitch.dtSeconds(), velocities);
    }

    static TrainingConfig recipe(long steps) {
        return TrainingConfig.paper(steps).toBuilder()
                .batchSize(8)
                .sequenceLength(16)
                .learningRate(1e-2)
                .minLrFraction(0)
                .seed(7)
                .validateEvery(10)
                .checkpointEvery(5)
                .build();
    }

    @Test
    void theVelocityLossFallsAndTheExportPlaysAlikeOnBothEngines(@TempDir Path dir) throws Exception {
        BatchSource source = i -> phrases(8, 16, 100 + i);
        List<NoteBatch> val = List.of(phrases(8, 16, 999));
        List<Double> velocityLoss = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void step(long step, StepLosses l, double lr, double sps) {
                velocityLoss.add(l.velocity());
            }
        };
        TrainingState end;
        try (TrainingRun run =
                new TrainingRun(recipe(60), SMALL_VELOCITY, dir.resolve("run"), source, val, false, record)) {
            end = run.run();
            Scores s = run.validateNow();
            assertTrue(s.hasVelocity());
            assertTrue(
                    s.velocityMae() < s.previousVelocityMae(),
                    "after 60 steps the head beats the previous note: " + s.velocityMae() + " against "
                            + s.previousVelocityMae());
            ModelExport.export(run.net(), end, dir.resolve("model"));
        }
        double first = velocityLoss.get(0);
        double last = velocityLoss.subList(50, 60).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        assertTrue(first > 3.0, "starts near ln 32 = 3.47, was " + first);
        assertTrue(last < first - 1.0, "the velocity loss falls: " + first + " → " + last);
        assertTrue(end.bestValidationVelocityCe() > 0 && end.bestValidationVelocityCe() < first);
        List<String> curve = Files.readAllLines(dir.resolve("run/curve.csv"));
        assertTrue(curve.get(0).endsWith("velocity,val_velocity_ce,val_velocity_mae"), curve.get(0));
        assertFalse(
                curve.get(10).split(",", -1)[15].isEmpty(), "validation rows carry the velocity MAE: " + curve.get(10));

        PianoGenieModel model = ModelFiles.load(dir.resolve("model"));
        assertTrue(model.config().predictsVelocity());
        assertTrue(model.config().provenance().containsKey("validation_velocity_ce"));
        int[][] velocities = new int[2][32];
        for (DecoderEngine engine : DecoderEngine.values()) {
            try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
                for (int i = 0; i < 32; i++) {
                    d.next(i % 8, i * 125_000_000L);
                    velocities[engine.ordinal()][i] = d.lastVelocity();
                }
            }
        }
        assertArrayEquals(velocities[0], velocities[1], "TF and PyTorch play the same velocities");
        assertTrue(
                java.util.Arrays.stream(velocities[0]).distinct().count() > 2,
                "learned dynamics move: " + java.util.Arrays.toString(velocities[0]));
    }

    @Test
    void resumesExactlyWithTheVelocityOutput(@TempDir Path dir) throws Exception {
        BatchSource source = i -> phrases(8, 16, 100 + i);
        List<NoteBatch> val = List.of(phrases(8, 16, 999));
        float[] expected;
        try (TrainingRun run = new TrainingRun(
                recipe(8), SMALL_VELOCITY, dir.resolve("straight"), source, val, false, new TrainingListener() {})) {
            run.run();
            expected = run.net()
                    .namedParameters()
                    .get(TensorNames.VEL_OUTPUT_WEIGHT)
                    .getArray()
                    .toFloatArray();
        }
        Path split = dir.resolve("split");
        try (TrainingRun run =
                new TrainingRun(recipe(5), SMALL_VELOCITY, split, source, val, false, new TrainingListener() {})) {
            run.run();
        }
        try (TrainingRun run =
                new TrainingRun(recipe(8), SMALL_VELOCITY, split, source, val, true, new TrainingListener() {})) {
            assertTrue(run.net().predictsVelocity(), "the checkpoint's model config carries the velocity output");
            run.run();
            assertArrayEquals(
                    expected,
                    run.net()
                            .namedParameters()
                            .get(TensorNames.VEL_OUTPUT_WEIGHT)
                            .getArray()
                            .toFloatArray(),
                    1e-5f,
                    "a resumed run continues exactly, velocity output included");
        }
    }

    @Test
    void aFrozenDecoderLeavesThePitchPathBitForBit(@TempDir Path dir) throws Exception {
        BatchSource source = i -> phrases(8, 16, 100 + i);
        List<NoteBatch> val = List.of(phrases(8, 16, 999));
        // a trained pitch model without a velocity output, then a velocity output trained over it
        Map<String, dev.pianogenie.model.io.Tensor> pitchModel;
        ModelConfig pitchOnly = SMALL_VELOCITY.withVelocityUnits(0);
        try (TrainingRun run = new TrainingRun(
                recipe(5), pitchOnly, dir.resolve("pitch"), source, val, false, new TrainingListener() {})) {
            run.run();
            pitchModel = run.net().tensors(true);
        }
        TrainingConfig frozen = recipe(20).withFreezeEncoder(true).withVelocity(1.0, true);
        List<Double> velocityLoss = new ArrayList<>();
        try (TrainingRun run = new TrainingRun(
                frozen, SMALL_VELOCITY, dir.resolve("velocity"), source, val, false, new TrainingListener() {
                    @Override
                    public void step(long step, StepLosses l, double lr, double sps) {
                        velocityLoss.add(l.velocity());
                    }
                })) {
            run.initializeFrom(pitchModel);
            run.run();
            Map<String, dev.pianogenie.model.io.Tensor> after = run.net().tensors(true);
            for (String name : pitchModel.keySet()) {
                assertArrayEquals(
                        pitchModel.get(name).data(), after.get(name).data(), name + " stays the starting model's");
            }
        }
        assertTrue(velocityLoss.get(19) < velocityLoss.get(0) - 0.5, "the velocity output learns: " + velocityLoss);
    }
}
