package dev.pianogenie.training.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Errors of {@code train}, {@code eval} and {@code bench train} as one line ({@code genie train: ...}) and exit code
 * 1 — a bad option value (2), a missing folder, a damaged checkpoint, a full disk — never a stack trace;
 * {@code -Dgenie.debug=true} adds the trace for bug reports.
 */
final class TrainingErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int USAGE = 2;

    static CommandLine install(CommandLine cli) {
        TrainingErrors handler = new TrainingErrors();
        return cli.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println(prefix(cli) + describe(e));
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
        err.println(prefix(cli) + e.getMessage() + " (see --help)");
        err.flush();
        return USAGE;
    }

    private static String prefix(CommandLine cli) {
        StringBuilder name = new StringBuilder();
        for (CommandLine c = cli; c != null; c = c.getParent()) {
            name.insert(0, c.getCommandName() + (name.length() > 0 ? " " : ""));
        }
        return name + ": ";
    }

    /** The message of the exception and of each distinct cause, joined on one line. */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        String previous = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (previous == null || !previous.contains(m)) {
                sb.append(sb.length() > 0 ? ": " : "").append(m);
            }
            previous = m;
        }
        return sb.toString().replace('\n', ' ');
    }
}
