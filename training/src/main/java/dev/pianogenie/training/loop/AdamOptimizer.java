package dev.pianogenie.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam whose state (first and second moments, step count) we own, so a checkpoint can hold it and
 * {@code --resume} continues exactly. DJL's {@code Adam} keeps its moments private.
 *
 * <p>The update itself is the engine's fused one ({@code NDArrayEx.adamUpdate}, no autograd, zeroes the
 * gradient): {@code m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; w ← w − lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε)}.
 * Optional global-norm gradient clipping rescales all gradients by {@code min(1, maxNorm / ‖g‖)}.
 */
public final class AdamOptimizer implements AutoCloseable {
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPSILON = 1e-8f;

    private final NDManager manager;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    /** Checkpoint name of the update count (a float: exact to 2^24 updates). */
    public static final String STEPS = "adam.steps";

    private long steps;
    private final NDArray stepsArray;

    public AdamOptimizer(NDManager parent, Map<String, Parameter> parameters) {
        this.manager = parent.newSubManager();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            means.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType()));
            variances.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType()));
        }
        this.stepsArray = manager.zeros(new Shape(1), DataType.FLOAT32);
    }

    /**
     * Updates every parameter from its gradient; returns the global gradient norm before clipping.
     *
     * <p>Each gradient is fetched once (DJL wraps it in a new array each time: they live in a sub-manager closed
     * here, not in the run's manager where 60 a step piled up), and the norm costs one host sync, not one per
     * parameter.
     */
    public float update(Map<String, Parameter> parameters, float learningRate, float maxGradNorm) {
        try (NDManager step = manager.newSubManager()) {
            NDList gradients = new NDList(parameters.size());
            for (Parameter p : parameters.values()) {
                NDArray g = p.getArray().getGradient();
                g.attach(step);
                gradients.add(g);
            }
            return update(parameters, gradients, learningRate, maxGradNorm);
        }
    }

    /**
     * Updates every parameter from the given gradients (in the parameters' order, e.g. summed over shards); returns
     * their global norm before clipping.
     */
    public float update(Map<String, Parameter> parameters, NDList gradients, float learningRate, float maxGradNorm) {
        float norm = globalNorm(gradients);
        float rescale = 1f;
        if (maxGradNorm > 0 && norm > maxGradNorm) {
            rescale = maxGradNorm / norm;
        }
        if (!Float.isFinite(norm)) {
            throw new IllegalStateException("the gradient is not finite (norm " + norm + "): training diverged;"
                    + " lower the learning rate or enable --clip-norm, then --resume from the last checkpoint");
        }
        steps++;
        float correctedLr =
                (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, steps)) / (1 - Math.pow(BETA1, steps)));
        int i = 0;
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            NDList inputs = new NDList(w, gradients.get(i++), means.get(e.getKey()), variances.get(e.getKey()));
            w.getNDArrayInternal()
                    .adamUpdate(
                            inputs,
                            new NDList(w),
                            correctedLr,
                            learningRate,
                            0f,
                            rescale,
                            -1f,
                            BETA1,
                            BETA2,
                            EPSILON,
                            false,
                            false);
        }
        return norm;
    }

    /** ‖(g1, g2, ...)‖ = ‖(‖g1‖, ‖g2‖, ...)‖, read back once. */
    private static float globalNorm(NDList gradients) {
        NDList norms = new NDList(gradients.size());
        for (NDArray g : gradients) {
            norms.add(g.norm());
        }
        return NDArrays.stack(norms).norm().getFloat();
    }

    public long steps() {
        return steps;
    }

    /**
     * The moments under {@code adam.m.NAME} / {@code adam.v.NAME} and the update count under {@link #STEPS}
     * (it differs from the run's step after a warm start), for a checkpoint.
     */
    public Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        means.forEach((k, v) -> s.put("adam.m." + k, v));
        variances.forEach((k, v) -> s.put("adam.v." + k, v));
        dev.pianogenie.model.net.ArrayValues.fill(stepsArray, new float[] {steps});
        s.put(STEPS, stepsArray);
        return s;
    }

    /**
     * Restores what {@link #state()} wrote; checkpoints written before {@link #STEPS} existed had moments as old
     * as the run, {@code runSteps}.
     */
    public void restore(Map<String, float[]> tensors, long runSteps) {
        for (String name : means.keySet()) {
            set(means.get(name), tensors.get("adam.m." + name), "adam.m." + name);
            set(variances.get(name), tensors.get("adam.v." + name), "adam.v." + name);
        }
        float[] saved = tensors.get(STEPS);
        steps = saved != null && saved.length == 1 ? (long) saved[0] : runSteps;
    }

    private static void set(NDArray target, float[] data, String name) {
        if (data == null || data.length != target.size()) {
            throw new IllegalArgumentException(
                    "the checkpoint's optimizer state " + name + " is missing or has the wrong size");
        }
        dev.pianogenie.model.net.ArrayValues.fill(target, data);
    }

    @Override
    public void close() {
        manager.close();
    }
}
