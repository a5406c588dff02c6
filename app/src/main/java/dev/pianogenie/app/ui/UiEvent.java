package dev.pianogenie.app.ui;

import dev.pianogenie.model.Lookahead;

/** A performer event handed to the UI thread (immutable); {@code lookahead} only for {@link Type#LOOKAHEAD}. */
record UiEvent(Type type, int key, int button, int velocity, String text, long nanos, Lookahead lookahead) {
    enum Type { NOTE_ON, NOTE_OFF, BUTTON_UP, PEDAL_DOWN, PEDAL_UP, RESET, LOOKAHEAD, CONNECTED, DISCONNECTED, PROBLEM }

    UiEvent(Type type, int key, int button, int velocity, String text, long nanos) {
        this(type, key, button, velocity, text, nanos, null);
    }
}
