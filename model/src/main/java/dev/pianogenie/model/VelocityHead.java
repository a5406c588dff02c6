package dev.pianogenie.model;

import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.model.io.TensorNames;
import java.util.Map;

/**
 * The decoder's velocity output: a small MLP over what the decoder knows once it has chosen a key —
 * <pre>
 *   [h (the top LSTM layer's output), one_hot(key, 88), previous-velocity context (Velocities)]
 *        → Dense(units) → ReLU → Dense(32 velocity bins)
 * </pre>
 * It reads the LSTM's output but feeds nothing back into it, so the pitch path (and a shipped decoder under it) is
 * untouched. The key is known only after sampling, so the head runs after the engine's step, here in plain Java —
 * the same code for every engine (~10 k multiply-adds: a few µs, no allocation): the key's one-hot is one column.
 * Weights in PyTorch's layout ({@code [out][in]}), under {@link TensorNames#VEL_HIDDEN_WEIGHT} etc.
 */
public record VelocityHead(
        int lstmWidth, int units, float[] hiddenWeight, float[] hiddenBias, float[] outputWeight, float[] outputBias) {

    public VelocityHead {
        int in = inputWidth(lstmWidth);
        if (hiddenWeight.length != units * in
                || hiddenBias.length != units
                || outputWeight.length != Velocities.BINS * units
                || outputBias.length != Velocities.BINS) {
            throw new IllegalArgumentException(
                    "velocity head: wrong sizes for " + units + " units over " + in + " inputs");
        }
    }

    /** h, the key's one-hot, the velocity context. */
    public static int inputWidth(int lstmWidth) {
        return lstmWidth + Keys.NUM_KEYS + Velocities.CONTEXT_WIDTH;
    }

    /** From tensors named as in our files; null when the model has none of them (no velocity output). */
    public static VelocityHead fromTensors(Map<String, Tensor> t, int lstmWidth) {
        Tensor hw = t.get(TensorNames.VEL_HIDDEN_WEIGHT);
        if (hw == null) {
            return null;
        }
        int in = inputWidth(lstmWidth);
        if (hw.shape().length != 2 || hw.shape()[1] != in) {
            throw new IllegalArgumentException("tensor " + hw.name() + " has shape " + hw.shapeString()
                    + ", expected [units, " + in + "] over an LSTM of width " + lstmWidth);
        }
        int units = hw.shape()[0];
        return new VelocityHead(
                lstmWidth,
                units,
                hw.data(),
                require(t, TensorNames.VEL_HIDDEN_BIAS, units).data(),
                require(t, TensorNames.VEL_OUTPUT_WEIGHT, Velocities.BINS, units)
                        .data(),
                require(t, TensorNames.VEL_OUTPUT_BIAS, Velocities.BINS).data());
    }

    private static Tensor require(Map<String, Tensor> t, String name, int... shape) {
        Tensor x = t.get(name);
        if (x == null) {
            throw new IllegalArgumentException("missing tensor " + name);
        }
        if (!x.hasShape(shape)) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + x.shapeString() + ", expected "
                    + java.util.Arrays.toString(shape));
        }
        return x;
    }

    /**
     * The velocity distribution for the note {@code key} after the step whose top-layer output is {@code h}.
     *
     * @param scratch {@code units} floats of workspace
     * @param probabilitiesOut {@link Velocities#BINS} probabilities
     */
    public void predict(float[] h, int key, float[] context, float[] scratch, float[] probabilitiesOut) {
        int in = inputWidth(lstmWidth);
        int keyColumn = lstmWidth + key;
        int contextFrom = lstmWidth + Keys.NUM_KEYS;
        for (int u = 0; u < units; u++) {
            int row = u * in;
            float z = hiddenBias[u] + hiddenWeight[row + keyColumn] + dot(hiddenWeight, row, h, lstmWidth);
            for (int c = 0; c < Velocities.CONTEXT_WIDTH; c++) {
                z += hiddenWeight[row + contextFrom + c] * context[c];
            }
            scratch[u] = Math.max(0f, z);
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int b = 0; b < Velocities.BINS; b++) {
            float z = outputBias[b] + dot(outputWeight, b * units, scratch, units);
            probabilitiesOut[b] = z;
            max = Math.max(max, z);
        }
        float sum = 0;
        for (int b = 0; b < Velocities.BINS; b++) {
            float e = (float) Math.exp(probabilitiesOut[b] - max);
            probabilitiesOut[b] = e;
            sum += e;
        }
        for (int b = 0; b < Velocities.BINS; b++) {
            probabilitiesOut[b] /= sum;
        }
    }

    /**
     * Σ w[from + i] · x[i] for i < n, in four running sums: a single sum is one long chain of dependent additions the
     * JIT may not reorder (float), four let the CPU overlap them (the head is on the press's path).
     */
    private static float dot(float[] w, int from, float[] x, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += w[from + i] * x[i];
            s1 += w[from + i + 1] * x[i + 1];
            s2 += w[from + i + 2] * x[i + 2];
            s3 += w[from + i + 3] * x[i + 3];
        }
        for (; i < n; i++) {
            s0 += w[from + i] * x[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
