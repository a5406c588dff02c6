package dev.pianogenie.model.engine;

import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.KeySampler;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.Velocities;
import dev.pianogenie.model.VelocityHead;
import java.util.Arrays;

/**
 * What every engine's decoder shares: ΔT from press timestamps, the previous key, feature encoding, sampling
 * and the last probabilities. An engine supplies one step — input row in, 88 logits out, state carried —
 * and the zero state. State is replaced only when a step succeeds.
 *
 * <p>A model with a velocity output: once the key is chosen, {@link VelocityHead} (plain Java, the same for every
 * engine) turns the step's top LSTM output, the key and the previous velocities into a distribution over velocity
 * bins. The note's velocity: when sampling (temperature > 0) a draw from that distribution sharpened to
 * {@link Velocities#PLAY_TEMPERATURE} 0.5, with its own random numbers (seeded from the key sampler's seed, so a seeded
 * take replays); at temperature 0 its expectation, rounded. Why a draw when playing: the expectation is the best
 * single guess (what {@code velocity_mae} scores) but far smoother than playing — fed back, it gives the head
 * histories flatter than any it was trained on, and the dynamics flatten further. Measured on the scripted demo at
 * T 0.25 over 20 seeds (standard deviation within a take; correlation with pitch): expectation 3.9, +0.84 (a
 * crescendo up every run, but flat); a draw at 1.0: 11.0, +0.27, single notes down to velocity 8; at 0.5: 7.8, +0.45,
 * 40–94. Either way the value played is fed back as the next step's previous velocity.
 */
public abstract class BaseStreamingDecoder implements StreamingDecoder {
    protected final PianoGenieModel model;
    private final FeatureEncoding encoding;
    private final float[] input;
    private final float[] logits = new float[Keys.NUM_KEYS];
    private final float[] probabilities = new float[Keys.NUM_KEYS];
    /** The model's button count: the rows of the look-ahead batch, and the range {@link #next} accepts. */
    protected final int numButtons;

    private final float[] batchInput;
    private final float[] batchLogits;
    private volatile KeySampler sampler;
    private int previousKey = FeatureEncoding.START;
    private long previousPressNanos;
    private boolean started;
    private double deltaTimeOverride = Double.NaN;
    /** The velocity output, or null (a model without one). */
    private final VelocityHead velocityHead;

    private final Velocities.Context velocityContext = new Velocities.Context();
    private final float[] topOutput;
    private final float[] velocityFeatures = new float[Velocities.CONTEXT_WIDTH];
    private final float[] velocityScratch;
    private final float[] velocityProbabilities = new float[Velocities.BINS];
    private final float[] velocityDraw = new float[Velocities.BINS];
    private int lastVelocity;
    private java.util.SplittableRandom velocityRandom;

    protected BaseStreamingDecoder(PianoGenieModel model, Sampling sampling) {
        this.model = model;
        this.velocityHead = model.velocity();
        this.topOutput = new float[model.config().rnnDim()];
        this.velocityScratch = new float[velocityHead == null ? 0 : velocityHead.units()];
        this.encoding = model.config().encoding();
        this.input = new float[encoding.decoderWidth()];
        this.numButtons = model.config().numButtons();
        this.batchInput = new float[numButtons * encoding.decoderWidth()];
        this.batchLogits = new float[numButtons * Keys.NUM_KEYS];
        this.sampler = new KeySampler(sampling);
        this.velocityRandom = velocityRandom(sampling);
    }

    /** The velocity draws' own random numbers: seeded from the sampling seed (a different stream from the keys'). */
    private static java.util.SplittableRandom velocityRandom(Sampling sampling) {
        return sampling.seed().isPresent()
                ? new java.util.SplittableRandom(sampling.seed().getAsLong() ^ 0x5EED_7E10C17EL)
                : new java.util.SplittableRandom();
    }

    /** One engine step: {@code input} (decoderWidth) → {@code logitsOut} (88); carries the LSTM state. */
    protected abstract void step(float[] input, float[] logitsOut);

    /**
     * One engine call for the batch of all the model's buttons: {@code inputs} ({@link #numButtons} rows of
     * decoderWidth) → {@code logitsOut} ({@link #numButtons} rows of 88), every row from the current LSTM state, which is left exactly as it was.
     */
    protected abstract void stepBatch(float[] inputs, float[] logitsOut);

    /** Copies the last step's top LSTM layer output (h of the last layer, rnnDim values) into {@code into}. */
    protected abstract void topOutput(float[] into);

    /** Back to the zero LSTM state. */
    protected abstract void resetState();

    /** A copy of the LSTM state (h and c of every layer), to check that it did or did not change. */
    abstract float[] stateSnapshot();

    /** Builds and runs a few steps and look-aheads, then resets: so the first real press does not pay for graph or JIT warm-up. */
    protected final void warmUp() {
        for (int i = 0; i < 3; i++) {
            stepLogits(0, FeatureEncoding.START, FeatureEncoding.FIRST_NOTE_DT, logits);
            if (velocityHead != null) {
                velocityProbabilities(0, velocityContext, velocityProbabilities);
            }
            lookahead(0);
        }
        reset();
    }

    @Override
    public int next(int button, long pressNanos) {
        Keys.checkButton(button, numButtons);
        double dt = deltaTime(pressNanos);
        stepLogits(button, previousKey, dt, logits);
        int key = sampler.pick(logits, probabilities);
        if (velocityHead != null) {
            velocityProbabilities(key, velocityContext, velocityProbabilities);
            lastVelocity = sampler.sampling().temperature() == 0
                    ? Velocities.toMidi(Velocities.expectation(velocityProbabilities, 0))
                    : Velocities.sample(
                            Velocities.sharpen(velocityProbabilities, Velocities.PLAY_TEMPERATURE, velocityDraw),
                            0,
                            velocityRandom.nextDouble(),
                            velocityRandom.nextDouble());
            velocityContext.played(lastVelocity, key);
        }
        previousKey = key;
        previousPressNanos = pressNanos;
        started = true;
        deltaTimeOverride = Double.NaN;
        return key;
    }

    /** The ΔT a press at {@code pressNanos} gets: the override, else the first-note ΔT or the time since the last press. */
    private double deltaTime(long pressNanos) {
        if (!Double.isNaN(deltaTimeOverride)) {
            return deltaTimeOverride;
        }
        if (!started) {
            return FeatureEncoding.FIRST_NOTE_DT;
        }
        if (pressNanos < previousPressNanos) {
            throw new IllegalArgumentException(
                    "press times must not go backwards: " + pressNanos + " ns after " + previousPressNanos + " ns");
        }
        return (pressNanos - previousPressNanos) / 1e9;
    }

    @Override
    public Lookahead lookahead(long pressNanos) {
        double dt = deltaTime(pressNanos);
        int width = encoding.decoderWidth();
        for (int b = 0; b < numButtons; b++) {
            encoding.encodeDecoderInput(batchInput, b * width, b, numButtons, previousKey, dt);
        }
        stepBatch(batchInput, batchLogits);
        KeySampler s = sampler;
        int[] keys = new int[numButtons];
        float[] p = new float[numButtons];
        for (int b = 0; b < numButtons; b++) {
            keys[b] = s.mostLikely(batchLogits, b * Keys.NUM_KEYS);
            p[b] = s.probability(batchLogits, b * Keys.NUM_KEYS, keys[b]);
        }
        return new Lookahead(keys, p);
    }

    @Override
    public void overrideDeltaTime(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("ΔT must be >= 0 seconds, was " + seconds);
        }
        deltaTimeOverride = seconds;
    }

    /**
     * Teacher-forced step: the logits for a press given the previous key (or {@link FeatureEncoding#START})
     * and ΔT; the LSTM state advances, the sampler is not used.
     */
    public final void stepLogits(int button, int prevKey, double dtSeconds, float[] logitsOut) {
        encoding.encodeDecoderInput(input, 0, button, numButtons, prevKey, dtSeconds);
        step(input, logitsOut);
    }

    @Override
    public boolean predictsVelocity() {
        return velocityHead != null;
    }

    @Override
    public int lastVelocity() {
        return lastVelocity;
    }

    /** The distribution the last velocity was taken from ({@link Velocities#BINS} values); all zero before it. */
    public void lastVelocityProbabilities(float[] into) {
        System.arraycopy(velocityProbabilities, 0, into, 0, Velocities.BINS);
    }

    /**
     * Teacher-forced velocity, after {@link #stepLogits}: the velocity distribution for the note {@code key} given the
     * previous velocities in {@code context} (which is not changed).
     *
     * @throws IllegalStateException for a model without a velocity output
     */
    public final void velocityProbabilities(int key, Velocities.Context context, float[] out) {
        if (velocityHead == null) {
            throw new IllegalStateException(model.describe() + " has no velocity output");
        }
        Keys.checkKey(key);
        topOutput(topOutput);
        context.write(velocityFeatures, 0, key);
        velocityHead.predict(topOutput, key, velocityFeatures, velocityScratch, out);
    }

    @Override
    public void reset() {
        resetState();
        velocityContext.reset();
        lastVelocity = 0;
        Arrays.fill(velocityProbabilities, 0f);
        previousKey = FeatureEncoding.START;
        started = false;
        deltaTimeOverride = Double.NaN;
        Arrays.fill(probabilities, 0f);
    }

    @Override
    public void setSampling(Sampling sampling) {
        this.sampler = new KeySampler(sampling);
        this.velocityRandom = velocityRandom(sampling);
    }

    @Override
    public Sampling sampling() {
        return sampler.sampling();
    }

    @Override
    public void lastProbabilities(float[] into) {
        System.arraycopy(probabilities, 0, into, 0, Keys.NUM_KEYS);
    }

    @Override
    public int numButtons() {
        return numButtons;
    }

    public PianoGenieModel model() {
        return model;
    }
}
