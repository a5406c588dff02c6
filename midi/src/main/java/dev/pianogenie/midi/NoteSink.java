package dev.pianogenie.midi;

/**
 * Where notes go: the built-in synthesizer, a MIDI output device, a MIDI-file recorder, the UI.
 *
 * <p>Times are the event's own timestamp in nanoseconds on the monotonic clock ({@link System#nanoTime()}
 * for live play, or time from the start of a performance for offline rendering); a live sink plays at once,
 * a recorder or an offline renderer places the event at that time. Pitches are MIDI note numbers.
 * Implementations are called from one thread (the performer's) and must not block it.
 */
public interface NoteSink extends AutoCloseable {

    void noteOn(int pitch, int velocity, long timeNanos);

    void noteOff(int pitch, long timeNanos);

    /** Sustain pedal (CC64) down or up. */
    void pedal(boolean down, long timeNanos);

    /** Panic: pedal up and every sounding note off. */
    void allNotesOff(long timeNanos);

    /** Releases the device or file behind this sink; the default does nothing. */
    @Override
    default void close() throws Exception {}
}
