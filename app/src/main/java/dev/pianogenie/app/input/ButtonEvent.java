package dev.pianogenie.app.input;

import dev.pianogenie.midi.Midi;
import dev.pianogenie.model.Keys;

/**
 * What a controller reports: a button 0..7 pressed or released (with a velocity 1..127, or {@link #NO_VELOCITY}),
 * the sustain pedal, or a reset; and a change of temperature or key list made while playing ({@code sampling},
 * only for {@link Kind#SAMPLING}: it travels with the presses so that it lands between the same two of them in
 * a take and its replay). {@code nanos} is when it happened, on the {@link System#nanoTime()} clock — taken from
 * the device's own event timestamp where it has one, not from when the event was handled.
 */
public record ButtonEvent(Kind kind, int button, int velocity, long nanos, SamplingChange sampling) {
    public static final int NO_VELOCITY = -1;

    public enum Kind { PRESS, RELEASE, PEDAL_DOWN, PEDAL_UP, RESET, SAMPLING }

    public ButtonEvent {
        if (kind == Kind.PRESS || kind == Kind.RELEASE) {
            Keys.checkButton(button);
        }
        if ((kind == Kind.SAMPLING) != (sampling != null)) {
            throw new IllegalArgumentException("a sampling change, and only that, carries the new sampling (" + kind + ")");
        }
        if (velocity != NO_VELOCITY && !Midi.isVelocity(velocity)) {
            throw new IllegalArgumentException("velocity must be 1..127 or none, was " + velocity);
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

    /** The same event at another time (a replay, a recorder). */
    public ButtonEvent at(long time) {
        return time == nanos ? this : new ButtonEvent(kind, button, velocity, time, sampling);
    }
}
