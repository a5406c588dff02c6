package dev.pianogenie.model.engine;

import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.KeySampler;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import java.util.Arrays;

/**
 * What every engine's decoder shares: ΔT from press timestamps, the previous key, feature encoding, sampling
 * and the last probabilities. An engine supplies one step — input row in, 88 logits out, state carried —
 * and the zero state. State is replaced only when a step succeeds.
 */
public abstract class BaseStreamingDecoder implements StreamingDecoder {
    protected final PianoGenieModel model;
    private final FeatureEncoding encoding;
    private final float[] input;
    private final float[] logits = new float[Keys.NUM_KEYS];
    private final float[] probabilities = new float[Keys.NUM_KEYS];
    private volatile KeySampler sampler;
    private int previousKey = FeatureEncoding.START;
    private long previousPressNanos;
    private boolean started;

    protected BaseStreamingDecoder(PianoGenieModel model, Sampling sampling) {
        this.model = model;
        this.encoding = model.config().encoding();
        this.input = new float[encoding.decoderWidth()];
        this.sampler = new KeySampler(sampling);
    }

    /** One engine step: {@code input} (decoderWidth) → {@code logitsOut} (88); carries the LSTM state. */
    protected abstract void step(float[] input, float[] logitsOut);

    /** Back to the zero LSTM state. */
    protected abstract void resetState();

    /** Builds and runs one step, then resets: so the first real press does not pay for graph or JIT warm-up. */
    protected final void warmUp() {
        for (int i = 0; i < 3; i++) {
            stepLogits(0, FeatureEncoding.START, FeatureEncoding.FIRST_NOTE_DT, logits);
        }
        reset();
    }

    @Override
    public int next(int button, long pressNanos) {
        Keys.checkButton(button);
        double dt;
        if (!started) {
            dt = FeatureEncoding.FIRST_NOTE_DT;
        } else {
            if (pressNanos < previousPressNanos) {
                throw new IllegalArgumentException("press times must not go backwards: " + pressNanos + " ns after "
                        + previousPressNanos + " ns");
            }
            dt = (pressNanos - previousPressNanos) / 1e9;
        }
        stepLogits(button, previousKey, dt, logits);
        int key = sampler.pick(logits, probabilities);
        previousKey = key;
        previousPressNanos = pressNanos;
        started = true;
        return key;
    }

    /**
     * Teacher-forced step: the logits for a press given the previous key (or {@link FeatureEncoding#START})
     * and ΔT; the LSTM state advances, the sampler is not used.
     */
    public final void stepLogits(int button, int prevKey, double dtSeconds, float[] logitsOut) {
        encoding.encodeDecoderInput(input, 0, button, prevKey, dtSeconds);
        step(input, logitsOut);
    }

    @Override
    public void reset() {
        resetState();
        previousKey = FeatureEncoding.START;
        started = false;
        Arrays.fill(probabilities, 0f);
    }

    @Override
    public void setSampling(Sampling sampling) {
        this.sampler = new KeySampler(sampling);
    }

    @Override
    public Sampling sampling() {
        return sampler.sampling();
    }

    @Override
    public void lastProbabilities(float[] into) {
        System.arraycopy(probabilities, 0, into, 0, Keys.NUM_KEYS);
    }

    public PianoGenieModel model() {
        return model;
    }
}
