package dev.pianogenie.app.cli;

import picocli.CommandLine;

/**
 * Turns an exception from a subcommand into one clear line for the user (and its causes), never a stack
 * trace; {@code -Dgenie.debug=true} shows the trace for bug reports.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        var err = cli.getErr();
        err.println(cli.getCommandSpec().qualifiedName() + ": " + describe(e)); // "genie bench soak: ..."
        if (Boolean.getBoolean("genie.debug")) {
            e.printStackTrace(err);
        }
        return 1;
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
