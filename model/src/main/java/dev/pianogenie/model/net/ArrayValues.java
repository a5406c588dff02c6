package dev.pianogenie.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/** Writes values into an existing array (a parameter, an optimizer's moment) in place. */
public final class ArrayValues {
    private ArrayValues() {}

    /**
     * {@code target} takes {@code data} (row-major, as many values as it holds). On PyTorch through an indexed put:
     * DJL's {@code NDArray.set(float[])} runs its native {@code torchSet} under {@code AutoNonVariableTypeMode},
     * which makes PyTorch 2.x print "AutoNonVariableTypeMode is deprecated …" to the user's terminal.
     */
    public static void fill(NDArray target, float[] data) {
        if (data.length != target.size()) {
            throw new IllegalArgumentException("expected " + target.size() + " values, got " + data.length);
        }
        if (!"PyTorch".equals(target.getManager().getEngine().getEngineName())) {
            target.set(data);
            return;
        }
        try (NDArray values = target.getManager().create(data, target.getShape())) {
            target.set(new NDIndex("..."), values);
        }
    }
}
