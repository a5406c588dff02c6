package dev.pianogenie.app.ui;

/** A performer event handed to the UI thread (immutable). */
record UiEvent(Type type, int key, int button, int velocity, String text, long nanos) {
    enum Type { NOTE_ON, NOTE_OFF, BUTTON_UP, PEDAL_DOWN, PEDAL_UP, RESET, CONNECTED, DISCONNECTED, PROBLEM }
}
