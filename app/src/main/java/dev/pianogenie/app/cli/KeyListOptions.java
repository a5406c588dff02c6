package dev.pianogenie.app.cli;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PitchRange;
import dev.pianogenie.model.RootedScale;
import dev.pianogenie.model.Scale;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import picocli.CommandLine.Option;

/**
 * {@code --scale ROOT:NAME} and {@code --range LOW-HIGH}: the keys the decoder may choose, for every command that
 * decodes ({@code @Mixin KeyListOptions keys;} then {@link #allowedKeys()}). Parsed by the model's
 * {@link Scale#parse} and {@link Keys#parseRange} — the window's scale names, one list.
 */
public final class KeyListOptions {

    @Option(
            names = "--scale",
            paramLabel = "ROOT:NAME",
            completionCandidates = ScaleNames.class,
            description = "only keys of this scale, e.g. C:major, A:natural-minor, F#:blues (roots with # or b); "
                    + "scales: ${COMPLETION-CANDIDATES} (default: chromatic, every key)")
    String scale;

    @Option(
            names = "--range",
            paramLabel = "LOW-HIGH",
            description = "only keys from LOW to HIGH, note names, e.g. A1-C7 (default: the whole piano, A0-C8)")
    String range;

    /** The scale chosen, chromatic if none. */
    public RootedScale rootedScale() {
        return scale == null ? RootedScale.CHROMATIC : Scale.parse(scale);
    }

    /** The range chosen, the whole piano if none. */
    public PitchRange pitchRange() {
        return range == null ? PitchRange.FULL : Keys.parseRange(range);
    }

    /**
     * The allowed keys: the scale within the range.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a scale with no key in the range
     */
    public BitSet allowedKeys() {
        return rootedScale().keys(pitchRange());
    }

    /** For the help text. */
    static final class ScaleNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Scale.values()).map(Scale::cliName).iterator();
        }
    }
}
