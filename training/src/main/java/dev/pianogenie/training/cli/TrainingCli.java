package dev.pianogenie.training.cli;

import dev.pianogenie.files.OneLineErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./genie train} and {@code ./genie eval}: the launcher routes these two here. */
@Command(
        name = "genie",
        mixinStandardHelpOptions = true,
        description = "Train and evaluate Piano Genie models.",
        subcommands = {TrainCommand.class, EvalCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class TrainingCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // plots are drawn off-screen
        String note = NativeEnvironment.warning();
        if (note != null && args.length > 0 && !args[args.length - 1].equals("--help")) {
            System.err.println(note);
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-line errors (in-process tests use this too). */
    public static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new TrainingCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setCommandName(System.getProperty("genie.command", "genie"))); // "piano-genie" when installed
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
