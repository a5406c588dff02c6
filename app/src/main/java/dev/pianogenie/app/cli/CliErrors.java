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
        return dev.pianogenie.app.live.ErrorText.describe(e);
    }
}
