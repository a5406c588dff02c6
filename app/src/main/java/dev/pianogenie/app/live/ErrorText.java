package dev.pianogenie.app.live;

/** One line for the player from an exception and its causes: the command line and the window say it the same way. */
public final class ErrorText {
    private ErrorText() {
    }

    /** The message of the exception and of each distinct cause, joined. */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (previous == null || !previous.contains(m)) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m);
            }
            previous = m;
        }
        return sb.toString();
    }
}
