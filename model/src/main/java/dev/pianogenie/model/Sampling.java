package dev.pianogenie.model;

import java.util.BitSet;
import java.util.OptionalLong;

/**
 * How the decoder picks a key from its logits: temperature 0 is argmax, otherwise a draw from
 * softmax(logits / T); only keys in {@code allowedKeys} (0..87) may be chosen; a seed makes a session
 * replayable exactly.
 */
public record Sampling(double temperature, BitSet allowedKeys, OptionalLong seed) {

    /** The paper's recommended temperature. */
    public static final double DEFAULT_TEMPERATURE = 0.25;

    public Sampling {
        if (!(temperature >= 0.0 && temperature <= 1.0)) {
            throw new IllegalArgumentException("temperature must be in [0, 1], was " + temperature);
        }
        allowedKeys = (BitSet) allowedKeys.clone();
        if (allowedKeys.isEmpty() || allowedKeys.length() > Keys.NUM_KEYS) {
            throw new IllegalArgumentException(
                    "allowed keys must be a non-empty set of keys 0.." + (Keys.NUM_KEYS - 1) + ", was " + allowedKeys);
        }
    }

    public static Sampling greedy() {
        return new Sampling(0.0, Keys.all(), OptionalLong.empty());
    }

    public static Sampling of(double temperature) {
        return new Sampling(temperature, Keys.all(), OptionalLong.empty());
    }

    public Sampling withTemperature(double t) {
        return new Sampling(t, allowedKeys, seed);
    }

    public Sampling withAllowedKeys(BitSet keys) {
        return new Sampling(temperature, keys, seed);
    }

    public Sampling withSeed(long s) {
        return new Sampling(temperature, allowedKeys, OptionalLong.of(s));
    }

    @Override
    public BitSet allowedKeys() {
        return (BitSet) allowedKeys.clone();
    }

    public boolean isAllowed(int key) {
        return allowedKeys.get(key);
    }

    public boolean allKeysAllowed() {
        return allowedKeys.cardinality() == Keys.NUM_KEYS;
    }
}
