package dev.pianogenie.model;

import java.util.Arrays;

/**
 * How a note's previous key, its ΔT and its button become the decoder's input vector (and how a note
 * becomes the encoder's input). The one place for the ΔT buckets, the start token and the layouts.
 *
 * <ul>
 *   <li>{@link #PAPER}: the original Piano Genie (arXiv 1810.05246):
 *       decoder {@code [q, one_hot(prevKey + 1, 89), one_hot(dtBin, 33)]} (123 values, start token 0),
 *       {@code dtBin = min(rint(dt * 31.25), 32)} (32 ms buckets, round half to even);
 *       encoder {@code [one_hot(key, 88), one_hot(dtBin, 33)]}.</li>
 *   <li>{@link #TUTORIAL}: the music-cocreation tutorial's re-training:
 *       decoder {@code [one_hot(prevKey, 89) with start = 88, min(dt, 1), q]} (91 values);
 *       encoder {@code [one_hot(key, 88), min(dt, 1)]}.</li>
 * </ul>
 * "No previous key" (the first note of a phrase) is {@link #START}; its ΔT is {@link #FIRST_NOTE_DT}.
 */
public enum FeatureEncoding {
    PAPER(1 + 89 + 33, 88 + 33),
    TUTORIAL(89 + 1 + 1, 88 + 1);

    /** prevKey value meaning "no previous note". */
    public static final int START = -1;
    /** The ΔT of the first note of a phrase: larger than every bucket and clamp. */
    public static final double FIRST_NOTE_DT = Double.POSITIVE_INFINITY;

    public static final int DT_BINS = 33;
    public static final double DT_BINS_PER_SECOND = 31.25;
    public static final double TUTORIAL_DT_MAX = 1.0;

    private final int decoderWidth;
    private final int encoderWidth;

    FeatureEncoding(int decoderWidth, int encoderWidth) {
        this.decoderWidth = decoderWidth;
        this.encoderWidth = encoderWidth;
    }

    public int decoderWidth() {
        return decoderWidth;
    }

    public int encoderWidth() {
        return encoderWidth;
    }

    /** Where the button value q sits in the decoder input. */
    public int decoderButtonIndex() {
        return this == PAPER ? 0 : 90;
    }

    /** The paper's ΔT bucket, 0..32: 32 ms steps, round half to even, everything from 1.008 s up is 32. */
    public static int dtBin(double dtSeconds) {
        checkDt(dtSeconds);
        double bin = Math.rint(dtSeconds * DT_BINS_PER_SECOND);
        return (int) Math.min(bin, DT_BINS - 1);
    }

    /** The tutorial's ΔT scalar: min(dt, 1). */
    public static float dtScalar(double dtSeconds) {
        checkDt(dtSeconds);
        return (float) Math.min(dtSeconds, TUTORIAL_DT_MAX);
    }

    /**
     * Writes one decoder input row into {@code dst[offset .. offset + decoderWidth())}.
     *
     * @param button     0 .. numButtons − 1
     * @param numButtons the model's button count (sets the button value q)
     * @param prevKey    the previous note's key 0..87, or {@link #START}
     */
    public void encodeDecoderInput(float[] dst, int offset, int button, int numButtons, int prevKey, double dtSeconds) {
        float q = Keys.buttonValue(button, numButtons);
        if (prevKey != START) {
            Keys.checkKey(prevKey);
        }
        Arrays.fill(dst, offset, offset + decoderWidth, 0f);
        switch (this) {
            case PAPER -> {
                dst[offset] = q;
                dst[offset + 1 + (prevKey + 1)] = 1f;
                dst[offset + 1 + 89 + dtBin(dtSeconds)] = 1f;
            }
            case TUTORIAL -> {
                dst[offset + (prevKey == START ? Keys.NUM_KEYS : prevKey)] = 1f;
                dst[offset + 89] = dtScalar(dtSeconds);
                dst[offset + 90] = q;
            }
        }
    }

    /** Writes one encoder input row (a note of a real performance) into {@code dst[offset ..]}. */
    public void encodeEncoderInput(float[] dst, int offset, int key, double dtSeconds) {
        Keys.checkKey(key);
        Arrays.fill(dst, offset, offset + encoderWidth, 0f);
        dst[offset + key] = 1f;
        switch (this) {
            case PAPER -> dst[offset + Keys.NUM_KEYS + dtBin(dtSeconds)] = 1f;
            case TUTORIAL -> dst[offset + Keys.NUM_KEYS] = dtScalar(dtSeconds);
        }
    }

    private static void checkDt(double dtSeconds) {
        if (!(dtSeconds >= 0)) {
            throw new IllegalArgumentException("ΔT must be >= 0 seconds, was " + dtSeconds);
        }
    }
}
