package dev.pianogenie.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.ModelConfig;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PianoGenieNetTest {
    static Engine engine;
    static NDManager manager;

    @BeforeAll
    static void engine() {
        engine = dev.pianogenie.model.engine.Engines.pytorch();
        manager = engine.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void forwardShapesAndParameterNames() {
        ModelConfig config = ModelConfig.paperDefaults("test");
        PianoGenieNet net = new PianoGenieNet(config);
        net.initialize(manager, DataType.FLOAT32, net.exampleInputShapes());
        Map<String, Parameter> named = net.namedParameters();
        assertEquals(
                new Shape(128, 123), named.get("dec.input.weight").getArray().getShape());
        assertEquals(
                new Shape(512, 128),
                named.get("dec.lstm.weight_ih_l1").getArray().getShape());
        assertEquals(
                new Shape(512, 256),
                named.get("enc.lstm.weight_ih_l1_reverse").getArray().getShape());
        assertEquals(
                new Shape(88, 128), named.get("dec.output.weight").getArray().getShape());
        assertEquals(
                new Shape(1, 256), named.get("enc.output.weight").getArray().getShape());
        // the encoder's names and shapes that model folders are checked against at load are the network's own
        Map<String, int[]> encoder =
                dev.pianogenie.model.io.TensorNames.encoderShapes(128, 2, config.encoderInputWidth());
        assertEquals(
                encoder.keySet(),
                named.keySet().stream().filter(n -> n.startsWith("enc.")).collect(java.util.stream.Collectors.toSet()));
        encoder.forEach((name, shape) -> assertEquals(
                new Shape(java.util.Arrays.stream(shape).asLongStream().toArray()),
                named.get(name).getArray().getShape(),
                name));

        int b = 4;
        int t = 128;
        Random r = new Random(1);
        int[] keys = new int[b * t];
        float[] dts = new float[b * t];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = 30 + r.nextInt(40);
            dts[i] = i % t == 0 ? (float) FeatureEncoding.FIRST_NOTE_DT : r.nextFloat() * 0.3f;
        }
        ParameterStore store = new ParameterStore(manager, false);
        for (int rep = 0; rep < 2; rep++) {
            try (NDManager sub = manager.newSubManager();
                    GradientCollector gc = engine.newGradientCollector()) {
                NDList in = NetInputs.of(sub, FeatureEncoding.PAPER, keys, dts, b, t);
                NDList out = net.forward(store, in, true);
                assertEquals(new Shape(b, t), out.get(0).getShape());
                assertEquals(new Shape(b, t, 88), out.get(1).getShape());
                PianoGenieLoss.Terms terms =
                        PianoGenieLoss.PAPER.compute(out.get(0), out.get(1), NetInputs.keys(sub, keys, b, t));
                gc.backward(terms.total());
                NDArray g = named.get("enc.input.weight").getArray().getGradient();
                org.junit.jupiter.api.Assertions.assertTrue(
                        g.abs().sum().getFloat() > 0, "the encoder gets a gradient through the quantiser");
                org.junit.jupiter.api.Assertions.assertTrue(
                        Math.abs(terms.reconstruction().getFloat() - Math.log(88)) < 0.5,
                        "an untrained model is near-uniform over 88 keys");
            }
        }
    }
}
