package dev.pianogenie.app.input.midi;

import dev.pianogenie.model.Keys;
import java.util.Arrays;

/**
 * Which 8 keys of a MIDI keyboard are the 8 buttons: by default 8 consecutive white keys from a base note
 * (C4 = 60: C D E F G A B C), or any 8 keys learnt by pressing them in turn, low button first.
 */
public final class MidiKeyMapping {
    private static final int[] WHITE = {0, 2, 4, 5, 7, 9, 11};
    private final int[] pitchOfButton;

    private MidiKeyMapping(int[] pitches) {
        if (pitches.length != Keys.NUM_BUTTONS || Arrays.stream(pitches).distinct().count() != Keys.NUM_BUTTONS) {
            throw new IllegalArgumentException("a mapping needs 8 different keys, got " + Arrays.toString(pitches));
        }
        this.pitchOfButton = pitches.clone();
    }

    /** 8 consecutive white keys from {@code base} (which must be a white key). */
    public static MidiKeyMapping whiteKeysFrom(int base) {
        int pc = Math.floorMod(base, 12);
        int start = Arrays.binarySearch(WHITE, pc);
        if (start < 0 || base < 0 || base > 127 - 14) {
            throw new IllegalArgumentException("the base note must be a white key from 0 to 113, was " + base
                    + " (" + Keys.pitchName(base) + ")");
        }
        int[] p = new int[Keys.NUM_BUTTONS];
        int octave = base - pc;
        for (int b = 0; b < p.length; b++) {
            int i = start + b;
            p[b] = octave + 12 * (i / 7) + WHITE[i % 7];
        }
        return new MidiKeyMapping(p);
    }

    /** Learnt: the keys pressed for buttons 0..7 in order. */
    public static MidiKeyMapping learnt(int[] pitches) {
        return new MidiKeyMapping(pitches);
    }

    /** The button of a MIDI note, or -1. */
    public int button(int pitch) {
        for (int b = 0; b < pitchOfButton.length; b++) {
            if (pitchOfButton[b] == pitch) {
                return b;
            }
        }
        return -1;
    }

    public int[] pitches() {
        return pitchOfButton.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int p : pitchOfButton) {
            sb.append(sb.length() == 0 ? "" : " ").append(Keys.pitchName(p));
        }
        return sb.toString();
    }
}
