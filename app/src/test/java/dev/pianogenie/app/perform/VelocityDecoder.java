package dev.pianogenie.app.perform;

import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;

/**
 * A real decoder (keys, state, sampling all its own) standing in for a model with a velocity output, until one is
 * shipped: it "predicts" each note's velocity from the key it played and the button (30 + key/2 + 4·button, 30..95
 * — higher notes and buttons louder, a shape the dynamics must keep). Only {@link #predictsVelocity} and
 * {@link #lastVelocity} are made up; everything else is the wrapped decoder's.
 */
final class VelocityDecoder implements StreamingDecoder {
    private final StreamingDecoder real;
    private int velocity;

    VelocityDecoder(StreamingDecoder real) {
        this.real = real;
    }

    static int predicted(int button, int key) {
        return 30 + key / 2 + 4 * button;
    }

    @Override
    public int numButtons() {
        return real.numButtons();
    }

    @Override
    public int next(int button, long pressNanos) {
        int key = real.next(button, pressNanos);
        velocity = predicted(button, key);
        return key;
    }

    @Override
    public boolean predictsVelocity() {
        return true;
    }

    @Override
    public int lastVelocity() {
        return velocity;
    }

    @Override
    public Lookahead lookahead(long pressNanos) {
        return real.lookahead(pressNanos);
    }

    @Override
    public void overrideDeltaTime(double seconds) {
        real.overrideDeltaTime(seconds);
    }

    @Override
    public void reset() {
        real.reset();
        velocity = 0;
    }

    @Override
    public void setSampling(Sampling sampling) {
        real.setSampling(sampling);
    }

    @Override
    public Sampling sampling() {
        return real.sampling();
    }

    @Override
    public void lastProbabilities(float[] into) {
        real.lastProbabilities(into);
    }

    @Override
    public void keepWarm() {
        real.keepWarm();
    }

    @Override
    public void close() {
        real.close();
    }
}
