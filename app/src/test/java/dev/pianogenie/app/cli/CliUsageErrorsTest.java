package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A mistyped command line — in any subcommand, nested ones included — is one line with where the help is, exit 2. */
class CliUsageErrorsTest {

    @Test
    void anUnknownOptionIsOneLineInEverySubcommand() {
        List<String[]> paths = new ArrayList<>();
        collect(GenieCli.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 9, "play, devices, notes, decode, render, bench and its four: " + paths.size());
        for (String[] path : paths) {
            List<String> args = new ArrayList<>(List.of(path));
            args.add("--no-such-option");
            String command = "genie " + String.join(" ", path);
            // "Unknown option: '--no-such-option'", or first the missing FILE of notes and render: one line either way
            oneLine(2, command + ": ", args.toArray(String[]::new));
        }
    }

    @Test
    void missingAndBadValuesAreOneLineToo() {
        oneLine(2, "genie render: Missing required parameter: 'MIDI'", "render");
        oneLine(2, "genie notes: Missing required parameter: 'FILE'", "notes");
        oneLine(2, "genie notes: Unknown option: '--jsn'", "notes", "--jsn", "a.mid");
        oneLine(2, "genie decode: Missing required option: '--buttons", "decode");
        oneLine(
                2,
                "genie bench decoder: Missing required parameter for option '--steps'",
                "bench",
                "decoder",
                "--steps");
        oneLine(
                2,
                "genie bench latency: Invalid value for option '--presses'",
                "bench",
                "latency",
                "--presses",
                "many");
        oneLine(2, "genie play: Invalid value for option '--temperature'", "play", "--temperature", "warm");
        oneLine(2, "genie: Unmatched argument at index 0: 'pley'", "pley");
        GenieRun r = oneLine(2, "genie play: Unknown option: '--recrod'", "play", "--recrod");
        assertTrue(r.err().contains("did you mean --record?"), r.err());
    }

    private static GenieRun oneLine(int code, String start, String... args) {
        GenieRun r = GenieRun.of(args);
        String what = String.join(" ", args) + " printed:\n" + r.err();
        assertEquals(code, r.code(), what);
        assertEquals(1, r.err().lines().count(), "one line, no usage wall: " + what);
        assertTrue(r.err().startsWith(start), what);
        assertTrue(r.err().strip().endsWith("--help)"), "says where the help is: " + what);
        assertEquals("", r.out(), what);
        return r;
    }

    private static void collect(CommandLine cli, List<String> path, List<String[]> into) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            into.add(p.toArray(String[]::new));
            collect(e.getValue(), p, into);
        }
    }
}
