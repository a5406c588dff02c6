package dev.pianogenie.model.engine;

import java.util.Locale;

/** Which DJL engine runs the live decoder. */
public enum DecoderEngine {
    /** The default: one graph call per press (lowest latency). */
    TENSORFLOW,
    /** The training engine, also usable live. */
    PYTORCH;

    /** The default's name, for command-line defaults (an annotation needs a constant). */
    public static final String DEFAULT_NAME = "tensorflow";

    public static DecoderEngine parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // no cause: the JDK's "No enum constant dev.pianogenie..." says nothing a player needs
            throw new IllegalArgumentException("unknown engine '" + s + "' (expected tensorflow or pytorch)");
        }
    }
}
