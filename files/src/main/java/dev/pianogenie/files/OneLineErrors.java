package dev.pianogenie.files;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * What goes wrong in a command, said in one clear line ({@code genie train: ...}), never a stack trace or a usage
 * wall: an exception from a subcommand (and its causes) exits {@link #FAILED}; a command line that cannot be parsed
 * (unknown option, missing value, bad number) exits {@link #USAGE} with where the help is. Worded by
 * {@link ErrorText}; {@code -Dgenie.debug=true} adds the trace for bug reports. The app's and the trainer's commands
 * install the same handler.
 */
public final class OneLineErrors
        implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final int FAILED = 1;
    private static final int USAGE = 2;

    private OneLineErrors() {}

    /** Installs both handlers on a command line (its subcommands inherit them). */
    public static CommandLine install(CommandLine cli) {
        OneLineErrors handler = new OneLineErrors();
        return cli.setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .setExecutionStrategy(OneLineErrors::execute);
    }

    /**
     * Runs the command; running out of memory (an input or an option too big for this heap) comes back to the
     * handler like any failure, to be said in one line — picocli hands Errors on as they are, a stack trace.
     */
    static int execute(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            CommandLine.ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            throw new CommandLine.ExecutionException(last.commandSpec().commandLine(), ErrorText.describe(e), e);
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println(cli.getCommandSpec().qualifiedName() + ": " + ErrorText.describe(e)); // "genie bench soak: ..."
        if (Boolean.getBoolean("genie.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String suggestion = e instanceof CommandLine.UnmatchedArgumentException u
                        && !u.getSuggestions().isEmpty()
                ? String.join(" or ", u.getSuggestions())
                : null;
        err.println(ErrorText.usage(cli.getCommandSpec().qualifiedName(), e.getMessage(), suggestion));
        if (Boolean.getBoolean("genie.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }
}
