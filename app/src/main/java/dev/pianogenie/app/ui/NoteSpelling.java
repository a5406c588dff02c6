package dev.pianogenie.app.ui;

import dev.pianogenie.model.RootedScale;

/**
 * Note names as a musician reads them in the chosen key: a black key is spelled by the key signature of the scale's
 * major key (C minor → E♭ major: D♯4 reads E♭4; A major: C♯), sharps where it has none (C, the chromatic scale on C).
 */
final class NoteSpelling {
    private static final String[] SHARPS = {"C", "C♯", "D", "D♯", "E", "F", "F♯", "G", "G♯", "A", "A♯", "B"};
    private static final String[] FLATS = {"C", "D♭", "D", "E♭", "E", "F", "G♭", "G", "A♭", "A", "B♭", "B"};
    /** Major keys written with flats: F, B♭, E♭, A♭, D♭ (D♭ rather than C♯'s seven sharps). */
    private static final boolean[] FLAT_MAJOR = new boolean[12];

    static {
        for (int tonic : new int[] {5, 10, 3, 8, 1}) {
            FLAT_MAJOR[tonic] = true;
        }
    }

    private NoteSpelling() {}

    /** "E♭4": {@code pitch} (MIDI) spelled in {@code key}. */
    static String name(int pitch, RootedScale key) {
        String[] names = usesFlats(key) ? FLATS : SHARPS;
        return names[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
    }

    /** Whether the key signature of {@code key} is written with flats. */
    static boolean usesFlats(RootedScale key) {
        return FLAT_MAJOR[Math.floorMod(key.root() + toRelativeMajor(key.scale()), 12)];
    }

    /** Semitones from the scale's root up to the tonic of the major key that shares its signature. */
    private static int toRelativeMajor(dev.pianogenie.model.Scale scale) {
        return switch (scale) {
            case NATURAL_MINOR, HARMONIC_MINOR, MINOR_PENTATONIC, BLUES -> 3; // C minor → E♭ major
            case DORIAN -> 10; // D dorian → C major
            case MIXOLYDIAN -> 5; // G mixolydian → C major
            default -> 0; // major, major pentatonic; the chromatic and whole-tone scales follow their root's name
        };
    }
}
