package dev.pianogenie.app.ui;

import java.nio.file.Path;
import java.util.Optional;

/** A line for the status area, shown whole; a problem in red; a saved file's path can be opened or copied. */
record Message(String text, boolean problem, Optional<Path> file) {
    static Message info(String text) {
        return new Message(text, false, Optional.empty());
    }

    static Message problem(String text) {
        return new Message(text, true, Optional.empty());
    }

    static Message saved(String text, Path file) {
        return new Message(text, false, Optional.of(file));
    }
}
