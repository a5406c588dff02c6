package dev.pianogenie.model;

import java.util.SplittableRandom;

/**
 * Picks a key from 88 logits by a {@link Sampling}: argmax at T = 0, else a draw from softmax(logits / T),
 * always among the allowed keys only. Allocation-free after construction; one instance per decoder thread.
 */
public final class KeySampler {
    private final Sampling sampling;
    private final boolean[] allowed = new boolean[Keys.NUM_KEYS];
    private final SplittableRandom random;

    public KeySampler(Sampling sampling) {
        this.sampling = sampling;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            allowed[k] = sampling.isAllowed(k);
        }
        this.random = sampling.seed().isPresent()
                ? new SplittableRandom(sampling.seed().getAsLong())
                : new SplittableRandom();
    }

    public Sampling sampling() {
        return sampling;
    }

    /**
     * @param probabilities receives the distribution shown to the user: the one drawn from, or for greedy
     *                      decoding the model's own (T = 1) distribution over the allowed keys
     */
    public int pick(float[] logits, float[] probabilities) {
        double t = sampling.temperature();
        softmax(logits, t > 0 ? t : 1.0, probabilities);
        if (t == 0) {
            return mostLikely(logits, 0);
        }
        double u = random.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (probabilities[k] > 0) {
                cumulative += probabilities[k];
                last = k;
                if (u < cumulative) {
                    return k;
                }
            }
        }
        return last; // rounding: u fell past the last allowed key's edge
    }

    /**
     * The likeliest allowed key of the 88 logits at {@code logits[offset ..]} — what {@link #pick} returns at
     * T = 0, and the mode of the distribution it draws from at any T.
     */
    public int mostLikely(float[] logits, int offset) {
        int best = -1;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (allowed[k] && (best < 0 || logits[offset + k] > logits[offset + best])) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The probability of {@code key} in the distribution {@link #pick} reports for the 88 logits at
     * {@code logits[offset ..]}: softmax(logits / T) over the allowed keys (the model's own, T = 1, when greedy).
     */
    public float probability(float[] logits, int offset, int key) {
        double t = sampling.temperature() > 0 ? sampling.temperature() : 1.0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (allowed[k]) {
                max = Math.max(max, logits[offset + k] / t);
            }
        }
        double sum = 0;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (allowed[k]) {
                sum += Math.exp(logits[offset + k] / t - max);
            }
        }
        return allowed[key] ? (float) (Math.exp(logits[offset + key] / t - max) / sum) : 0f;
    }

    /** softmax(logits / t) over the allowed keys, 0 elsewhere. */
    private void softmax(float[] logits, double t, float[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (allowed[k]) {
                max = Math.max(max, logits[k] / t);
            }
        }
        double sum = 0;
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            double e = allowed[k] ? Math.exp(logits[k] / t - max) : 0;
            out[k] = (float) e;
            sum += e;
        }
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            out[k] = (float) (out[k] / sum);
        }
    }
}
