package dev.pianogenie.app.live;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PitchRange;
import dev.pianogenie.model.RootedScale;
import dev.pianogenie.model.Scale;
import java.util.BitSet;

/**
 * The keys the decoder may choose: a scale on a root within a range ({@code --scale C:major --range A1-C7},
 * parsed by the model's {@link Scale#parse} and {@link Keys#parseRange}). Always leaves at least one key.
 */
public record KeyChoice(RootedScale scale, PitchRange range) {
    /** Every key of the piano. */
    public static final KeyChoice ALL = new KeyChoice(RootedScale.CHROMATIC, PitchRange.FULL);

    public KeyChoice {
        scale.keys(range); // refuses a choice that leaves no key
    }

    public static KeyChoice of(int root, Scale scale, int lowPitch, int highPitch) {
        return new KeyChoice(new RootedScale(scale, root), new PitchRange(lowPitch, highPitch));
    }

    /** From {@code --scale ROOT:NAME} and {@code --range LOW-HIGH}, either of which may be absent (null). */
    public static KeyChoice parse(String scale, String range) {
        return new KeyChoice(
                scale == null ? RootedScale.CHROMATIC : Scale.parse(scale),
                range == null ? PitchRange.FULL : Keys.parseRange(range));
    }

    public BitSet allowedKeys() {
        return scale.keys(range);
    }

    public int root() {
        return scale.root();
    }

    /** "C major, A1-C7"; "all keys" for the whole chromatic piano. */
    @Override
    public String toString() {
        return equals(ALL)
                ? "all keys"
                : Scale.ROOT_NAMES[scale.root()] + " " + scale.scale().label() + ", " + range;
    }
}
