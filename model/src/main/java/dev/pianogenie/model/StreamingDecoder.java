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
     * @param button     0..{@link #numButtons()} − 1 (0 = lowest)
     * @param pressNanos the press's timestamp on a monotonic clock, nanoseconds
     * @return the key, 0..87 (MIDI pitch = key + 21)
     * @throws IllegalArgumentException if the button is out of range or time runs backwards
     */
    int next(int button, long pressNanos);

    /**
     * What each button would play if pressed at {@code pressNanos} (see {@link Lookahead}): one engine call, a
     * batch of the model's buttons from the current state; the state, the previous key and time, the sampler's random
     * draws and {@link #lastProbabilities} are left exactly as they were. At temperature 0,
     * {@code lookahead(t).key(b) == next(b, t)} for every button.
     *
     * @throws IllegalArgumentException if time runs backwards
     */
    Lookahead lookahead(long pressNanos);

    /** How many buttons the model is played with ({@link ModelConfig#numButtons}; 8 for both published models). */
    int numButtons();

    /**
     * Whether this model predicts each note's velocity ({@link #lastVelocity}). Models written before the velocity
     * output existed, and the TF.js imports, do not: they are played at a fixed velocity.
     */
    default boolean predictsVelocity() {
        return false;
    }

    /**
     * The velocity (1..127) the model predicts for the note of the last {@link #next} — before any dynamics the
     * player applies; 0 for a model without a velocity output, and before the first press. The decoder feeds its own
     * prediction back as the next step's "previous velocity" input; {@link #reset()} starts again from its
     * phrase-start value.
     */
    default int lastVelocity() {
        return 0;
    }

    /**
     * The next press gets this ΔT instead of the time since the previous one — the first press of a phrase too
     * (magenta-js's {@code overrideDeltaTime}); once: the press after goes back to measured time.
     * {@link #lookahead} uses it too (without using it up); {@link #reset()} forgets it.
     *
     * @param seconds ≥ 0 (infinity: the first-note ΔT)
     */
    void overrideDeltaTime(double seconds);

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
    default void keepWarm() {}

    @Override
    void close();
}
