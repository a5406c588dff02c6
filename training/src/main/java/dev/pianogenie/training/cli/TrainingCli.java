package dev.pianogenie.training.cli;

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
        System.exit(new CommandLine(new TrainingCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
