package dev.pianogenie.midi;

/**
 * A note sink that speaks MIDI channel messages on one channel of its own: a MIDI-out device, JACK's MIDI port, a synth
 * driven through its receiver. The one place where notes, the pedal and the panic become messages; an implementation
 * only sends a message.
 */
public interface ChannelMessageSink extends NoteSink {

    /** Sends one channel message ({@link Midi#NOTE_ON}, {@link Midi#CONTROL_CHANGE}, …) on this sink's channel. */
    void send(int command, int data1, int data2, long timeNanos);

    @Override
    default void noteOn(int pitch, int velocity, long timeNanos) {
        send(Midi.NOTE_ON, pitch, velocity, timeNanos);
    }

    @Override
    default void noteOff(int pitch, long timeNanos) {
        send(Midi.NOTE_OFF, pitch, 0, timeNanos);
    }

    @Override
    default void pedal(boolean down, long timeNanos) {
        send(Midi.CONTROL_CHANGE, Midi.SUSTAIN_PEDAL, down ? Midi.MAX_DATA : 0, timeNanos);
    }

    /** Sustain off, all notes off and all sound off on this sink's channel only (another program's channels are not ours). */
    @Override
    default void allNotesOff(long timeNanos) {
        send(Midi.CONTROL_CHANGE, Midi.SUSTAIN_PEDAL, 0, timeNanos);
        send(Midi.CONTROL_CHANGE, Midi.ALL_NOTES_OFF, 0, timeNanos);
        send(Midi.CONTROL_CHANGE, Midi.ALL_SOUND_OFF, 0, timeNanos);
    }
}
