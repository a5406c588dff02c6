package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.testkit.LoopbackMidi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./genie devices} names the fold each connected MIDI input gets: the default, then what was learnt. */
class DevicesFoldTest {
    @TempDir
    Path config;

    @AfterEach
    void forget() {
        System.clearProperty("pianogenie.config");
    }

    static String devices() {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, GenieCli.commandLine().execute("devices"));
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachMidiInputIsListedWithItsFold() throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        String first = devices();
        assertTrue(
                first.contains("  " + LoopbackMidi.NAME
                        + ": every key, C3..C5 in 8 zones from C3 E3 G3 A#3 C#4 E4 G4 A#4" + " (nothing learnt yet)"),
                first);
        MidiKeyMapping.rows(11, 18, 21).save(LoopbackMidi.NAME);
        String learnt = devices();
        assertTrue(
                learnt.contains("  " + LoopbackMidi.NAME + ": pad rows: 8 pads a row, one row every 10 notes"), learnt);
        assertTrue(learnt.contains("(learnt)"), learnt);
    }
}
