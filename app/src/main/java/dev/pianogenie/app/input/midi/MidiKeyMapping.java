package dev.pianogenie.app.input.midi;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pianogenie.app.input.ControllerSettings;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which keys of a MIDI keyboard press which of the model's buttons (8 for both published models; the model's count
 * comes in through {@link #withButtons}, it is not saved: the same keyboard plays every model). Three kinds:
 * <ul>
 *   <li><b>zones</b> (the default): every key plays — the range {@code low..high} is cut left to right into n equal
 *   zones, so the contour a player plays is the contour the genie follows; keys below or above the range play the
 *   first or last button. Any keyboard size (25, 49, 61, 88 keys): learnt by pressing its lowest and highest key,
 *   or given ({@code midi:NAME@LOW-HIGH}). Without either, C3..C5 (a 25-key keyboard's range).</li>
 *   <li><b>rows</b>: a pad grid (a Launchpad sends notes: row after row, each row {@code rowStep} notes above the one
 *   below): every row plays the 8 buttons left to right — its pads fold into 8 equal zones as a keyboard's keys do.
 *   Learnt by pressing a row's leftmost and rightmost pad, then the leftmost pad of the next row.</li>
 *   <li><b>keys</b>: exactly 8 keys, learnt by pressing them in turn (drum pads, a chosen octave), or 8 consecutive
 *   white keys from a base note ({@code midi:NAME@BASE}); other keys do not play.</li>
 * </ul>
 * Saved per device ({@link ControllerSettings}, folder {@code midi-keyboards}).
 */
public final class MidiKeyMapping {
    /** The base note of {@code midi:NAME@BASE} that most players want: middle C, so the buttons are C4..C5. */
    public static final int DEFAULT_BASE = 60;
    /** The default zones: C3..C5, the 25 keys of the smallest common keyboard around middle C. */
    public static final int DEFAULT_LOW = 48;

    public static final int DEFAULT_HIGH = 72;
    /** How many keys a mapping of chosen keys holds, whatever the model (one of fewer buttons ignores the upper keys). */
    public static final int CHOSEN_KEYS = Keys.DEFAULT_BUTTONS;

    static final String KIND = "midi-keyboards";

    /** The saved form: {@code pitches} for keys, {@code low}/{@code high} for zones (files from before zones have only pitches). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(int[] pitches, Integer low, Integer high, Integer rowStep) {}

    /** How keys become buttons. */
    public enum Kind {
        KEYS,
        ZONES,
        ROWS
    }

    private static final int[] WHITE = {0, 2, 4, 5, 7, 9, 11};
    /** Keys: the pitch of each button; null for zones. */
    private final int[] pitchOfButton;
    /** Zones: the range, inclusive; rows: the first row's pads (the lowest row's, mod rowStep); -1 for keys. */
    private final int low;

    private final int high;
    /** Rows: the notes from one row to the next; 0 otherwise. */
    private final int rowStep;
    /** Zones and rows: how many buttons the keys fold into (the model's count). */
    private final int buttons;

    private MidiKeyMapping(int[] pitches) {
        if (pitches.length != Keys.DEFAULT_BUTTONS
                || Arrays.stream(pitches).distinct().count() != Keys.DEFAULT_BUTTONS) {
            throw new IllegalArgumentException("a mapping needs 8 different keys, got " + Arrays.toString(pitches));
        }
        this.pitchOfButton = pitches.clone();
        this.low = -1;
        this.high = -1;
        this.rowStep = 0;
        this.buttons = Keys.DEFAULT_BUTTONS;
    }

    private MidiKeyMapping(int low, int high, int rowStep) {
        this(low, high, rowStep, Keys.DEFAULT_BUTTONS);
    }

    private MidiKeyMapping(int low, int high, int rowStep, int buttons) {
        if (low < 0 || high > Midi.MAX_DATA || high - low + 1 < Keys.DEFAULT_BUTTONS) {
            throw new IllegalArgumentException(
                    (rowStep > 0 ? "a row needs at least 8 pads" : "zones need a range of at least 8 keys")
                            + " within MIDI notes 0..127, got " + low + ".." + high);
        }
        if (rowStep != 0 && (rowStep < high - low + 1 || rowStep > Midi.MAX_DATA)) {
            throw new IllegalArgumentException("the rows of a pad grid cannot overlap: a row of " + (high - low + 1)
                    + " pads needs at least that many notes to the next row, got " + rowStep);
        }
        this.pitchOfButton = null;
        this.low = low;
        this.high = high;
        this.rowStep = rowStep;
        this.buttons = Keys.checkButtonCount(buttons);
    }

    /**
     * The same keys folded into {@code n} buttons (zones and rows: n equal zones). Chosen keys stay the 8 learnt
     * ones: with fewer buttons the performer ignores those beyond the model's count; with more, only 8 play.
     */
    public MidiKeyMapping withButtons(int n) {
        return pitchOfButton != null || n == buttons ? this : new MidiKeyMapping(low, high, rowStep, n);
    }

    /** How many buttons the keys fold into (chosen keys: 8). */
    public int buttons() {
        return buttons;
    }

    /** 8 consecutive white keys from {@code base} (which must be a white key). */
    public static MidiKeyMapping whiteKeysFrom(int base) {
        int pc = Math.floorMod(base, 12);
        int start = Arrays.binarySearch(WHITE, pc);
        if (start < 0 || base < 0 || base > Midi.MAX_DATA - 14) {
            throw new IllegalArgumentException(
                    "the base note must be a white key from 0 to 113, was " + base + " (" + Keys.pitchName(base) + ")");
        }
        int[] p = new int[Keys.DEFAULT_BUTTONS];
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

    /** Every key plays: {@code low..high} (either order) in 8 equal zones, left to right. */
    public static MidiKeyMapping zones(int low, int high) {
        return new MidiKeyMapping(Math.min(low, high), Math.max(low, high), 0);
    }

    /**
     * A pad grid as rows: {@code left} and {@code right} are the ends of one row, {@code nextRowLeft} the leftmost pad
     * of the row above or below it.
     */
    public static MidiKeyMapping rows(int left, int right, int nextRowLeft) {
        int step = Math.abs(nextRowLeft - left);
        if (right <= left || step == 0) {
            throw new IllegalArgumentException("a row is learnt left to right and the next row starts elsewhere: got "
                    + left + ", " + right + ", then " + nextRowLeft);
        }
        int first = left % step; // the lowest row's leftmost pad (or where it would be)
        return new MidiKeyMapping(first, first + right - left, step);
    }

    /** The mapping of a keyboard nothing was learnt or given for: zones over C3..C5. */
    public static MidiKeyMapping standard() {
        return zones(DEFAULT_LOW, DEFAULT_HIGH);
    }

    /** The mapping learnt for a device, if one was saved; a damaged file is an error that names it. */
    public static Optional<MidiKeyMapping> saved(String deviceName) throws IOException {
        Optional<Stored> stored = ControllerSettings.load(KIND, deviceName, Stored.class);
        try {
            return stored.map(s -> s.pitches() != null
                    ? learnt(s.pitches())
                    : s.low() != null && s.high() != null && s.rowStep() != null
                            ? new MidiKeyMapping(s.low(), s.high(), s.rowStep())
                            : s.low() != null && s.high() != null ? zones(s.low(), s.high()) : learnt(null));
        } catch (RuntimeException e) {
            throw new IOException(
                    "the saved mapping " + ControllerSettings.file(KIND, deviceName) + " is not valid ("
                            + e.getMessage() + "); learn the keyboard again to replace it, or delete the file",
                    e);
        }
    }

    /** What a device plays with: its saved mapping, else {@link #standard()}; a damaged file is an error that names it. */
    public static MidiKeyMapping forDevice(String deviceName) throws IOException {
        return saved(deviceName).orElse(standard());
    }

    /** Saves this mapping for a device (atomically), replacing any earlier one. */
    public void save(String deviceName) throws IOException {
        ControllerSettings.save(
                KIND,
                deviceName,
                pitchOfButton != null
                        ? new Stored(pitchOfButton, null, null, null)
                        : new Stored(null, low, high, rowStep > 0 ? rowStep : null));
    }

    public Kind kind() {
        return pitchOfButton != null ? Kind.KEYS : rowStep > 0 ? Kind.ROWS : Kind.ZONES;
    }

    /** True if every key plays (zones); false for 8 chosen keys or pad rows. */
    public boolean isZones() {
        return kind() == Kind.ZONES;
    }

    /** The button of a MIDI note, or -1 (only with chosen keys). Arithmetic only: called for every key on the MIDI thread. */
    public int button(int pitch) {
        if (rowStep > 0) {
            int column = pitch < low ? -1 : (pitch - low) % rowStep;
            return column < 0 || column > high - low ? -1 : column * buttons / (high - low + 1);
        }
        if (pitchOfButton == null) {
            int p = Math.max(low, Math.min(high, pitch));
            return (p - low) * buttons / (high - low + 1);
        }
        for (int b = 0; b < pitchOfButton.length; b++) {
            if (pitchOfButton[b] == pitch) {
                return b;
            }
        }
        return -1;
    }

    /** Keys: the 8 pitches; zones: the lowest key of each zone; rows: the first pad of each zone in the lowest row. */
    public int[] pitches() {
        if (pitchOfButton != null) {
            return pitchOfButton.clone();
        }
        int[] first = new int[buttons];
        Arrays.fill(first, -1); // a range narrower than the buttons leaves some without a key
        for (int p = high; p >= low; p--) {
            first[button(p)] = p;
        }
        return first;
    }

    /** Zones: the range's lowest key; keys: -1. */
    public int low() {
        return low;
    }

    /** Zones: the range's highest key; keys: -1. */
    public int high() {
        return high;
    }

    /**
     * As the window, the terminal and {@code ./genie devices} show it: {@code C4 D4 E4 F4 G4 A4 B4 C5} for keys;
     * {@code every key, C3..C5 in 8 zones from C3 D#3 F#3 A3 C4 D#4 F#4 A4} for zones.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (rowStep > 0) {
            return "pad rows: " + (high - low + 1) + " pads a row, one row every " + rowStep + " notes from "
                    + Keys.pitchName(low) + " (" + low + "); each row plays buttons 1–" + buttons + " left to right";
        }
        if (isZones()) {
            sb.append("every key, ")
                    .append(Keys.pitchName(low))
                    .append("..")
                    .append(Keys.pitchName(high))
                    .append(" in ")
                    .append(buttons)
                    .append(" zones from");
        }
        for (int p : pitches()) {
            sb.append(sb.length() == 0 ? "" : " ").append(p < 0 ? "-" : Keys.pitchName(p));
        }
        return sb.toString();
    }
}
