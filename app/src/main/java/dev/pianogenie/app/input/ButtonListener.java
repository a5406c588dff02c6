package dev.pianogenie.app.input;

import java.util.concurrent.TimeUnit;

/** Where a button source delivers; called on the source's own thread, so it must only hand events on. */
public interface ButtonListener {
    /** A live controller's event: handed on at once, by real-time rules (it never waits for room). */
    void onEvent(ButtonEvent event);

    /**
     * An event from a source that can wait (a replay, whose every press must be played): waits up to
     * {@code timeout} for room rather than dropping it — back-pressure. Live controllers use {@link #onEvent}.
     *
     * @return false if there was no room within the timeout (nothing was handed on; offer it again)
     */
    default boolean offer(ButtonEvent event, long timeout, TimeUnit unit) throws InterruptedException {
        onEvent(event);
        return true;
    }

    /** The source's device came or went ({@code detail} says which and why). */
    default void onConnection(String source, boolean connected, String detail) {}
}
