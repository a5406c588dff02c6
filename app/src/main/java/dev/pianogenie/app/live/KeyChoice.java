package dev.pianogenie.app.live;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Scale;
import java.util.BitSet;

/**
 * The keys the decoder may choose: a scale on a root within a range ({@code --scale C:major --range A1-C7}).
 * Always leaves at least one key.
 */
public record KeyChoice(Scale.Rooted scale, Keys.Range range) {
    /** Every key of the piano. */
    public static final KeyChoice ALL = new KeyChoice(new Scale.Rooted(0, Scale.CHROMATIC), Keys.Range.PIANO);

    public KeyChoice {
        scale.scale().keys(scale.root(), range.lowPitch(), range.highPitch()); // refuses a choice that leaves no key
    }

    public static KeyChoice of(int root, Scale scale, int lowPitch, int highPitch) {
        return new KeyChoice(new Scale.Rooted(root, scale), new Keys.Range(lowPitch, highPitch));
    }

    public BitSet allowedKeys() {
        return scale.scale().keys(scale.root(), range.lowPitch(), range.highPitch());
    }

    public int root() {
        return scale.root();
    }

    /** "C major, A1-C7"; "all keys" for the whole chromatic piano. */
    @Override
    public String toString() {
        return equals(ALL) ? "all keys" : Scale.ROOT_NAMES[scale.root()] + " " + scale.scale().label() + ", " + range;
    }
}
