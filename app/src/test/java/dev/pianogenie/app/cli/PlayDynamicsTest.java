package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.app.perform.Dynamics;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.testkit.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./genie play --headless} with dynamics, end to end through the real decoder (the tutorial checkpoint: a model
 * without a velocity output, so its fixed 80 is scaled by the dynamics): a session's changes of dynamics and fixed
 * velocity land where they fell, the recorded take replays note for note with no options given again, and bad values
 * get one line.
 */
class PlayDynamicsTest {
    static final long MS = 1_000_000L;

    /** 40 presses 100 ms apart: f from the 10th, a fixed 99 from the 20th, lifted at the 30th (at p meanwhile). */
    static Path session(Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long t = i * 100 * MS;
            if (i == 10) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"dynamics\", \"dynamics\": 96}");
            }
            if (i == 20) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"velocity\", \"velocity\": 99}");
            }
            if (i == 25) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"dynamics\", \"dynamics\": 48}");
            }
            if (i == 30) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"velocity\", \"velocity\": null}");
            }
            int b = (i * 3) % 8;
            lines.add("{\"t_ns\": " + t + ", \"kind\": \"press\", \"button\": " + b
                    + (i == 35 ? ", \"velocity\": 17" : "") + "}"); // one press from a velocity-sensitive key
            lines.add("{\"t_ns\": " + (t + 80 * MS) + ", \"kind\": \"release\", \"button\": " + b + "}");
        }
        Path file = dir.resolve("dyn" + SessionFile.EXTENSION);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static List<Integer> velocities(Path mid) throws Exception {
        return MidiFileReader.read(mid).notes().stream().map(Note::velocity).toList();
    }

    @Test
    void aTakesDynamicsAreRecordedAndReplayNoteForNote(@TempDir Path dir) throws Exception {
        String model = SharedData.tutorialModel().toString();
        Path first = dir.resolve("first.mid");
        GenieRun run = GenieRun.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + session(dir) + "@fast",
                "--output",
                "none",
                "--model",
                model,
                "--dynamics",
                "pp",
                "--record",
                first.toString());
        assertEquals(0, run.code(), run.err());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(i == 35 ? 17 : i < 10 ? Dynamics.PP : i < 20 ? 96 : i < 30 ? 99 : 48);
        }
        List<Integer> played = velocities(first);
        assertEquals(
                expected, played, "pp, then f, then fixed 99 (p set meanwhile), then p; a key's own velocity played");
        Path firstSession = dir.resolve("first" + SessionFile.EXTENSION);
        String header = Files.readAllLines(firstSession).get(0);
        assertTrue(
                header.contains("\"genie_session\":2")
                        && header.contains("\"dynamics\":32")
                        && header.contains("\"key_velocity\":\"play\"")
                        && !header.contains("\"velocity\""),
                header);
        List<String> lines = Files.readAllLines(firstSession);
        assertEquals(
                2,
                lines.stream().filter(l -> l.contains("\"kind\": \"dynamics\"")).count(),
                "the take's own changes, no more: the" + " setup is in the header, never an event of the take");
        assertEquals(
                2,
                lines.stream().filter(l -> l.contains("\"kind\": \"velocity\"")).count());

        Path again = dir.resolve("again.mid");
        GenieRun replay = GenieRun.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + firstSession + "@fast",
                "--output",
                "none",
                "--record",
                again.toString());
        assertEquals(0, replay.code(), replay.err());
        assertEquals(played, velocities(again), "the take's own dynamics, with no options given again");
        assertEquals(
                MidiFileReader.read(first).notes().stream().map(Note::pitch).toList(),
                MidiFileReader.read(again).notes().stream().map(Note::pitch).toList());

        Path fixed = dir.resolve("fixed.mid");
        GenieRun chosen = GenieRun.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + firstSession + "@fast",
                "--output",
                "none",
                "--velocity",
                "64",
                "--record",
                fixed.toString());
        assertEquals(0, chosen.code(), chosen.err());
        List<Integer> v = velocities(fixed);
        assertEquals(
                List.of(64, 64, 99, 48),
                List.of(v.get(0), v.get(10), v.get(20), v.get(30)),
                "the command line's --velocity where the take starts (fixed: the f does not move it), then the take's own"
                        + " changes where they fell");
    }

    @Test
    void badDynamicsAndSessionValuesGetOneLine(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"fff", "0", "200", "loud"}) {
            GenieRun run = GenieRun.of("play", "--headless", "--output", "none", "--dynamics", bad);
            assertTrue(run.code() != 0, bad);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("--dynamics must be pp, p, mp, mf, f, ff or 1..127, was"), run.err());
        }
        GenieRun mode = GenieRun.of("play", "--headless", "--output", "none", "--key-velocity", "hard");
        assertTrue(
                mode.code() != 0
                        && mode.err().strip().lines().count() == 1
                        && mode.err().contains("--key-velocity must be play or dynamics"),
                mode.err());
        String[][] lines = {
            {"{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1, \"velocity\": 0}", "\"velocity\" must be 1..127, was 0"
            },
            {
                "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1, \"velocity\": 200}",
                "\"velocity\" must be 1..127, was 200"
            },
            {"{\"t_ns\": 0, \"kind\": \"dynamics\", \"dynamics\": 128}", "\"dynamics\" must be 1..127, was 128"},
            {"{\"t_ns\": 0, \"kind\": \"dynamics\"}", "\"dynamics\" is missing"},
            {"{\"t_ns\": 0, \"kind\": \"velocity\", \"velocity\": 200}", "\"velocity\" must be 1..127, was 200"},
            {"{\"genie_session\": 2, \"dynamics\": 0}", "\"dynamics\" must be 1..127, was 0"},
            {"{\"genie_session\": 2, \"key_velocity\": \"loud\"}", "\"key_velocity\" must be play or dynamics"},
            {"{\"genie_session\": 3}", "session format 3 is not one this version reads (1 to 2)"},
        };
        for (String[] c : lines) {
            Path file = dir.resolve("bad" + SessionFile.EXTENSION);
            Files.writeString(file, c[0] + "\n");
            GenieRun run = GenieRun.of(
                    "play",
                    "--headless",
                    "--controller",
                    "replay:" + file + "@fast",
                    "--output",
                    "none",
                    "--model",
                    SharedData.tutorialModel().toString(),
                    "--record",
                    dir.resolve("x.mid").toString());
            assertEquals(1, run.code(), c[0]);
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(file + " line 1: " + c[1]), c[0] + " -> " + run.err());
            assertTrue(!Files.exists(dir.resolve("x.mid")), "nothing recorded");
        }
    }
}
