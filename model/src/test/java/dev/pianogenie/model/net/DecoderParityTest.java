package dev.pianogenie.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The training network's decoder, teacher-forced over a whole sequence, gives the same logits as the live
 * decoder stepping one press at a time with the same weights — on both engines, for both feature encodings.
 */
class DecoderParityTest {

    @ParameterizedTest
    @EnumSource(FeatureEncoding.class)
    void teacherForcedLogitsEqualStreamingLogits(FeatureEncoding encoding, @TempDir Path dir) throws Exception {
        ModelConfig config = new ModelConfig(
                "parity", encoding, dev.pianogenie.model.CellConvention.TORCH_IFGO, 128, 2, true, java.util.Map.of());
        int length = 40;
        Random r = new Random(5);
        int[] keys = new int[length];
        int[] buttons = new int[length];
        float[] dts = new float[length];
        for (int t = 0; t < length; t++) {
            keys[t] = 20 + r.nextInt(50);
            buttons[t] = r.nextInt(8);
            dts[t] = t == 0 ? (float) FeatureEncoding.FIRST_NOTE_DT : r.nextFloat() * 0.6f;
        }
        float[] teacherForced;
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            PianoGenieNet net = new PianoGenieNet(config);
            net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, net.exampleInputShapes());
            ModelFiles.save(dir.resolve("m"), config, net.tensors(true));
            NDList in = NetInputs.of(m, encoding, keys, dts, 1, length);
            float[] q = new float[length];
            for (int t = 0; t < length; t++) {
                q[t] = Keys.buttonValue(buttons[t], Keys.DEFAULT_BUTTONS);
            }
            NDArray logits = net.decode(
                    new ParameterStore(m, false), in.get(1), in.get(2), m.create(q, new Shape(1, length)), false);
            teacherForced = logits.toFloatArray();
        }
        PianoGenieModel saved = ModelFiles.load(dir.resolve("m"));
        for (DecoderEngine engine : DecoderEngine.values()) {
            try (BaseStreamingDecoder d = Decoders.open(saved, engine, Sampling.greedy())) {
                float[] step = new float[88];
                for (int t = 0; t < length; t++) {
                    d.stepLogits(buttons[t], t == 0 ? FeatureEncoding.START : keys[t - 1], dts[t], step);
                    for (int k = 0; k < 88; k++) {
                        assertEquals(teacherForced[t * 88 + k], step[k], 1e-4, engine + " step " + t + " key " + k);
                    }
                }
            }
        }
    }
}
