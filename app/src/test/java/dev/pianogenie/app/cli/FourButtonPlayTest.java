package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.model.Keys;
import dev.pianogenie.testkit.LoopbackMidi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-button model in headless play and sessions: a take of its 4 buttons plays through the real decoder to the
 * loopback MIDI port, is recorded with {@code "buttons": 4} and replays to the same notes; an 8-button take is
 * refused against it in one line; {@code decode} takes the model's count. The model: the tutorial's real weights
 * with a config of 4 buttons (the shapes do not depend on the count; the training module's ButtonCountTrainingTest
 * trains a 4-button model from scratch).
 */
class FourButtonPlayTest {

    static Path fourButtonModel(Path dir) throws Exception {
        return FourButtonModel.write(dir.resolve("four-buttons"));
    }

    /** A take of 4 buttons, rising and falling, with the header a 4-button model writes. */
    static Path fourButtonTake(Path dir, int presses) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("{\"genie_session\": " + SessionFile.FORMAT + ", \"model\": \"four\", \"buttons\": 4}");
        long t = 0;
        for (int i = 0; i < presses; i++) {
            int b = i % 6 < 4 ? i % 6 : 6 - i % 6; // 0 1 2 3 2 1 0 1 ...
            lines.add("{\"t_ns\": " + t + ", \"kind\": \"press\", \"button\": " + b + "}");
            lines.add("{\"t_ns\": " + (t + 80_000_000L) + ", \"kind\": \"release\", \"button\": " + b + "}");
            t += 120_000_000L;
        }
        Path file = dir.resolve("four" + SessionFile.EXTENSION);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aFourButtonTakePlaysIsRecordedWithItsCountAndReplays(@TempDir Path dir) throws Exception {
        Path model = fourButtonModel(dir);
        Path take = fourButtonTake(dir, 48);
        Path mid = dir.resolve("played.mid");
        LoopbackMidi.clear();
        GenieRun run = GenieRun.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + take + "@fast",
                "--output",
                "midi:" + LoopbackMidi.NAME,
                "--model",
                model.toString(),
                "--seed",
                "7",
                "--record",
                mid.toString());
        assertEquals(0, run.code(), run.err());
        List<LoopbackMidi.Received> ons = LoopbackMidi.received().stream()
                .filter(r -> r.status() == ShortMessage.NOTE_ON && r.data2() > 0)
                .toList();
        assertEquals(48, ons.size(), "every press of the 4 buttons reached the MIDI output");
        ons.forEach(r -> assertTrue(Keys.isOnPiano(r.data1()), "a piano pitch: " + r.data1()));

        Path recorded = dir.resolve("played" + SessionFile.EXTENSION);
        String header = Files.readAllLines(recorded).get(0);
        assertTrue(header.contains("\"buttons\":4"), "the take says its model's count: " + header);
        List<Integer> pitches =
                MidiFileReader.read(mid).notes().stream().map(Note::pitch).toList();
        assertEquals(48, pitches.size());

        Path again = dir.resolve("again.mid");
        GenieRun replay = GenieRun.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + recorded + "@fast",
                "--output",
                "none",
                "--record",
                again.toString());
        assertEquals(0, replay.code(), replay.err());
        assertEquals(
                pitches,
                MidiFileReader.read(again).notes().stream().map(Note::pitch).toList(),
                "the recorded 4-button take replays to the same notes (its model and seed from the header)");
    }

    @Test
    void anEightButtonTakeIsRefusedAgainstAFourButtonModelInOneLine(@TempDir Path dir) throws Exception {
        Path model = fourButtonModel(dir);
        Path eight = HeadlessPlayTest.session(dir, 20, 100_000_000L); // no header: a take of 8 buttons
        LoopbackMidi.clear();
        GenieRun run = GenieRun.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + eight + "@fast",
                "--output",
                "midi:" + LoopbackMidi.NAME,
                "--model",
                model.toString());
        assertEquals(1, run.code());
        String err = run.err().strip();
        assertTrue(err.contains("the take was played with 8 buttons, the model has 4"), err);
        assertFalse(err.contains("\n") || err.contains("Exception"), "one line: " + err);
        assertTrue(
                LoopbackMidi.received().stream().noneMatch(r -> r.status() == ShortMessage.NOTE_ON), "nothing played");
    }

    @Test
    void decodeTakesTheModelsCount(@TempDir Path dir) throws Exception {
        Path model = fourButtonModel(dir);
        GenieRun ok = GenieRun.of("decode", "--model", model.toString(), "--buttons", "0,1,2,3", "--json");
        assertEquals(0, ok.code(), ok.err());
        var json = ok.json();
        assertEquals(4, json.get("keys").size());
        json.get("lookahead").forEach(row -> assertEquals(4, row.size(), "one look-ahead key per button of the model"));
        GenieRun refused = GenieRun.of("decode", "--model", model.toString(), "--buttons", "0,1,4");
        assertEquals(1, refused.code());
        assertEquals(
                "button must be 0..3 (the model has 4 buttons), was 4",
                refused.err().strip().replaceFirst("^genie decode: ", ""));
    }
}
