package dev.pianogenie.model;

import java.util.Arrays;

/**
 * What each of the model's buttons would play next, from the decoder's current state: under greedy decoding exactly
 * the key the button would give; under sampling the likeliest key within the allowed keys, with its
 * probability in the distribution the press would be drawn from (at T = 0: the model's own distribution over
 * the allowed keys). Immutable: the arrays are copied in and out.
 *
 * @param keys          per button 0..n−1 (n the model's button count), the key 0..87
 * @param probabilities per button, the key's probability
 */
public record Lookahead(int[] keys, float[] probabilities) {

    public Lookahead {
        if (keys.length != probabilities.length || keys.length < Keys.MIN_BUTTONS || keys.length > Keys.MAX_BUTTONS) {
            throw new IllegalArgumentException(
                    "a look-ahead has one key and one probability per button (" + Keys.MIN_BUTTONS + ".."
                            + Keys.MAX_BUTTONS + "), was " + keys.length + " and " + probabilities.length);
        }
        keys = keys.clone();
        probabilities = probabilities.clone();
        for (int k : keys) {
            Keys.checkKey(k);
        }
    }

    /** How many buttons the model has. */
    public int numButtons() {
        return keys.length;
    }

    /** The key {@code button} would play. */
    public int key(int button) {
        Keys.checkButton(button, keys.length);
        return keys[button];
    }

    public int pitch(int button) {
        return Keys.pitch(key(button));
    }

    /** The probability of {@link #key(int)}. */
    public float probability(int button) {
        Keys.checkButton(button, keys.length);
        return probabilities[button];
    }

    @Override
    public int[] keys() {
        return keys.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lookahead l && Arrays.equals(keys, l.keys) && Arrays.equals(probabilities, l.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keys) + Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Lookahead[");
        for (int b = 0; b < keys.length; b++) {
            sb.append(b == 0 ? "" : ", ")
                    .append(b)
                    .append('→')
                    .append(Keys.pitchName(Keys.pitch(keys[b])))
                    .append(String.format(java.util.Locale.ROOT, " %.2f", probabilities[b]));
        }
        return sb.append(']').toString();
    }
}
