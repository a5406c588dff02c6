package dev.pianogenie.midi.sound;

import dev.pianogenie.midi.ChannelMessageSink;
import dev.pianogenie.midi.Midi;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;

/**
 * A note sink that sends MIDI channel messages to a {@link Receiver} at once (timestamp −1): the built-in
 * synthesizer's or a MIDI output device's, on one channel. Panic sends sustain off, all-notes-off and
 * all-sound-off on that channel only: on a multitimbral synth the other channels are other parts, not ours.
 */
public class ReceiverSink implements ChannelMessageSink {
    private final Receiver receiver;
    private final int channel;
    private final String name;
    private final AutoCloseable owner;

    /**
     * @param owner closed with this sink (the device or synthesizer), or null
     */
    public ReceiverSink(Receiver receiver, int channel, String name, AutoCloseable owner) {
        if (channel < 0 || channel >= Midi.CHANNELS) {
            throw new IllegalArgumentException("MIDI channel must be 0..15, was " + channel);
        }
        this.receiver = receiver;
        this.channel = channel;
        this.name = name;
        this.owner = owner;
    }

    public String name() {
        return name;
    }

    /** Selects a General MIDI program (0 = acoustic grand piano) on this sink's channel. */
    public void program(int program) {
        send(Midi.PROGRAM_CHANGE, program, 0, -1);
    }

    @Override
    public void send(int command, int d1, int d2, long timeNanos) {
        int ch = channel;
        ShortMessage m;
        try {
            m = new ShortMessage(command, ch, d1, d2);
        } catch (InvalidMidiDataException e) {
            // only a programming error can build a bad message here: never send a default message instead
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + ch + "/" + d1 + "/" + d2, e);
        }
        try {
            receiver.send(m, -1);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(name + " is closed or was unplugged: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            allNotesOff(0);
        } catch (RuntimeException ignored) {
            // a vanished device cannot be silenced; closing goes on
        }
        receiver.close();
        if (owner != null) {
            owner.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
