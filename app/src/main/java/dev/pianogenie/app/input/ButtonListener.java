package dev.pianogenie.app.input;

/** Where a button source delivers; called on the source's own thread, so it must only hand events on. */
public interface ButtonListener {
    void onEvent(ButtonEvent event);

    /** The source's device came or went ({@code detail} says which and why). */
    default void onConnection(String source, boolean connected, String detail) {
    }
}
