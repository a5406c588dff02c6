package dev.pianogenie.model.net;

import ai.djl.ndarray.NDArray;
import dev.pianogenie.model.Keys;

/**
 * The integer-quantised autoencoder's bottleneck (the paper's IQAE): a real encoder output {@code e} becomes
 * one of n buttons, {@code b = rint((n−1) · clip((e + 1) / 2, 0, 1))}, whose value is {@code q = 2b/(n−1) − 1}
 * (the same value {@link Keys#buttonValue} gives the live decoder); n is the model's
 * {@link dev.pianogenie.model.ModelConfig#numButtons}. Training passes
 * {@code e + stopGradient(q − e)} to the decoder: forward value q, gradient 1 to e (straight-through).
 */
public final class Iqae {
    private Iqae() {}

    /** Buttons 0..n−1 as floats (round half to even, as rint). */
    public static NDArray buttons(NDArray e, int numButtons) {
        return e.add(1f).div(2f).clip(0f, 1f).mul((float) levels(numButtons)).round();
    }

    /** The quantised value q in [-1, 1]; no gradient. */
    public static NDArray quantize(NDArray e, int numButtons) {
        return buttons(e, numButtons).mul(2f / levels(numButtons)).sub(1f);
    }

    /** Forward value q, gradient 1 to e. */
    public static NDArray straightThrough(NDArray e, int numButtons) {
        return e.add(quantize(e, numButtons).sub(e).stopGradient());
    }

    /** The same rule on one value, for code that works on plain arrays. */
    public static int button(float e, int numButtons) {
        double unit = Math.min(1.0, Math.max(0.0, (e + 1.0) / 2.0));
        return (int) Math.rint(levels(numButtons) * unit);
    }

    /** The steps between the lowest and the highest button. */
    private static int levels(int numButtons) {
        return Keys.checkButtonCount(numButtons) - 1;
    }
}
