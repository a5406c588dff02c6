package dev.pianogenie.model.io;

import java.nio.file.Path;

/** A model folder or checkpoint that cannot be used; the message names the file and what is wrong. */
public class ModelFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
