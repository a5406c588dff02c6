package dev.pianogenie.model.net;

import ai.djl.ndarray.NDArray;
import dev.pianogenie.model.Keys;

/**
 * The integer-quantised autoencoder's bottleneck (the paper's IQAE): a real encoder output {@code e} becomes
 * one of 8 buttons, {@code b = rint(7 · clip((e + 1) / 2, 0, 1))}, whose value is {@code q = 2b/7 − 1}
 * (the same value {@link Keys#buttonValue} gives the live decoder). Training passes
 * {@code e + stopGradient(q − e)} to the decoder: forward value q, gradient 1 to e (straight-through).
 */
public final class Iqae {
    private static final int LEVELS = Keys.NUM_BUTTONS - 1;

    private Iqae() {
    }

    /** Buttons 0..7 as floats (round half to even, as rint). */
    public static NDArray buttons(NDArray e) {
        return e.add(1f).div(2f).clip(0f, 1f).mul((float) LEVELS).round();
    }

    /** The quantised value q in [-1, 1]; no gradient. */
    public static NDArray quantize(NDArray e) {
        return buttons(e).mul(2f / LEVELS).sub(1f);
    }

    /** Forward value q, gradient 1 to e. */
    public static NDArray straightThrough(NDArray e) {
        return e.add(quantize(e).sub(e).stopGradient());
    }

    /** The same rule on one value, for code that works on plain arrays. */
    public static int button(float e) {
        double unit = Math.min(1.0, Math.max(0.0, (e + 1.0) / 2.0));
        return (int) Math.rint(LEVELS * unit);
    }
}
