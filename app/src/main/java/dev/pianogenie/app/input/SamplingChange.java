package dev.pianogenie.app.input;

import dev.pianogenie.model.PitchRange;
import dev.pianogenie.model.RootedScale;
import dev.pianogenie.model.Sampling;
import java.util.BitSet;
import java.util.OptionalLong;

/**
 * The player changed the temperature or the key list while playing (↑/↓, the window's scale and range): a
 * {@link ButtonEvent} of its own, so that it reaches the decoder in order with the presses, a take keeps it
 * where it fell, and a replay applies it at the same point. The seed in use stays.
 */
public record SamplingChange(double temperature, RootedScale scale, PitchRange range) {
    public SamplingChange {
        new Sampling(temperature, scale.keys(range), OptionalLong.empty()); // refuses a bad temperature or no key now
    }

    public BitSet allowedKeys() {
        return scale.keys(range);
    }

    /** The sampling the decoder goes on with: this temperature and key list, the seed it had. */
    public Sampling sampling(OptionalLong seed) {
        return new Sampling(temperature, allowedKeys(), seed);
    }
}
