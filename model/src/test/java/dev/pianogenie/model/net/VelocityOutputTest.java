package dev.pianogenie.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.Velocities;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.io.ModelFormatException;
import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.model.io.TensorNames;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The velocity output: the training network's (teacher-forced, whole sequences) and the live decoders' (one press at
 * a time, the head in Java after each engine's step) agree; TF and PyTorch play the same velocities; the model files
 * carry it as format version 2 and say so; models without one play at a fixed velocity.
 */
class VelocityOutputTest {
    static final int LENGTH = 40;
    static final ModelConfig CONFIG = new ModelConfig(
            "velocity", FeatureEncoding.PAPER, CellConvention.TORCH_IFGO, 64, 2, true, Map.of(), 64, 24);

    @TempDir
    static Path dir;

    static Path saved;
    static int[] keys = new int[LENGTH];
    static int[] buttons = new int[LENGTH];
    static float[] dts = new float[LENGTH];
    static int[] velocities = new int[LENGTH];
    /** The network's velocity probabilities, teacher-forced, (LENGTH × 32). */
    static float[] teacherForced;

    @BeforeAll
    static void trainingNetwork() throws Exception {
        Random r = new Random(11);
        for (int t = 0; t < LENGTH; t++) {
            keys[t] = 20 + r.nextInt(50);
            buttons[t] = r.nextInt(8);
            dts[t] = t == 0 ? (float) FeatureEncoding.FIRST_NOTE_DT : r.nextFloat() * 0.6f;
            velocities[t] = 1 + r.nextInt(127);
        }
        saved = dir.resolve("m");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            PianoGenieNet net = new PianoGenieNet(CONFIG);
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, net.exampleInputShapes());
            // the default initialisation gives nearly flat velocity distributions: spread the output layer's weights so
            // the test can tell bins apart
            net.namedParameters().get(TensorNames.VEL_HIDDEN_WEIGHT).getArray().muli(6f);
            net.namedParameters().get(TensorNames.VEL_OUTPUT_WEIGHT).getArray().muli(12f);
            ModelFiles.save(saved, CONFIG, net.tensors(true));
            NDList in = NetInputs.of(m, FeatureEncoding.PAPER, keys, dts, 1, LENGTH);
            float[] q = new float[LENGTH];
            for (int t = 0; t < LENGTH; t++) {
                q[t] = Keys.buttonValue(buttons[t], Keys.DEFAULT_BUTTONS);
            }
            ParameterStore store = new ParameterStore(m, false);
            NDArray top = net.decodeHidden(store, in.get(1), in.get(2), m.create(q, new Shape(1, LENGTH)), false);
            NDList v = NetInputs.velocityInputs(m, keys, velocities, 1, LENGTH);
            teacherForced = net.velocityLogits(store, top, v.get(0), v.get(1), false)
                    .softmax(-1)
                    .toFloatArray();
        }
    }

    @Test
    void theLiveHeadGivesTheNetworksProbabilitiesOnBothEngines() throws Exception {
        PianoGenieModel model = ModelFiles.load(saved);
        for (DecoderEngine engine : DecoderEngine.values()) {
            try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
                float[] logits = new float[88];
                float[] p = new float[Velocities.BINS];
                Velocities.Context context = new Velocities.Context();
                for (int t = 0; t < LENGTH; t++) {
                    d.stepLogits(buttons[t], t == 0 ? FeatureEncoding.START : keys[t - 1], dts[t], logits);
                    d.velocityProbabilities(keys[t], context, p);
                    for (int b = 0; b < Velocities.BINS; b++) {
                        assertEquals(
                                teacherForced[t * Velocities.BINS + b],
                                p[b],
                                1e-5,
                                engine + " step " + t + " bin " + b);
                    }
                    context.played(velocities[t], keys[t]);
                }
            }
        }
    }

    @Test
    void bothEnginesPlayTheSameVelocitiesAndFeedThemBack() throws Exception {
        PianoGenieModel model = ModelFiles.load(saved);
        int[][] played = new int[2][LENGTH];
        int[][] playedKeys = new int[2][LENGTH];
        for (DecoderEngine engine : DecoderEngine.values()) {
            try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
                assertTrue(d.predictsVelocity());
                assertEquals(0, d.lastVelocity(), "before the first press");
                long nanos = 0;
                for (int t = 0; t < LENGTH; t++) {
                    nanos += 150_000_000L;
                    playedKeys[engine.ordinal()][t] = d.next(buttons[t], nanos);
                    played[engine.ordinal()][t] = d.lastVelocity();
                    assertTrue(played[engine.ordinal()][t] >= 1 && played[engine.ordinal()][t] <= 127);
                }
                d.reset();
                assertEquals(0, d.lastVelocity(), "after a reset");
                // after a reset the phrase starts again from the phrase-start velocity: the same first velocity
                d.next(buttons[0], 0);
                assertEquals(played[engine.ordinal()][0], d.lastVelocity());
            }
        }
        assertArrayEquals(playedKeys[0], playedKeys[1], "keys");
        assertArrayEquals(played[0], played[1], "velocities, TF against PyTorch");
        assertTrue(
                java.util.Arrays.stream(played[0]).distinct().count() > 1,
                "the velocities move: " + java.util.Arrays.toString(played[0]));
        // the prediction is fed back: replaying the keys teacher-forced with the played velocities gives the same
        // values
        try (BaseStreamingDecoder d = Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.greedy())) {
            float[] logits = new float[88];
            float[] p = new float[Velocities.BINS];
            Velocities.Context context = new Velocities.Context();
            for (int t = 0; t < LENGTH; t++) {
                d.stepLogits(
                        buttons[t],
                        t == 0 ? FeatureEncoding.START : playedKeys[0][t - 1],
                        t == 0 ? FeatureEncoding.FIRST_NOTE_DT : 0.15,
                        logits);
                d.velocityProbabilities(playedKeys[0][t], context, p);
                assertEquals(played[0][t], Velocities.toMidi(Velocities.expectation(p, 0)), "step " + t);
                context.played(played[0][t], playedKeys[0][t]);
            }
        }
    }

    @Test
    void whenSamplingBothEnginesDrawTheSameVelocitiesForASeed() throws Exception {
        PianoGenieModel model = ModelFiles.load(saved);
        int[][] played = new int[3][LENGTH];
        int run = 0;
        for (DecoderEngine engine :
                new DecoderEngine[] {DecoderEngine.TENSORFLOW, DecoderEngine.PYTORCH, DecoderEngine.TENSORFLOW}) {
            try (BaseStreamingDecoder d =
                    Decoders.open(model, engine, Sampling.of(0.25).withSeed(5))) {
                for (int t = 0; t < LENGTH; t++) {
                    d.next(buttons[t], t * 150_000_000L);
                    played[run][t] = d.lastVelocity();
                    assertTrue(played[run][t] >= 1 && played[run][t] <= 127);
                }
            }
            run++;
        }
        assertArrayEquals(played[0], played[1], "TF and PyTorch draw alike");
        assertArrayEquals(played[0], played[2], "a seed replays");
    }

    @Test
    void theFilesAreVersionTwoAndSaySo() throws Exception {
        String json = Files.readString(saved.resolve(ModelFiles.CONFIG));
        assertTrue(json.contains("\"version\" : 2"), json);
        PianoGenieModel model = ModelFiles.load(saved);
        assertTrue(model.config().predictsVelocity());
        assertEquals(24, model.velocity().units());
        assertTrue(model.describe().endsWith("predicts velocity"), model.describe());

        // without the velocity output: still written as version 1, loads as a fixed-velocity model
        Map<String, Tensor> pitchOnly = new LinkedHashMap<>(model.tensors());
        pitchOnly.keySet().removeIf(n -> n.startsWith(TensorNames.VELOCITY_PREFIX));
        Path old = dir.resolve("pitch-only");
        ModelFiles.save(old, CONFIG.withVelocityUnits(0), pitchOnly);
        assertTrue(Files.readString(old.resolve(ModelFiles.CONFIG)).contains("\"version\" : 1"));
        PianoGenieModel oldModel = ModelFiles.load(old);
        assertFalse(oldModel.config().predictsVelocity());
        assertTrue(oldModel.describe().endsWith("fixed velocity"), oldModel.describe());

        // a version-1 config that claims a velocity output, and a version-2 one whose weights lack it: refused, said
        Path lying = dir.resolve("lying");
        ModelFiles.save(lying, CONFIG, model.tensors());
        Files.writeString(
                lying.resolve(ModelFiles.CONFIG),
                Files.readString(lying.resolve(ModelFiles.CONFIG)).replace("\"version\" : 2", "\"version\" : 1"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(lying));
        assertTrue(e.getMessage().contains("version 1 has no velocity output"), e.getMessage());
        Path missing = dir.resolve("missing");
        ModelFiles.save(missing, CONFIG, pitchOnly);
        e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(missing));
        assertTrue(e.getMessage().contains(TensorNames.VEL_HIDDEN_WEIGHT), e.getMessage());
    }

    @Test
    void modelsWithoutAVelocityOutputPlayAtAFixedVelocity() throws Exception {
        for (Path reference : new Path[] {SharedData.paperModel(), SharedData.tutorialModel()}) {
            PianoGenieModel model = ModelFiles.load(reference);
            assertNotEquals(true, model.config().predictsVelocity());
            assertTrue(model.describe().endsWith("fixed velocity"), model.describe());
            for (DecoderEngine engine : DecoderEngine.values()) {
                try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy())) {
                    assertFalse(d.predictsVelocity());
                    d.next(3, 0);
                    assertEquals(0, d.lastVelocity(), reference + " on " + engine);
                }
            }
        }
    }

    @Test
    void binsAndContext() {
        assertEquals(0, Velocities.bin(1));
        assertEquals(0, Velocities.bin(4));
        assertEquals(1, Velocities.bin(5));
        assertEquals(31, Velocities.bin(127));
        assertEquals(2.5f, Velocities.center(0));
        assertEquals(126f, Velocities.center(31));
        assertThrows(IllegalArgumentException.class, () -> Velocities.bin(0));
        assertThrows(IllegalArgumentException.class, () -> Velocities.bin(128));
        Velocities.Context c = new Velocities.Context();
        float[] f = new float[Velocities.CONTEXT_WIDTH];
        c.write(f, 0, 40);
        for (int i = 0; i < 6; i++) {
            assertEquals(Velocities.PHRASE_START / 127f, f[i], 1e-6, "feature " + i);
        }
        assertEquals(0f, f[7], "no previous key: no step");
        assertEquals(1f, f[10], "a phrase's first note");
        c.played(100, 40);
        c.played(20, 52);
        c.write(f, 0, 64);
        assertEquals(20 / 127f, f[0], 1e-6);
        assertEquals(100 / 127f, f[1], 1e-6);
        assertEquals(64 / 127f, f[2], 1e-6);
        assertEquals((0.5f * (0.5f * 64 + 50) + 10) / 127f, f[3], 1e-5);
        assertEquals(1f, f[7], 1e-6, "an octave up from the previous key");
        assertEquals((64 - (0.8f * 40 + 0.2f * 52)) / 12f, f[8], 1e-5, "against the running average key");
        assertEquals(0f, f[10]);
    }
}
