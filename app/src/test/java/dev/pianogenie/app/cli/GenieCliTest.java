package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Plain ./genie and ./genie --model DIR start the app (play); anything else goes as given. */
class GenieCliTest {
    @Test
    void playIsTheDefaultCommand() {
        assertArrayEquals(new String[] {"play"}, GenieCli.withDefaultCommand(new String[0]));
        assertArrayEquals(
                new String[] {"play", "--model", "runs/mine"},
                GenieCli.withDefaultCommand(new String[] {"--model", "runs/mine"}));
        assertArrayEquals(new String[] {"--help"}, GenieCli.withDefaultCommand(new String[] {"--help"}));
        assertArrayEquals(
                new String[] {"notes", "a.mid"}, GenieCli.withDefaultCommand(new String[] {"notes", "a.mid"}));
    }
}
