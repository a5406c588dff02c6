package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.model.Lookahead;

/**
 * A performer event handed to the UI thread (immutable); {@code lookahead} only for {@link Type#LOOKAHEAD},
 * {@code sampling} only for {@link Type#SAMPLING}; {@link Type#LOUDNESS}: the dynamics in {@code key}, the fixed
 * velocity (or none) in {@code velocity}.
 */
record UiEvent(
        Type type,
        int key,
        int button,
        int velocity,
        String text,
        long nanos,
        Lookahead lookahead,
        SamplingChange sampling) {
    enum Type {
        NOTE_ON,
        NOTE_OFF,
        BUTTON_UP,
        PEDAL_DOWN,
        PEDAL_UP,
        RESET,
        LOOKAHEAD,
        SAMPLING,
        LOUDNESS,
        CONNECTED,
        DISCONNECTED,
        PROBLEM
    }

    UiEvent(Type type, int key, int button, int velocity, String text, long nanos) {
        this(type, key, button, velocity, text, nanos, null, null);
    }
}
