package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.DefaultModel;
import dev.pianogenie.files.OneLineErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./genie}: the one command line. Subcommands that belong to the app live here; {@code train} and
 * {@code eval} live in the training module and the launcher script routes them there.
 */
@Command(
        name = "genie",
        mixinStandardHelpOptions = true,
        versionProvider = GenieCli.Version.class,
        description = "Piano Genie for the desktop: improvise on 8 buttons, a neural decoder plays the 88-key piano.",
        subcommands = {
            PlayCommand.class,
            DevicesCommand.class,
            NotesCommand.class,
            DecodeCommand.class,
            RenderCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Training and evaluation: ${sys:genie.command:-./genie} train --help, ${sys:genie.command:-./genie} eval --help"
        })
public final class GenieCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(withDefaultCommand(args)));
    }

    /**
     * No subcommand means the desktop app: plain {@code ./genie}, and {@code ./genie --model DIR ...} (play's options
     * straight after the name, as the README shows for a trained model) run {@code play}.
     */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) {
            return new String[] {"play"};
        }
        boolean ownOption = java.util.List.of("-h", "--help", "-V", "--version").contains(args[0]);
        if (args[0].startsWith("-") && !ownOption) {
            String[] play = new String[args.length + 1];
            play[0] = "play";
            System.arraycopy(args, 0, play, 1, args.length);
            return play;
        }
        return args;
    }

    public static CommandLine commandLine() {
        dev.pianogenie.app.live.PianoSound.configure(); // where the default sound's samples and cache are
        CommandLine cli = new CommandLine(new GenieCli());
        cli.setCommandName(System.getProperty("genie.command", "genie")); // "piano-genie" when installed
        return OneLineErrors.install(cli);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = GenieCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "Piano Genie " + (v == null ? "(development build)" : v), "model: " + DefaultModel.describe()
            };
        }
    }
}
