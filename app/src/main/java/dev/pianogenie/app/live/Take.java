package dev.pianogenie.app.live;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.app.input.replay.SessionHeader;
import dev.pianogenie.midi.MidiFileException;
import dev.pianogenie.midi.MidiFileWriter;
import dev.pianogenie.midi.Performance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One take, copied out of the performer: the notes, the button events that played them, and what reproduces
 * them (the header of its session file). Saving formats it, off the press path.
 */
public record Take(Performance performance, List<ButtonEvent> events, SessionHeader header, boolean stillRecording) {
    public Take {
        events = List.copyOf(events);
    }

    public int notes() {
        return performance.notes().size();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * Saves the MIDI file and its session beside it ({@code take.mid} + {@code take.session.jsonl}), each atomically.
     *
     * @return the session file
     */
    public Path save(Path mid) throws MidiFileException, IOException {
        MidiFileWriter.write(performance, mid);
        Path session = SessionFile.besideMidi(mid);
        SessionFile.write(session, Optional.of(header), events);
        return session;
    }
}
