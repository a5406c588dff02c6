package dev.pianogenie.midi.sound.piano;

/** The sampled piano cannot be had; the message says why in one line (the caller adds how to get it). */
public final class PianoUnavailableException extends Exception {
    public PianoUnavailableException(String message) {
        super(message);
    }

    public PianoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
