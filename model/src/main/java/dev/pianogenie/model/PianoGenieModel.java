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

    /** "name (provenance source)" for status lines. */
    public String describe() {
        String from = config.provenance().getOrDefault("source", source == null ? "" : source.toString());
        return config.name() + (from.isEmpty() ? "" : " — " + from);
    }
}
