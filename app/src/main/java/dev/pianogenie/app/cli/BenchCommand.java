package dev.pianogenie.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./genie bench ...}: benchmarks that print their figures (warm-up, many iterations, percentiles),
 * the last line of each one JSON object. Speed targets are checked here, never in timed unit tests.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure speed and latency; the last line of each benchmark is one JSON object.",
        subcommands = {
            BenchDecoderCommand.class,
            BenchLatencyCommand.class,
            BenchSoakCommand.class,
            BenchMidiCommand.class,
            BenchSoundCommand.class
        },
        footer = {
            "",
            "Training speed: ./genie bench train [--steps N] [--batch B] (steps/s and ms per phase of a"
                    + " training step; ./genie bench train --help)"
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
