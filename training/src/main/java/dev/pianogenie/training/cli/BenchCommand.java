package dev.pianogenie.training.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./genie bench train}: the launcher routes it here (the app's own benchmarks live in the app). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure training speed; the last line is one JSON object.",
        subcommands = {BenchTrainCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
