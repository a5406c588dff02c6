package dev.pianogenie.model;

import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The piano's 88 keys and a model's buttons: the one place for key ↔ MIDI pitch and the button value. How many
 * buttons a model has is in its config ({@link ModelConfig#numButtons}); both published models have 8.
 * {@code key} means 0..87, {@code pitch} means MIDI 21..108.
 */
public final class Keys {
    public static final int NUM_KEYS = 88;
    public static final int LOWEST_PITCH = 21;
    public static final int HIGHEST_PITCH = LOWEST_PITCH + NUM_KEYS - 1;
    /** The button count of a model whose config does not say (both published models, every TF.js import). */
    public static final int DEFAULT_BUTTONS = 8;
    /** Fewest buttons a model may have: one button would carry no contour. */
    public static final int MIN_BUTTONS = 2;
    /** Most buttons a model may have (issue 31: 2..16). */
    public static final int MAX_BUTTONS = 16;

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    /** What {@link #pitchClass} reads, said in error messages. */
    public static final String PITCH_CLASS_NAMES = "C, C#/Db, D, D#/Eb, E, F, F#/Gb, G, G#/Ab, A, A#/Bb, B";

    private static final Pattern NOTE = Pattern.compile("([A-Ga-g])([#♯b♭]?)");
    private static final Pattern PITCH = Pattern.compile("([A-Ga-g][#♯b♭]?)(-?\\d{1,2})");
    private static final int[] NATURALS = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G

    private Keys() {}

    public static int pitch(int key) {
        checkKey(key);
        return key + LOWEST_PITCH;
    }

    /** The key of a MIDI pitch, or -1 if the pitch is off the piano. */
    public static int keyOrNone(int pitch) {
        return pitch >= LOWEST_PITCH && pitch <= HIGHEST_PITCH ? pitch - LOWEST_PITCH : -1;
    }

    public static boolean isOnPiano(int pitch) {
        return pitch >= LOWEST_PITCH && pitch <= HIGHEST_PITCH;
    }

    /** Scientific pitch name, e.g. 60 → "C4", 21 → "A0". */
    public static String pitchName(int pitch) {
        return NAMES[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
    }

    /**
     * The pitch class of a note name without octave: {@code C} = 0 .. {@code B} = 11; sharps ({@code #}) and
     * flats ({@code b}) allowed, the letter in either case.
     *
     * @throws IllegalArgumentException if it is not a note name
     */
    public static int pitchClass(String name) {
        Matcher m = NOTE.matcher(name.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a note name: '" + name + "' (expected one of " + PITCH_CLASS_NAMES + ")");
        }
        return pitchClass(m.group(1), m.group(2));
    }

    private static int pitchClass(String letter, String accidental) {
        int pc = NATURALS[letter.toUpperCase(Locale.ROOT).charAt(0) - 'A'];
        return Math.floorMod(
                pc
                        + switch (accidental) {
                            case "#", "♯" -> 1;
                            case "b", "♭" -> -1;
                            default -> 0;
                        },
                12);
    }

    /**
     * The MIDI pitch of a scientific pitch name on the piano: {@code A0} = 21, {@code C4} = 60, {@code Bb3},
     * {@code F#5}, {@code C8} = 108.
     *
     * @throws IllegalArgumentException if it is not a pitch name or the pitch is off the piano
     */
    public static int parsePitch(String name) {
        Matcher m = PITCH.matcher(name.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a note name: '" + name.strip()
                    + "' (expected a note and an octave, e.g. A0, " + "C4, F#5, Bb3; the piano runs "
                    + pitchName(LOWEST_PITCH) + "–" + pitchName(HIGHEST_PITCH) + ")");
        }
        Matcher note = NOTE.matcher(m.group(1));
        note.matches();
        int letterPc = NATURALS[note.group(1).toUpperCase(Locale.ROOT).charAt(0) - 'A'];
        int shift = pitchClass(note.group(1), note.group(2)) - letterPc;
        shift = shift > 6 ? shift - 12 : shift < -6 ? shift + 12 : shift; // Cb4 is B3, B#3 is C4
        int pitch = (Integer.parseInt(m.group(2)) + 1) * 12 + letterPc + shift;
        if (!isOnPiano(pitch)) {
            throw new IllegalArgumentException(name.strip() + " (MIDI " + pitch + ") is off the piano ("
                    + pitchName(LOWEST_PITCH) + "–" + pitchName(HIGHEST_PITCH) + ")");
        }
        return pitch;
    }

    /**
     * Reads a range {@code LOW-HIGH} of note names, e.g. {@code A1-C7} (both ends included, on the piano).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static PitchRange parseRange(String spec) {
        String s = spec == null ? "" : spec.strip();
        int dash = s.indexOf('-', 1); // the low end may not start with '-'; octaves on the piano are never negative
        if (dash < 0) {
            throw new IllegalArgumentException("a range is LOW-HIGH in note names, e.g. A1-C7 (the whole piano: "
                    + PitchRange.FULL + "), was '" + spec + "'");
        }
        int low = parsePitch(s.substring(0, dash));
        int high = parsePitch(s.substring(dash + 1));
        if (low > high) {
            throw new IllegalArgumentException("range " + s + " runs downwards: write the low note first, e.g. "
                    + pitchName(high) + "-" + pitchName(low));
        }
        return new PitchRange(low, high);
    }

    /** The IQAE button value the decoder sees for button {@code button} of {@code numButtons}: 2b/(n−1) − 1, in [-1, 1]. */
    public static float buttonValue(int button, int numButtons) {
        checkButton(button, numButtons);
        return 2f * button / (numButtons - 1) - 1f;
    }

    public static void checkButton(int button, int numButtons) {
        if (button < 0 || button >= numButtons) {
            throw new IllegalArgumentException("button must be 0.." + (numButtons - 1) + " (the model has " + numButtons
                    + " buttons), was " + button);
        }
    }

    /** @throws IllegalArgumentException unless {@value #MIN_BUTTONS} ≤ {@code numButtons} ≤ {@value #MAX_BUTTONS} */
    public static int checkButtonCount(int numButtons) {
        if (numButtons < MIN_BUTTONS || numButtons > MAX_BUTTONS) {
            throw new IllegalArgumentException(
                    "the number of buttons must be " + MIN_BUTTONS + ".." + MAX_BUTTONS + ", was " + numButtons);
        }
        return numButtons;
    }

    public static void checkKey(int key) {
        if (key < 0 || key >= NUM_KEYS) {
            throw new IllegalArgumentException("key must be 0.." + (NUM_KEYS - 1) + ", was " + key);
        }
    }

    public static BitSet all() {
        BitSet all = new BitSet(NUM_KEYS);
        all.set(0, NUM_KEYS);
        return all;
    }
}
