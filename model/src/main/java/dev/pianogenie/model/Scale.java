package dev.pianogenie.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Scales for the allowed-key set: a scale on a root (pitch class 0 = C), within a range of pitches.
 * The decoder then only picks keys that fit — "every note in the scale".
 */
public enum Scale {
    CHROMATIC("chromatic", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
    MAJOR("major", 0, 2, 4, 5, 7, 9, 11),
    NATURAL_MINOR("natural minor", 0, 2, 3, 5, 7, 8, 10),
    HARMONIC_MINOR("harmonic minor", 0, 2, 3, 5, 7, 8, 11),
    DORIAN("dorian", 0, 2, 3, 5, 7, 9, 10),
    MIXOLYDIAN("mixolydian", 0, 2, 4, 5, 7, 9, 10),
    MAJOR_PENTATONIC("major pentatonic", 0, 2, 4, 7, 9),
    MINOR_PENTATONIC("minor pentatonic", 0, 3, 5, 7, 10),
    BLUES("blues", 0, 3, 5, 6, 7, 10),
    WHOLE_TONE("whole tone", 0, 2, 4, 6, 8, 10);

    public static final String[] ROOT_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    private final String label;
    private final int[] intervals;

    Scale(String label, int... intervals) {
        this.label = label;
        this.intervals = intervals;
    }

    public String label() {
        return label;
    }

    /** The name on the command line: the label with hyphens, e.g. {@code natural-minor}. */
    public String cliName() {
        return label.replace(' ', '-');
    }

    /**
     * Reads {@code ROOT:NAME}, e.g. {@code D:dorian}, {@code Bb:natural-minor}, {@code f#:blues}: a root note name
     * (sharps or flats) and one of this enum's names (its label, with hyphens, underscores or spaces; any case).
     *
     * @throws IllegalArgumentException naming the valid roots or scales
     */
    public static RootedScale parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "a scale is ROOT:NAME, e.g. C:major or A:natural-minor, was '" + spec + "'; names: " + names());
        }
        String rootName = s.substring(0, colon).strip();
        int root;
        try {
            root = Keys.pitchClass(rootName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown root '" + rootName + "' in '" + spec + "': valid roots are " + Keys.PITCH_CLASS_NAMES, e);
        }
        return new RootedScale(byName(s.substring(colon + 1)), root);
    }

    /**
     * The scale of a name: its label or {@link #cliName()} (any case, hyphens, underscores or spaces).
     *
     * @throws IllegalArgumentException naming the valid scales
     */
    public static Scale byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ");
        for (Scale scale : values()) {
            if (scale.label.equals(wanted)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("unknown scale '" + name.strip() + "': valid scales are " + names());
    }

    /** Every scale's command-line name, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Scale::cliName).collect(Collectors.joining(", "));
    }

    public boolean contains(int pitch, int root) {
        int pc = Math.floorMod(pitch - root, 12);
        for (int i : intervals) {
            if (i == pc) {
                return true;
            }
        }
        return false;
    }

    /**
     * The allowed keys: pitches of this scale on {@code root} from {@code lowPitch} to {@code highPitch}.
     *
     * @throws IllegalArgumentException if that leaves no key
     */
    public BitSet keys(int root, int lowPitch, int highPitch) {
        BitSet keys = new BitSet(Keys.NUM_KEYS);
        for (int pitch = Math.max(lowPitch, Keys.LOWEST_PITCH);
                pitch <= Math.min(highPitch, Keys.HIGHEST_PITCH);
                pitch++) {
            if (contains(pitch, root)) {
                keys.set(Keys.keyOrNone(pitch));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key of " + ROOT_NAMES[Math.floorMod(root, 12)] + " " + label
                    + " lies between " + Keys.pitchName(lowPitch) + " and " + Keys.pitchName(highPitch));
        }
        return keys;
    }

    @Override
    public String toString() {
        return label;
    }
}
