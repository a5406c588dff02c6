package dev.pianogenie.app.input;

import dev.pianogenie.midi.Midi;
import dev.pianogenie.model.Keys;

/**
 * What a controller reports: a button 0..15 pressed or released (with a velocity 1..127, or {@link #NO_VELOCITY}),
 * the sustain pedal, or a reset; and a change of temperature or key list made while playing ({@code sampling},
 * only for {@link Kind#SAMPLING}: it travels with the presses so that it lands between the same two of them in
 * a take and its replay). Changes of loudness travel the same way: {@link Kind#DYNAMICS} (the new level 1..127 in
 * {@code velocity}: a slider, a gamepad trigger, the microphone's loudness) and {@link Kind#VELOCITY} (a fixed
 * velocity for presses without one in {@code velocity}, or {@link #NO_VELOCITY}: the genie's own, at the dynamics). {@code nanos} is when it happened, on the {@link System#nanoTime()} clock — taken from
 * the device's own event timestamp where it has one, not from when the event was handled.
 */
public record ButtonEvent(Kind kind, int button, int velocity, long nanos, SamplingChange sampling) {
    public static final int NO_VELOCITY = -1;

    public enum Kind {
        PRESS,
        RELEASE,
        PEDAL_DOWN,
        PEDAL_UP,
        RESET,
        SAMPLING,
        DYNAMICS,
        VELOCITY
    }

    public ButtonEvent {
        if (kind == Kind.PRESS || kind == Kind.RELEASE) {
            // any button a model may have: the performer checks it against the model played (its count can change)
            Keys.checkButton(button, Keys.MAX_BUTTONS);
        }
        if ((kind == Kind.SAMPLING) != (sampling != null)) {
            throw new IllegalArgumentException(
                    "a sampling change, and only that, carries the new sampling (" + kind + ")");
        }
        if (velocity != NO_VELOCITY && !Midi.isVelocity(velocity)) {
            throw new IllegalArgumentException("velocity must be 1..127 or none, was " + velocity);
        }
        if (kind == Kind.DYNAMICS && velocity == NO_VELOCITY) {
            throw new IllegalArgumentException("a change of dynamics needs its level 1..127");
        }
    }

    /** Any event but a sampling change. */
    public ButtonEvent(Kind kind, int button, int velocity, long nanos) {
        this(kind, button, velocity, nanos, null);
    }

    public static ButtonEvent press(int button, int velocity, long nanos) {
        return new ButtonEvent(Kind.PRESS, button, velocity, nanos);
    }

    public static ButtonEvent press(int button, long nanos) {
        return new ButtonEvent(Kind.PRESS, button, NO_VELOCITY, nanos);
    }

    public static ButtonEvent release(int button, long nanos) {
        return new ButtonEvent(Kind.RELEASE, button, NO_VELOCITY, nanos);
    }

    public static ButtonEvent pedal(boolean down, long nanos) {
        return new ButtonEvent(down ? Kind.PEDAL_DOWN : Kind.PEDAL_UP, -1, NO_VELOCITY, nanos);
    }

    public static ButtonEvent reset(long nanos) {
        return new ButtonEvent(Kind.RESET, -1, NO_VELOCITY, nanos);
    }

    public static ButtonEvent sampling(SamplingChange change, long nanos) {
        return new ButtonEvent(Kind.SAMPLING, -1, NO_VELOCITY, nanos, change);
    }

    /** The dynamics become {@code level} (1..127, see {@code Dynamics}) from the next press on. */
    public static ButtonEvent dynamics(int level, long nanos) {
        return new ButtonEvent(Kind.DYNAMICS, -1, level, nanos);
    }

    /** Presses without a velocity of their own play at {@code velocity} (1..127), or {@link #NO_VELOCITY}: the genie's own. */
    public static ButtonEvent fixedVelocity(int velocity, long nanos) {
        return new ButtonEvent(Kind.VELOCITY, -1, velocity, nanos);
    }

    /** The same event at another time (a replay, a recorder). */
    public ButtonEvent at(long time) {
        return time == nanos ? this : new ButtonEvent(kind, button, velocity, time, sampling);
    }
}
