package dev.pianogenie.model;

/**
 * Piano Genie's decoder, one step per button press (in the spirit of magenta-js's {@code PianoGenie}).
 *
 * <p>The LSTM state is carried from press to press until {@link #reset()}. Time comes in with the press;
 * the decoder never reads a clock: the first press after a reset gets the "large ΔT" feature, every later
 * press the time since the previous one. One decoder is used from one thread.
 */
public interface StreamingDecoder extends AutoCloseable {

    /**
     * Decodes one press.
     *
     * @param button     0..7 (0 = lowest)
     * @param pressNanos the press's timestamp on a monotonic clock, nanoseconds
     * @return the key, 0..87 (MIDI pitch = key + 21)
     * @throws IllegalArgumentException if the button is out of range or time runs backwards
     */
    int next(int button, long pressNanos);

    /** Forgets the state: the next press starts a new phrase. */
    void reset();

    /** Temperature, allowed keys and seed, applied from the next press on. */
    void setSampling(Sampling sampling);

    Sampling sampling();

    /**
     * The distribution the last key was drawn from (after temperature and allowed keys), 88 values;
     * copied into {@code into} so that no array is allocated per press. All zero before the first press.
     */
    void lastProbabilities(float[] into);

    /**
     * Runs a step whose result is thrown away (the state does not change), to keep the weights in the CPU's
     * caches while the player pauses: after a few milliseconds idle, a cold step costs several times a warm one.
     * Optional; the default does nothing.
     */
    default void keepWarm() {
    }

    @Override
    void close();
}
