package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./genie play --headless`: a replayed session drives the decoder into a MIDI output and a recording. */
class HeadlessPlayTest {
    @Test
    void aReplayPlaysThroughMidiOutAndIsRecorded(@TempDir Path dir) throws Exception {
        Path session = Path.of("..", "docs", "demo.session.jsonl").toAbsolutePath().normalize();
        Path mid = dir.resolve("take.mid");
        LoopbackMidi.clear();
        int code = GenieCli.commandLine().execute("play", "--headless", "--controller", "replay:" + session + "@fast",
                "--output", "midi:" + LoopbackMidi.NAME, "--model", SharedData.tutorialModel().toString(),
                "--seed", "1", "--record", mid.toString());
        assertEquals(0, code);
        long presses = Files.readAllLines(session).stream().filter(l -> l.contains("\"press\"")).count();
        long noteOns = LoopbackMidi.received().stream().filter(r -> r.status() == 0x90 && r.data2() > 0).count();
        assertEquals(presses, noteOns, "every press of the session reached the MIDI output");
        Performance p = MidiFileReader.read(mid);
        assertEquals(presses, p.notes().size(), "and the recording");
        assertTrue(Files.exists(dir.resolve("take.session.jsonl")), "the button session is saved beside it");
    }
}
