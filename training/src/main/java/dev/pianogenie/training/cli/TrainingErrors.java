package dev.pianogenie.training.cli;

import dev.pianogenie.files.ErrorText;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Errors of {@code train}, {@code eval} and {@code bench train} as one line ({@code genie train: ...}) and exit code
 * 1 — a missing folder, a damaged checkpoint, a full disk — or 2 for a command line that cannot be parsed, never a
 * stack trace; worded by {@link ErrorText} as the app's commands are; {@code -Dgenie.debug=true} adds the trace.
 */
final class TrainingErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;

    static CommandLine install(CommandLine cli) {
        TrainingErrors handler = new TrainingErrors();
        return cli.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler)
                .setExecutionStrategy(TrainingErrors::execute);
    }

    /** Runs the command; running out of memory comes back to the handler to be said in one line (as the app's CliErrors). */
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
        err.println(cli.getCommandSpec().qualifiedName() + ": " + ErrorText.describe(e));
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
        String suggestion = e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                ? String.join(" or ", u.getSuggestions()) : null;
        err.println(ErrorText.usage(cli.getCommandSpec().qualifiedName(), e.getMessage(), suggestion));
        err.flush();
        return USAGE;
    }
}
