package dev.pianogenie.midi;

import java.nio.file.Path;

/** A MIDI file that cannot be read or written; the message names the file and the problem. */
public class MidiFileException extends Exception {
    private final transient Path file;

    public MidiFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public MidiFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
