package dev.pianogenie.app.input.midi;

import dev.pianogenie.app.input.ControllerSettings;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which 8 keys of a MIDI keyboard are the 8 buttons: by default 8 consecutive white keys from a base note
 * (C4 = 60: C D E F G A B C), or any 8 keys learnt by pressing them in turn, low button first — saved per
 * device ({@link ControllerSettings}, folder {@code midi-keyboards}).
 */
public final class MidiKeyMapping {
    /** The default base note: middle C, so the buttons are C4 D4 E4 F4 G4 A4 B4 C5. */
    public static final int DEFAULT_BASE = 60;
    static final String KIND = "midi-keyboards";

    /** The saved form. */
    record Stored(int[] pitches) {
    }

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
        if (start < 0 || base < 0 || base > Midi.MAX_DATA - 14) {
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
        if (pitches == null || Arrays.stream(pitches).anyMatch(p -> p < 0 || p > Midi.MAX_DATA)) {
            throw new IllegalArgumentException("a mapping needs 8 MIDI notes 0..127, got " + Arrays.toString(pitches));
        }
        return new MidiKeyMapping(pitches);
    }

    /** The mapping learnt for a device, if one was saved; a damaged file is an error that names it. */
    public static Optional<MidiKeyMapping> saved(String deviceName) throws IOException {
        Optional<Stored> stored = ControllerSettings.load(KIND, deviceName, Stored.class);
        try {
            return stored.map(s -> learnt(s.pitches()));
        } catch (RuntimeException e) {
            throw new IOException("the saved mapping " + ControllerSettings.file(KIND, deviceName) + " is not valid ("
                    + e.getMessage() + "); learn the keyboard again to replace it, or delete the file", e);
        }
    }

    /** Saves this mapping for a device (atomically), replacing any earlier one. */
    public void save(String deviceName) throws IOException {
        ControllerSettings.save(KIND, deviceName, new Stored(pitchOfButton));
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
