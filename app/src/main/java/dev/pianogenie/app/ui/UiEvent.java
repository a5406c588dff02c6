package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.model.Lookahead;

/**
 * A performer event handed to the UI thread (immutable); {@code lookahead} only for {@link Type#LOOKAHEAD},
 * {@code sampling} only for {@link Type#SAMPLING}.
 */
record UiEvent(Type type, int key, int button, int velocity, String text, long nanos, Lookahead lookahead, SamplingChange sampling) {
    enum Type { NOTE_ON, NOTE_OFF, BUTTON_UP, PEDAL_DOWN, PEDAL_UP, RESET, LOOKAHEAD, SAMPLING, CONNECTED, DISCONNECTED, PROBLEM }

    UiEvent(Type type, int key, int button, int velocity, String text, long nanos) {
        this(type, key, button, velocity, text, nanos, null, null);
    }
}
