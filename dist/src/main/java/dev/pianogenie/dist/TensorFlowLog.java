package dev.pianogenie.dist;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * TensorFlow's native code prints info lines to stderr at load time ("oneDNN custom operations are on", CPU
 * features) unless the environment variable {@code TF_CPP_MIN_LOG_LEVEL} says otherwise. {@code ./genie} sets it in
 * the shell; the installed launcher is a native binary that cannot, so it is set here, in this process's own
 * environment (C {@code setenv} through JNA, already on the classpath for DJL), before TensorFlow is loaded.
 */
final class TensorFlowLog {
    static final String VARIABLE = "TF_CPP_MIN_LOG_LEVEL";
    static final String WARNINGS = "2";

    private TensorFlowLog() {}

    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /** Unless the user chose a level: warnings and errors only. Best effort: a failure only leaves the info lines. */
    static void warningsAndErrorsOnly() {
        if (System.getenv(VARIABLE) != null
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows")) {
            return;
        }
        setIfUnset(VARIABLE, WARNINGS);
    }

    /** C's setenv without overwriting; false if it could not be called. */
    static boolean setIfUnset(String name, String value) {
        try {
            return libc().setenv(name, value, 0) == 0;
        } catch (RuntimeException | LinkageError e) {
            return false; // no JNA dispatch library for this platform: TensorFlow stays talkative, nothing else changes
        }
    }

    static LibC libc() {
        return Native.load("c", LibC.class);
    }
}
