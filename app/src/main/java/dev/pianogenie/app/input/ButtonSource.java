package dev.pianogenie.app.input;

/**
 * A controller: a gamepad, the computer keyboard, a MIDI keyboard, a microphone, a replayed session.
 * It reports timestamped button events and connection changes to one listener, from its own thread.
 */
public interface ButtonSource extends AutoCloseable {
    String name();

    /** Starts delivering events; a device that cannot be opened is a checked, specific error. */
    void start(ButtonListener listener) throws ControllerException;

    /** Stops delivering and releases the device. */
    @Override
    void close();
}
