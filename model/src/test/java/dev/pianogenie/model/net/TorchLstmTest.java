package dev.pianogenie.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's fused LSTM with our parameter names and order equals a plain-Java LSTM written from the
 * PyTorch equations — so the names really mean what the checkpoint format says, including the reverse
 * direction and the second layer's input (both directions of the first).
 */
class TorchLstmTest {
    static NDManager manager;

    @BeforeAll
    static void engine() {
        manager = dev.pianogenie.model.engine.Engines.pytorch().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @ParameterizedTest
    @CsvSource({"1,false", "2,false", "2,true"})
    void matchesThePyTorchEquations(int layers, boolean bidirectional) {
        int in = 40;
        int h = TorchLstm.MIN_HIDDEN;
        int batch = 2;
        int time = 6;
        TorchLstm lstm = new TorchLstm(in, h, layers, bidirectional);
        lstm.initialize(manager, DataType.FLOAT32, new Shape(batch, time, in));
        NDArray x = manager.randomUniform(-1f, 1f, new Shape(batch, time, in));
        float[] out = lstm.forwardWithState(new ParameterStore(manager, false), x, null, false)
                .head()
                .toFloatArray();

        Map<String, float[]> p = new java.util.HashMap<>();
        for (Parameter param : lstm.getDirectParameters().values()) {
            p.put(param.getName(), param.getArray().toFloatArray());
        }
        int dirs = bidirectional ? 2 : 1;
        float[] xs = x.toFloatArray();
        for (int b = 0; b < batch; b++) {
            float[][] seq = new float[time][];
            for (int t = 0; t < time; t++) {
                seq[t] = java.util.Arrays.copyOfRange(xs, (b * time + t) * in, (b * time + t + 1) * in);
            }
            for (int l = 0; l < layers; l++) {
                float[][] next = new float[time][h * dirs];
                for (int d = 0; d < dirs; d++) {
                    String s = "_l" + l + (d == 1 ? "_reverse" : "");
                    float[][] y = run(
                            seq,
                            p.get("weight_ih" + s),
                            p.get("weight_hh" + s),
                            p.get("bias_ih" + s),
                            p.get("bias_hh" + s),
                            h,
                            d == 1);
                    for (int t = 0; t < time; t++) {
                        System.arraycopy(y[t], 0, next[t], d * h, h);
                    }
                }
                seq = next;
            }
            for (int t = 0; t < time; t++) {
                for (int j = 0; j < h * dirs; j++) {
                    assertEquals(seq[t][j], out[(b * time + t) * h * dirs + j], 1e-5, "b" + b + " t" + t + " j" + j);
                }
            }
        }
    }

    /** One direction of one layer: gates (i, f, g, o) as in torch.nn.LSTM. */
    static float[][] run(float[][] xs, float[] wih, float[] whh, float[] bih, float[] bhh, int h, boolean reverse) {
        int n = xs[0].length;
        float[] hs = new float[h];
        float[] cs = new float[h];
        float[][] ys = new float[xs.length][];
        for (int step = 0; step < xs.length; step++) {
            int t = reverse ? xs.length - 1 - step : step;
            float[] z = new float[4 * h];
            for (int r = 0; r < 4 * h; r++) {
                double acc = bih[r] + bhh[r];
                for (int k = 0; k < n; k++) {
                    acc += wih[r * n + k] * xs[t][k];
                }
                for (int k = 0; k < h; k++) {
                    acc += whh[r * h + k] * hs[k];
                }
                z[r] = (float) acc;
            }
            float[] hNew = new float[h];
            for (int j = 0; j < h; j++) {
                double i = sigmoid(z[j]);
                double f = sigmoid(z[h + j]);
                double g = Math.tanh(z[2 * h + j]);
                double o = sigmoid(z[3 * h + j]);
                cs[j] = (float) (f * cs[j] + i * g);
                hNew[j] = (float) (o * Math.tanh(cs[j]));
            }
            hs = hNew;
            ys[t] = hNew;
        }
        return ys;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
