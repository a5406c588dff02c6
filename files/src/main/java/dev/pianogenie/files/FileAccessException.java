package dev.pianogenie.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read or written, with the true reason in a few words ("permission denied", "not a
 * regular file (a named pipe)", "no space left on device"); the message is {@code PATH: reason}.
 */
public class FileAccessException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String reason;

    public FileAccessException(Path file, String reason) {
        this(file, reason, null);
    }

    public FileAccessException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file's name (for messages that name the file themselves). */
    public String reason() {
        return reason;
    }
}
