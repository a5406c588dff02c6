package dev.pianogenie.model.engine;

import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;

/** Opens a streaming decoder for a model on an engine; the engine is loaded and the decoder warmed up. */
public final class Decoders {
    private Decoders() {}

    public static BaseStreamingDecoder open(PianoGenieModel model, DecoderEngine engine, Sampling sampling) {
        return switch (engine) {
            case TENSORFLOW -> new TfStreamingDecoder(model, sampling);
            case PYTORCH -> new PtStreamingDecoder(model, sampling);
        };
    }
}
