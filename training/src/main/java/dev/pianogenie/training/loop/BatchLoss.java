package dev.pianogenie.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.net.NetInputs;
import dev.pianogenie.model.net.PianoGenieLoss;
import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.data.NoteBatch;

/**
 * A batch's inputs and loss terms for a training step — the one place that knows a network with a velocity output
 * also gets the played keys and the previous velocities, and is scored on the notes' velocities.
 */
final class BatchLoss {
    private BatchLoss() {}

    /** The network's inputs for {@code b}, in {@code sub}. */
    static NDList inputs(NDManager sub, PianoGenieNet net, NoteBatch b) {
        NDList in = NetInputs.of(sub, net.config().encoding(), b.keys(), b.dtSeconds(), b.batch(), b.length());
        if (net.predictsVelocity()) {
            in.addAll(NetInputs.velocityInputs(sub, b.keys(), b.velocities(), b.batch(), b.length()));
        }
        return in;
    }

    /** Forward (training mode) and the loss terms. */
    static PianoGenieLoss.Terms forward(
            NDManager sub, ParameterStore store, PianoGenieNet net, NDList inputs, NoteBatch b, PianoGenieLoss loss) {
        NDArray keys = NetInputs.keys(sub, b.keys(), b.batch(), b.length());
        NDList out = net.forward(store, inputs, true);
        if (net.predictsVelocity()) {
            float[] v = new float[b.velocities().length];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.velocities()[i];
            }
            return loss.compute(
                    out.get(0),
                    out.get(1),
                    keys,
                    out.get(2),
                    NetInputs.velocityBins(sub, b.velocities(), b.batch(), b.length()),
                    sub.create(v, new ai.djl.ndarray.types.Shape(b.batch(), b.length())));
        }
        return loss.compute(out.get(0), out.get(1), keys);
    }
}
