package dev.pianogenie.app.perform;

import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.model.Lookahead;

/**
 * What the performer tells the UI (or a log). Called on the performer's real-time thread: implementations
 * must only hand the news on (e.g. into a queue the UI thread drains), never block or touch the UI.
 */
public interface PerformerListener {
    /** A press became a note. */
    default void played(Played note) {}

    /**
     * What each button would play next (labels for the pads), computed after a press's note went out (once the
     * events that arrived meanwhile are played), after a reset, at start and after a change of sampling.
     * Assumes the next press comes after the same interval as the last one (a phrase's first interval: 0.25 s).
     */
    default void lookahead(Lookahead next) {}

    /**
     * The decoder goes on with a new temperature and key list, from here (set by the player, or by a replayed
     * take at the point where it was changed while recording).
     */
    default void sampling(SamplingChange now) {}

    /**
     * The dynamics level (1..127) or the fixed velocity (1..127, or {@code ButtonEvent.NO_VELOCITY}: none) changed —
     * set by the player, a controller acting as the dynamics, or a replayed take.
     */
    default void loudness(int dynamics, int fixedVelocity, long nanos) {}

    /** A button came up (its note may sound on, held by the pedal). */
    default void buttonReleased(int button, long nanos) {}

    /** A note stopped sounding (released, after the pedal if it held it). */
    default void released(int key, long nanos) {}

    default void pedal(boolean down, long nanos) {}

    /** Everything stopped and the decoder starts a new phrase. */
    default void reset(long nanos) {}

    /** A controller came or went. */
    default void connection(String source, boolean connected, String detail) {}

    /** Something went wrong that the player should know (an output failed and was detached...). */
    default void problem(String message) {}

    /**
     * One press turned into a note.
     *
     * @param eventNanos  when the button was pressed (the controller's timestamp)
     * @param decodeNanos how long the decoder step took
     * @param doneNanos   when the note-on had been handed to every output
     */
    record Played(int button, int key, int velocity, long eventNanos, long decodeNanos, long doneNanos) {
        public int pitch() {
            return key + dev.pianogenie.model.Keys.LOWEST_PITCH;
        }
    }
}
