package dev.pianogenie.model;

import java.util.Arrays;

/**
 * How velocities enter and leave the decoder's velocity output — the one place for the bins, the phrase-start value
 * and the "previous velocity" features.
 *
 * <p>Out: a distribution over {@link #BINS} bins of {@link #BIN_WIDTH} velocities (1–4, 5–8, …, 125–127), trained with
 * cross-entropy. Bins rather than a regression: the model says how sure it is (a loud accent after soft notes is
 * possible, not certain), the player can take the expectation (smooth, the figure {@code velocity_mae} measures) or
 * sample it (the spread a pianist has), and the loss is the same kind as the pitch's.
 *
 * <p>In ({@link Context}): the last three velocities, three running averages of the velocities so far (decay 0.5, 0.8
 * and 0.95: the dynamics over a few notes, a bar, a passage) and a running average of how much they change, scaled to
 * 0..1; and where the key lies against the previous key and against the running average of the keys (a melody's top
 * note is played out over its accompaniment), in octaves, and on the keyboard. A single previous velocity is a weak
 * predictor (MAE 12.6 on MAESTRO against 10.5 for a running average); these few numbers give the head the dynamics'
 * history and the voice without changing the pitch LSTM. A phrase starts from {@link #PHRASE_START} everywhere.
 */
public final class Velocities {
    public static final int BINS = 32;
    public static final int BIN_WIDTH = 4;
    /** The velocity a phrase starts from (MIDI's "mezzo", near MAESTRO's mean). */
    public static final int PHRASE_START = 64;
    /** Running-average decays of the context features. */
    private static final float[] DECAYS = {0.5f, 0.8f, 0.95f};

    private static final float SPREAD_DECAY = 0.8f;
    private static final float KEY_DECAY = 0.8f;
    /** The spread a phrase starts from (velocity steps). */
    private static final float START_SPREAD = 8f;
    /** 3 last velocities, the averages, the spread; the key's step, its place against the average key, on the keyboard; a phrase's first note. */
    public static final int CONTEXT_WIDTH = 3 + DECAYS.length + 1 + 4;

    private Velocities() {}

    /** 1..127 → 0..31. */
    public static int bin(int velocity) {
        check(velocity);
        return (velocity - 1) / BIN_WIDTH;
    }

    /** The middle of a bin's velocities (the last bin holds 125..127). */
    public static float center(int bin) {
        int lo = 1 + bin * BIN_WIDTH;
        int hi = Math.min(127, lo + BIN_WIDTH - 1);
        return (lo + hi) / 2f;
    }

    /** Σ p(bin) · center(bin), for {@code BINS} probabilities from {@code offset}. */
    public static float expectation(float[] probabilities, int offset) {
        float e = 0;
        for (int b = 0; b < BINS; b++) {
            e += probabilities[offset + b] * center(b);
        }
        return e;
    }

    /** The temperature a live decoder draws velocities at (see BaseStreamingDecoder). */
    public static final double PLAY_TEMPERATURE = 0.5;

    /** p^(1/T), normalised, into {@code out} (BINS values from offset 0 of {@code probabilities}); returns {@code out}. */
    public static float[] sharpen(float[] probabilities, double temperature, float[] out) {
        double sum = 0;
        for (int b = 0; b < BINS; b++) {
            float p = probabilities[b];
            out[b] = temperature == 0.5 ? p * p : (float) Math.pow(p, 1.0 / temperature); // 0.5, the live one: no pow
            sum += out[b];
        }
        for (int b = 0; b < BINS; b++) {
            out[b] = (float) (out[b] / sum);
        }
        return out;
    }

    /**
     * A velocity drawn from the distribution: a bin by its probability, then one of its velocities uniformly.
     *
     * @param u1 uniform in [0, 1): picks the bin
     * @param u2 uniform in [0, 1): picks the velocity within it
     */
    public static int sample(float[] probabilities, int offset, double u1, double u2) {
        double cumulative = 0;
        int bin = BINS - 1;
        for (int b = 0; b < BINS; b++) {
            cumulative += probabilities[offset + b];
            if (u1 < cumulative) {
                bin = b;
                break;
            }
        }
        int lo = 1 + bin * BIN_WIDTH;
        int hi = Math.min(127, lo + BIN_WIDTH - 1);
        return lo + Math.min(hi - lo, (int) (u2 * (hi - lo + 1)));
    }

    /** A velocity as MIDI plays it: rounded, 1..127. */
    public static int toMidi(float velocity) {
        return Math.max(1, Math.min(127, Math.round(velocity)));
    }

    public static void check(int velocity) {
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be 1..127, was " + velocity);
        }
    }

    /**
     * The running "previous velocities" (and keys) of one phrase: what the head gets besides the LSTM's output and the
     * key's one-hot. Used the same way by training (from true velocities) and the live decoder (from its own
     * predictions).
     */
    public static final class Context {
        private final float[] last = new float[3];
        private final float[] averages = new float[DECAYS.length];
        private float spread;
        private int previousKey;
        private float keyAverage;

        public Context() {
            reset();
        }

        /** Back to the phrase start. */
        public void reset() {
            Arrays.fill(last, PHRASE_START);
            Arrays.fill(averages, PHRASE_START);
            spread = START_SPREAD;
            previousKey = FeatureEncoding.START;
            keyAverage = 0;
        }

        /** The note just played: its key (0..87) and velocity (a real one, or the model's prediction, 1..127). */
        public void played(float velocity, int key) {
            spread = SPREAD_DECAY * spread + (1 - SPREAD_DECAY) * Math.abs(velocity - last[0]);
            last[2] = last[1];
            last[1] = last[0];
            last[0] = velocity;
            for (int i = 0; i < DECAYS.length; i++) {
                averages[i] = DECAYS[i] * averages[i] + (1 - DECAYS[i]) * velocity;
            }
            keyAverage = previousKey == FeatureEncoding.START ? key : KEY_DECAY * keyAverage + (1 - KEY_DECAY) * key;
            previousKey = key;
        }

        /** Writes the {@link #CONTEXT_WIDTH} features for a note on {@code key} into {@code dst[offset ..]}. */
        public void write(float[] dst, int offset, int key) {
            int i = offset;
            for (float v : last) {
                dst[i++] = v / 127f;
            }
            for (float a : averages) {
                dst[i++] = a / 127f;
            }
            dst[i++] = spread / 127f;
            boolean first = previousKey == FeatureEncoding.START;
            dst[i++] = first ? 0f : (key - previousKey) / 12f;
            dst[i++] = first ? 0f : (key - keyAverage) / 12f;
            dst[i++] = key / (float) (Keys.NUM_KEYS - 1);
            dst[i] = first ? 1f : 0f;
        }

        public float previous() {
            return last[0];
        }
    }
}
