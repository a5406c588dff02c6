package dev.pianogenie.training.loop;

import ai.djl.nn.Parameter;
import dev.pianogenie.model.io.TensorNames;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which parameters a step updates, as the recipe freezes the encoder, the decoder, or neither. */
final class TrainableParameters {
    private TrainableParameters() {}

    /**
     * The parameters a step updates. A frozen encoder's parameters stop requiring gradients, so autograd records no
     * encoder graph and computes none of its gradients (its margin and contour terms become constants): a decoder-only
     * step costs less, and the encoder's weights stay bit for bit the starting model's. The decoder (input layer,
     * LSTM, key output) frozen too when asked: only a velocity output learns, and no gradient flows into the LSTM — a
     * step is little more than the forward pass.
     */
    static Map<String, Parameter> select(Map<String, Parameter> all, boolean freezeEncoder, boolean freezeDecoder) {
        Map<String, Parameter> t = new LinkedHashMap<>();
        all.forEach((name, p) -> {
            boolean frozen = freezeEncoder && name.startsWith(TensorNames.ENCODER_PREFIX)
                    || freezeDecoder && name.startsWith(TensorNames.DECODER_PREFIX);
            p.getArray().setRequiresGradient(!frozen);
            if (!frozen) {
                t.put(name, p);
            }
        });
        return t;
    }
}
