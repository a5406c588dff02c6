package dev.pianogenie.midi;

import java.util.Comparator;
import java.util.List;

/**
 * An immutable performance: notes sorted by (onset, pitch) — chords come out as ascending pitches — and
 * the sustain-pedal events in time order. {@code seconds} is the end of the performance (the last event).
 */
public record Performance(List<Note> notes, List<PedalEvent> pedalEvents, double seconds) {

    public static final Comparator<Note> ORDER =
            Comparator.comparingDouble(Note::onsetSeconds).thenComparingInt(Note::pitch);

    public Performance {
        notes = List.copyOf(notes);
        pedalEvents = List.copyOf(pedalEvents);
        for (int i = 1; i < notes.size(); i++) {
            if (ORDER.compare(notes.get(i - 1), notes.get(i)) > 0) {
                throw new IllegalArgumentException("notes must be sorted by (onset, pitch); note " + i + " is not");
            }
        }
        for (int i = 1; i < pedalEvents.size(); i++) {
            if (pedalEvents.get(i - 1).seconds() > pedalEvents.get(i).seconds()) {
                throw new IllegalArgumentException("pedal events must be in time order; event " + i + " is not");
            }
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, was " + seconds);
        }
    }
}
