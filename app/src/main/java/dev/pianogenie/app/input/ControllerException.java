package dev.pianogenie.app.input;

/** A controller that cannot be found, opened or read; the message names it and says what to do. */
public class ControllerException extends Exception {
    private static final long serialVersionUID = 1L;

    public ControllerException(String message) {
        super(message);
    }

    public ControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
