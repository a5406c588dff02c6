package dev.pianogenie.model;

import java.util.BitSet;

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
        for (int pitch = Math.max(lowPitch, Keys.LOWEST_PITCH); pitch <= Math.min(highPitch, Keys.HIGHEST_PITCH); pitch++) {
            if (contains(pitch, root)) {
                keys.set(Keys.keyOrNone(pitch));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key of " + ROOT_NAMES[Math.floorMod(root, 12)] + " " + label + " lies between "
                    + Keys.pitchName(lowPitch) + " and " + Keys.pitchName(highPitch));
        }
        return keys;
    }

    @Override
    public String toString() {
        return label;
    }
}
