package dev.pianogenie.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.net.Iqae;
import dev.pianogenie.model.net.NetInputs;
import dev.pianogenie.model.net.PianoGenieLoss;
import dev.pianogenie.model.net.PianoGenieNet;

/**
 * Runs the autoencoder teacher-forced (no gradient) over a batch of windows and returns, per note, the
 * cross-entropy of the true key, the decoder's most likely key and the encoder's button.
 */
public final class NetEvaluator {
    private final PianoGenieNet net;
    private final NDManager manager;
    private final FeatureEncoding encoding;

    public NetEvaluator(PianoGenieNet net, NDManager manager) {
        this.net = net;
        this.manager = manager;
        this.encoding = net.config().encoding();
    }

    /** Per-note results, row-major [batch][length]. */
    public record Evaluated(NoteBatch notes, float[] crossEntropy, int[] predicted, int[] buttons) {
    }

    public Evaluated evaluate(NoteBatch b) {
        try (NDManager sub = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(sub, false);
            NDList in = NetInputs.of(sub, encoding, b.keys(), b.dtSeconds(), b.batch(), b.length());
            NDList out = net.forward(store, in, false);
            NDArray e = out.get(0);
            NDArray logits = out.get(1);
            NDArray keys = NetInputs.keys(sub, b.keys(), b.batch(), b.length());
            float[] ce = PianoGenieLoss.crossEntropyPerNote(logits, keys).toFloatArray();
            int[] predicted = logits.argMax(-1).toType(DataType.INT32, false).toIntArray();
            int[] buttons = Iqae.buttons(e).toType(DataType.INT32, false).toIntArray();
            return new Evaluated(b, ce, predicted, buttons);
        }
    }

    /** Only the encoder: buttons for each note. */
    public int[] buttons(NoteBatch b) {
        return evaluate(b).buttons();
    }
}
