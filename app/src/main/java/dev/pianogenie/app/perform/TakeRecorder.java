package dev.pianogenie.app.perform;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.midi.MidiRecorder;
import dev.pianogenie.midi.NoteSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A tap on the performer that keeps a take: the button events as the performer played them (at the times it
 * played them) and the notes it sent. It is written by the performer thread only — events, notes, start and
 * stop all arrive there in order — so a take holds exactly what was played between its start and its stop,
 * with no lock on the press path. {@link #snapshot()} (also on the performer thread) hands out a copy;
 * formatting and saving happen on the caller's thread, from the copy.
 */
public final class TakeRecorder implements NoteSink, Performer.Tap {
    private final List<ButtonEvent> events = new ArrayList<>();
    private MidiRecorder notes = new MidiRecorder();
    private boolean armed;

    /** A copy of a take: the button events (absolute performer times) and the notes. */
    public record Snapshot(List<ButtonEvent> events, MidiRecorder notes, boolean recording) {}

    /** Starts a new take at {@code t}; the pedal, if down, is down in the take too. Performer thread. */
    void start(long t, boolean pedalDown) {
        events.clear();
        notes = new MidiRecorder();
        armed = true;
        if (pedalDown) {
            notes.pedal(true, t);
            events.add(ButtonEvent.pedal(true, t));
        }
    }

    /** Ends the take at {@code t}: what still sounds ends there (a reset in the session, all notes off in the MIDI). */
    void stop(long t) {
        if (!armed) {
            return;
        }
        if (!events.isEmpty()) {
            events.add(ButtonEvent.reset(t));
            notes.allNotesOff(t);
        }
        armed = false;
    }

    /** A copy of the take so far (or the last one). Performer thread: a few array copies. */
    Snapshot snapshot() {
        return new Snapshot(List.copyOf(events), notes.copy(), armed);
    }

    @Override
    public void played(ButtonEvent e, long t) {
        if (armed) {
            events.add(e.at(t));
        }
    }

    @Override
    public void noteOn(int pitch, int velocity, long timeNanos) {
        if (armed) {
            notes.noteOn(pitch, velocity, timeNanos);
        }
    }

    @Override
    public void noteOff(int pitch, long timeNanos) {
        if (armed) {
            notes.noteOff(pitch, timeNanos);
        }
    }

    @Override
    public void pedal(boolean down, long timeNanos) {
        if (armed) {
            notes.pedal(down, timeNanos);
        }
    }

    @Override
    public void allNotesOff(long timeNanos) {
        if (armed) {
            notes.allNotesOff(timeNanos);
        }
    }

    @Override
    public String toString() {
        return "take recorder";
    }
}
