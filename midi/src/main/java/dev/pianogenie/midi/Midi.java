package dev.pianogenie.midi;

/**
 * The MIDI numbers this project uses, defined once: channel-message status bytes, the controllers it sends or
 * reads, value ranges, and the meta events of MIDI files. (javax.sound.midi's {@code ShortMessage} has the
 * same status values; ours are used everywhere so that there is one place to look.)
 */
public final class Midi {
    // channel messages: the status byte's high nibble (the low nibble is the channel)
    public static final int NOTE_OFF = 0x80;
    public static final int NOTE_ON = 0x90;
    public static final int POLY_PRESSURE = 0xA0;
    public static final int CONTROL_CHANGE = 0xB0;
    public static final int PROGRAM_CHANGE = 0xC0;
    public static final int CHANNEL_PRESSURE = 0xD0;
    public static final int PITCH_BEND = 0xE0;
    public static final int SYSTEM_EXCLUSIVE = 0xF0;
    public static final int END_OF_EXCLUSIVE = 0xF7;

    /** Controller 64: the sustain (damper) pedal. */
    public static final int SUSTAIN_PEDAL = 64;
    /** A sustain-pedal value from this on is "down" (a different fact from the controller number, also 64). */
    public static final int PEDAL_DOWN_FROM = 64;

    public static final int ALL_SOUND_OFF = 120;
    public static final int ALL_NOTES_OFF = 123;

    /** Data bytes (pitch, velocity, controller value) are 0..127; a sounding velocity is 1..127. */
    public static final int MAX_DATA = 127;

    public static final int CHANNELS = 16;
    /** General MIDI program 1 (0 on the wire). */
    public static final int ACOUSTIC_GRAND_PIANO = 0;

    // MIDI files
    public static final int META = 0xFF;
    /** A text event: empty, it carries time across a pause longer than one delta time can say. */
    public static final int META_TEXT = 0x01;

    public static final int META_TRACK_NAME = 0x03;
    public static final int META_END_OF_TRACK = 0x2F;
    public static final int META_TEMPO = 0x51;
    public static final int META_TIME_SIGNATURE = 0x58;
    /** The largest delta time a MIDI file can say (a variable-length number of four bytes). */
    public static final long MAX_DELTA_TICKS = 0x0FFFFFFF;

    private Midi() {}

    /** Whether a velocity sounds a note (1..127). */
    public static boolean isVelocity(int v) {
        return v >= 1 && v <= MAX_DATA;
    }
}
