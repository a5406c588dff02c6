package dev.pianogenie.model;

import java.util.BitSet;

/**
 * The piano's 88 keys and the 8 buttons: the one place for key ↔ MIDI pitch and the button value.
 * {@code key} means 0..87, {@code pitch} means MIDI 21..108.
 */
public final class Keys {
    public static final int NUM_KEYS = 88;
    public static final int LOWEST_PITCH = 21;
    public static final int HIGHEST_PITCH = LOWEST_PITCH + NUM_KEYS - 1;
    public static final int NUM_BUTTONS = 8;

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private Keys() {
    }

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

    /** The IQAE button value the decoder sees: 2b/7 - 1, in [-1, 1]. */
    public static float buttonValue(int button) {
        checkButton(button);
        return 2f * button / (NUM_BUTTONS - 1) - 1f;
    }

    public static void checkButton(int button) {
        if (button < 0 || button >= NUM_BUTTONS) {
            throw new IllegalArgumentException("button must be 0.." + (NUM_BUTTONS - 1) + ", was " + button);
        }
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
