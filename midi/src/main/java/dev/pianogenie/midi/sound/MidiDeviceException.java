package dev.pianogenie.midi.sound;

/** A MIDI or audio device that cannot be opened or used; the message names it and suggests what to do. */
public class MidiDeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    public MidiDeviceException(String message) {
        super(message);
    }

    public MidiDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
