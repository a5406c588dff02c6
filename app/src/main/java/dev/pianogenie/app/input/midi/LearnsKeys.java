package dev.pianogenie.app.input.midi;

import dev.pianogenie.app.input.LearnsButtons;

/**
 * A MIDI keyboard that learns which of its keys play (a {@code midi:} keyboard, or JACK's MIDI input, which is the
 * same code behind another port): chosen keys, the range, or pad rows. The window's Learn… and {@code --learn} use
 * this, whichever of the two it is.
 */
public interface LearnsKeys extends LearnsButtons {

    /**
     * What the next {@link #learn} learns: 8 keys; the range (the lowest and highest key); or pad rows (a row's
     * leftmost and rightmost pad, then the next row's leftmost).
     */
    void learnAs(MidiKeyMapping.Kind kind);

    /** What the next {@link #learn} learns: true = the keyboard's lowest and highest key (every key plays), false = 8 keys. */
    default void learnZones(boolean zones) {
        learnAs(zones ? MidiKeyMapping.Kind.ZONES : MidiKeyMapping.Kind.KEYS);
    }
}
