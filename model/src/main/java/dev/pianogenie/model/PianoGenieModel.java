package dev.pianogenie.model;

import dev.pianogenie.model.io.Tensor;
import java.nio.file.Path;
import java.util.Map;

/**
 * A loaded model: its config, the decoder in canonical layout, and every tensor under our names
 * ({@code dec.*}, and {@code enc.*} when it has an encoder).
 *
 * @param source the folder it was loaded from
 */
public record PianoGenieModel(ModelConfig config, DecoderWeights decoder, Map<String, Tensor> tensors, Path source) {
    public PianoGenieModel {
        tensors = Map.copyOf(tensors);
    }

    /** "name — provenance source · velocity: ..." for status lines: says which kind of model it is. */
    public String describe() {
        String from = config.provenance().getOrDefault("source", source == null ? "" : source.toString());
        return config.name() + (from.isEmpty() ? "" : " — " + from) + " · " + velocityKind()
                + (config.numButtons() == Keys.DEFAULT_BUTTONS
                        ? ""
                        : " · " + config.numButtons() + " buttons"); // 8: as always
    }

    /** "predicts velocity" or "fixed velocity" (a model without a velocity output). */
    public String velocityKind() {
        return config.predictsVelocity() ? "predicts velocity" : "fixed velocity";
    }

    /** The velocity output's weights, or null for a model without one. */
    public VelocityHead velocity() {
        return config.predictsVelocity() ? VelocityHead.fromTensors(tensors, config.rnnDim()) : null;
    }
}
