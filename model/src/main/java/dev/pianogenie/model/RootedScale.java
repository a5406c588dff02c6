package dev.pianogenie.model;

import java.util.BitSet;

/**
 * A scale on a root, e.g. D dorian — the "scale" half of a key list; {@link Scale#parse} reads it from
 * {@code ROOT:NAME} (e.g. {@code D:dorian}).
 *
 * @param root pitch class, 0 = C .. 11 = B
 */
public record RootedScale(Scale scale, int root) {
    /** Every key: the chromatic scale (on C). */
    public static final RootedScale CHROMATIC = new RootedScale(Scale.CHROMATIC, 0);

    public RootedScale {
        if (scale == null) {
            throw new IllegalArgumentException("a scale is needed");
        }
        if (root < 0 || root > 11) {
            throw new IllegalArgumentException("root must be a pitch class 0..11, was " + root);
        }
    }

    /**
     * The allowed keys: this scale's pitches within {@code range}.
     *
     * @throws IllegalArgumentException if that leaves no key (names the scale and the range)
     */
    public BitSet keys(PitchRange range) {
        return scale.keys(root, range.lowPitch(), range.highPitch());
    }

    /** As the command line writes it, e.g. {@code D:dorian}. */
    @Override
    public String toString() {
        return Scale.ROOT_NAMES[root] + ":" + scale.cliName();
    }
}
