package dev.pianogenie.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;

/**
 * Turns note sequences (keys 0..87 and ΔT seconds, row-major [batch][time]) into the network's inputs,
 * through {@link FeatureEncoding} — the one place that knows the layouts. The decoder's previous key of
 * each sequence's first note is {@link FeatureEncoding#START}; each sequence's first ΔT should be
 * {@link FeatureEncoding#FIRST_NOTE_DT}.
 */
public final class NetInputs {
    private NetInputs() {}

    /** (encoder features, decoder features with the button slot 0, button-slot mask). */
    public static NDList of(
            NDManager manager, FeatureEncoding encoding, int[] keys, float[] dtSeconds, int batch, int length) {
        if (keys.length != batch * length || dtSeconds.length != batch * length) {
            throw new IllegalArgumentException("expected " + batch + " × " + length + " notes, got " + keys.length
                    + " keys and " + dtSeconds.length + " ΔTs");
        }
        int ew = encoding.encoderWidth();
        int dw = encoding.decoderWidth();
        float[] enc = new float[batch * length * ew];
        float[] dec = new float[batch * length * dw];
        int slot = encoding.decoderButtonIndex();
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int i = b * length + t;
                encoding.encodeEncoderInput(enc, i * ew, keys[i], dtSeconds[i]);
                int prev = t == 0 ? FeatureEncoding.START : keys[i - 1];
                encoding.encodeDecoderInput(
                        dec, i * dw, 0, Keys.DEFAULT_BUTTONS, prev, dtSeconds[i]); // q is masked out below
                dec[i * dw + slot] = 0f;
            }
        }
        float[] mask = new float[dw];
        mask[slot] = 1f;
        return new NDList(
                manager.create(enc, new Shape(batch, length, ew)),
                manager.create(dec, new Shape(batch, length, dw)),
                manager.create(mask, new Shape(dw)));
    }

    /**
     * The velocity output's inputs, teacher-forced: (one-hot of each note's key (B, T, 88), the previous-velocity
     * context (B, T, CONTEXT_WIDTH)), each sequence starting from the phrase-start context.
     */
    public static NDList velocityInputs(NDManager manager, int[] keys, int[] velocities, int batch, int length) {
        if (keys.length != batch * length || velocities.length != batch * length) {
            throw new IllegalArgumentException("expected " + batch + " × " + length + " notes, got " + keys.length
                    + " keys and " + velocities.length + " velocities");
        }
        int cw = dev.pianogenie.model.Velocities.CONTEXT_WIDTH;
        float[] oneHot = new float[batch * length * Keys.NUM_KEYS];
        float[] context = new float[batch * length * cw];
        dev.pianogenie.model.Velocities.Context c = new dev.pianogenie.model.Velocities.Context();
        for (int b = 0; b < batch; b++) {
            c.reset();
            for (int t = 0; t < length; t++) {
                int i = b * length + t;
                Keys.checkKey(keys[i]);
                oneHot[i * Keys.NUM_KEYS + keys[i]] = 1f;
                c.write(context, i * cw, keys[i]);
                c.played(velocities[i], keys[i]);
            }
        }
        return new NDList(
                manager.create(oneHot, new Shape(batch, length, Keys.NUM_KEYS)),
                manager.create(context, new Shape(batch, length, cw)));
    }

    /** Each note's velocity bin (B, T), the velocity output's targets. */
    public static NDArray velocityBins(NDManager manager, int[] velocities, int batch, int length) {
        int[] bins = new int[velocities.length];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = dev.pianogenie.model.Velocities.bin(velocities[i]);
        }
        return manager.create(bins, new Shape(batch, length));
    }

    /** The target keys as an int array (B, T). */
    public static NDArray keys(NDManager manager, int[] keys, int batch, int length) {
        for (int k : keys) {
            Keys.checkKey(k);
        }
        return manager.create(keys, new Shape(batch, length));
    }
}
