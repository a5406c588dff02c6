package dev.pianogenie.app.input;

/**
 * A controller: a gamepad, the computer keyboard, a MIDI keyboard, a microphone, a replayed session.
 * It reports timestamped button events and connection changes to one listener, from its own thread.
 */
public interface ButtonSource extends AutoCloseable {
    String name();

    /**
     * The model played has {@code numButtons} buttons (8 for both published models): a controller that lays its keys
     * out over the buttons (zones, a keyboard layout) follows it. Called before {@link #start}. The default does
     * nothing: the performer ignores buttons beyond the model's count.
     */
    default void useButtons(int numButtons) {}

    /** Starts delivering events; a device that cannot be opened is a checked, specific error. */
    void start(ButtonListener listener) throws ControllerException;

    /** Stops delivering and releases the device. */
    @Override
    void close();
}
