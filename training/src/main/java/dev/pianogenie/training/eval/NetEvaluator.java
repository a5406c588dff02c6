package dev.pianogenie.training.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.Velocities;
import dev.pianogenie.model.net.Iqae;
import dev.pianogenie.model.net.NetInputs;
import dev.pianogenie.model.net.PianoGenieLoss;
import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.data.NoteBatch;

/**
 * Runs the autoencoder teacher-forced (no gradient) over windows: one network's encoder turns the notes
 * into buttons, one network's decoder predicts each key from the buttons and the previous keys. Usually the
 * same network; a decoder-only model (a TF.js import) borrows another model's encoder so decoders can be
 * compared on the same buttons.
 */
public final class NetEvaluator {
    private final PianoGenieNet encoder;
    private final PianoGenieNet decoder;
    private final NDManager manager;

    public NetEvaluator(PianoGenieNet net, NDManager manager) {
        this(net, net, manager);
    }

    public NetEvaluator(PianoGenieNet encoder, PianoGenieNet decoder, NDManager manager) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.manager = manager;
    }

    /**
     * Per-note results, row-major [batch][length]. For a decoder with a velocity output, also each note's velocity
     * cross-entropy (nats, over the bins) and predicted velocity (the distribution's expectation, as the live decoder
     * plays it), teacher-forced (true key, true previous velocities); null otherwise.
     */
    public record Evaluated(
            NoteBatch notes,
            float[] crossEntropy,
            int[] predicted,
            int[] buttons,
            float[] velocityCrossEntropy,
            float[] velocityPredicted) {
        public Evaluated(NoteBatch notes, float[] crossEntropy, int[] predicted, int[] buttons) {
            this(notes, crossEntropy, predicted, buttons, null, null);
        }
    }

    public Evaluated evaluate(NoteBatch b) {
        try (NDManager sub = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(sub, false);
            NDArray e = encode(sub, store, b);
            NDList dec = NetInputs.of(sub, decoder.config().encoding(), b.keys(), b.dtSeconds(), b.batch(), b.length());
            NDArray top = decoder.decodeHidden(store, dec.get(1), dec.get(2), Iqae.quantize(e, numButtons()), false);
            NDArray logits = decoder.keyLogits(store, top, false);
            NDArray keys = NetInputs.keys(sub, b.keys(), b.batch(), b.length());
            float[] ce = PianoGenieLoss.crossEntropyPerNote(logits, keys).toFloatArray();
            int[] predicted = logits.argMax(-1).toType(DataType.INT32, false).toIntArray();
            int[] buttons =
                    Iqae.buttons(e, numButtons()).toType(DataType.INT32, false).toIntArray();
            if (!decoder.predictsVelocity()) {
                return new Evaluated(b, ce, predicted, buttons);
            }
            NDList v = NetInputs.velocityInputs(sub, b.keys(), b.velocities(), b.batch(), b.length());
            NDArray velocityLogits = decoder.velocityLogits(store, top, v.get(0), v.get(1), false);
            float[] velocityCe = PianoGenieLoss.crossEntropyPerNote(
                            velocityLogits, NetInputs.velocityBins(sub, b.velocities(), b.batch(), b.length()))
                    .toFloatArray();
            float[] centers = new float[Velocities.BINS];
            for (int i = 0; i < centers.length; i++) {
                centers[i] = Velocities.center(i);
            }
            float[] expected = velocityLogits
                    .softmax(-1)
                    .mul(sub.create(centers))
                    .sum(new int[] {-1})
                    .toFloatArray();
            return new Evaluated(b, ce, predicted, buttons, velocityCe, expected);
        }
    }

    /**
     * How many buttons the encoder quantises to: its model's count. A decoder borrowing another model's encoder is
     * fed that encoder's button values.
     */
    public int numButtons() {
        return encoder.config().numButtons();
    }

    /** The encoder's buttons (0..n−1) for each note. */
    public int[] buttons(NoteBatch b) {
        try (NDManager sub = manager.newSubManager()) {
            return Iqae.buttons(encode(sub, new ParameterStore(sub, false), b), numButtons())
                    .toType(DataType.INT32, false)
                    .toIntArray();
        }
    }

    private NDArray encode(NDManager sub, ParameterStore store, NoteBatch b) {
        NDList enc = NetInputs.of(sub, encoder.config().encoding(), b.keys(), b.dtSeconds(), b.batch(), b.length());
        return encoder.encode(store, enc.get(0), false);
    }
}
