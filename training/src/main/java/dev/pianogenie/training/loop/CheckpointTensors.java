package dev.pianogenie.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.model.net.ArrayValues;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A network's parameters (and the optimizer's moments) as a checkpoint's plain tensors, and back. */
final class CheckpointTensors {
    private CheckpointTensors() {}

    static Map<String, Tensor> of(Map<String, Parameter> parameters) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        parameters.forEach((name, p) -> tensors.put(name, tensor(name, p.getArray())));
        return tensors;
    }

    static Tensor tensor(String name, NDArray a) {
        return new Tensor(
                name,
                Arrays.stream(a.getShape().getShape())
                        .mapToInt(Math::toIntExact)
                        .toArray(),
                a.toFloatArray());
    }

    /** Fills every parameter from the checkpoint's tensor of its name; a missing or misshapen one is refused. */
    static void restore(Map<String, Parameter> parameters, Map<String, Tensor> tensors) throws IOException {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            NDArray target = e.getValue().getArray();
            if (t == null || t.data().length != target.size()) {
                throw new IOException("the checkpoint does not match the network: parameter " + e.getKey()
                        + (t == null
                                ? " is missing"
                                : " has " + t.data().length + " values, expected " + target.size()));
            }
            ArrayValues.fill(target, t.data());
        }
    }

    static Map<String, float[]> floats(Map<String, Tensor> tensors) {
        Map<String, float[]> m = new LinkedHashMap<>();
        tensors.forEach((k, v) -> m.put(k, v.data()));
        return m;
    }
}
