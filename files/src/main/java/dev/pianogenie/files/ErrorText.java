package dev.pianogenie.files;

import java.nio.file.FileSystemException;

/**
 * How every face of genie says what went wrong — the command line ({@code genie play: ...}, {@code genie train: ...})
 * and the window alike: one line from an exception and its causes, and one wording for a mistyped command line.
 */
public final class ErrorText {
    private ErrorText() {}

    /** The message of the exception and of each distinct cause, joined on one line (line breaks become spaces). */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = message(t);
            // said already: the same words, or a file error's reason ("cannot be written: permission denied")
            boolean said = previous != null
                    && (previous.contains(m)
                            || t instanceof FileSystemException f && previous.contains(InputFile.reason(f)));
            if (!said) {
                sb.append(sb.length() > 0 ? ": " : "").append(m);
            }
            previous = m;
        }
        return sb.toString().replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /**
     * What one exception says: its message; for the JDK's file errors, whose message is the bare path
     * ({@code NoSuchFileException: /x/take.mid}), the path and the reason in words ({@code /x/take.mid: no such file}).
     */
    private static String message(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + t.getMessage()
                    + "): more for Java with GENIE_JAVA_OPTS=-Xmx8g, or a smaller input";
        }
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile()) + ": "
                    + InputFile.reason(f);
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * A command line that could not be parsed (an unknown option, a missing value, a bad choice): one line naming the
     * command, what is wrong and where the help is — {@code genie play: Unknown option: '--tempo' (try genie play --help)}.
     *
     * @param command the command as typed, subcommands included ({@code genie bench decoder})
     */
    public static String usage(String command, String problem, String suggestion) {
        String line = problem.replaceAll("\\s*\\R\\s*", " ").strip();
        return command + ": " + line
                + (suggestion == null || suggestion.isBlank() ? "" : " (did you mean " + suggestion + "?)") + " (try "
                + command + " --help)";
    }
}
