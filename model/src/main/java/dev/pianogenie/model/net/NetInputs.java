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
    private NetInputs() {
    }

    /** (encoder features, decoder features with the button slot 0, button-slot mask). */
    public static NDList of(NDManager manager, FeatureEncoding encoding, int[] keys, float[] dtSeconds, int batch, int length) {
        if (keys.length != batch * length || dtSeconds.length != batch * length) {
            throw new IllegalArgumentException("expected " + batch + " × " + length + " notes, got "
                    + keys.length + " keys and " + dtSeconds.length + " ΔTs");
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
                encoding.encodeDecoderInput(dec, i * dw, 0, prev, dtSeconds[i]);
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

    /** The target keys as an int array (B, T). */
    public static NDArray keys(NDManager manager, int[] keys, int batch, int length) {
        for (int k : keys) {
            Keys.checkKey(k);
        }
        return manager.create(keys, new Shape(batch, length));
    }
}
