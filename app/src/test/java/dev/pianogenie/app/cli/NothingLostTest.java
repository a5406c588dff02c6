package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29, the player's work kept: a long replay as fast as possible plays every press (the replay waits for room
 * in the performer's queue), and recording never writes over a take or the session being replayed.
 */
class NothingLostTest {

    /** {@code presses} presses and as many releases, 30 ms apart: twice the events. */
    static Path session(Path file, int presses) throws Exception {
        List<String> lines = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < presses; i++) {
            int b = (i * 5 + i / 7) % 8;
            lines.add("{\"t_ns\": " + t + ", \"kind\": \"press\", \"button\": " + b + "}");
            lines.add("{\"t_ns\": " + (t + 20_000_000L) + ", \"kind\": \"release\", \"button\": " + b + "}");
            t += 30_000_000L;
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static List<Integer> pitches(Path mid) throws Exception {
        return MidiFileReader.read(mid).notes().stream().map(Note::pitch).toList();
    }

    static int play(Path session, Path record, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "play",
                "--headless",
                "--controller",
                "replay:" + session + "@fast",
                "--output",
                "none",
                "--model",
                SharedData.tutorialModel().toString(),
                "--seed",
                "5",
                "--record",
                record.toString()));
        args.addAll(List.of(more));
        return GenieCli.commandLine().execute(args.toArray(String[]::new));
    }

    /** Was: past ≈ 4,096 queued events the performer dropped presses ("too many events at once"): 2,500 gave 2,080. */
    @Test
    void aTenThousandEventSessionReplaysFastToExactlyItsFiveThousandPressesTwiceTheSame(@TempDir Path dir)
            throws Exception {
        Path s = session(dir.resolve("long" + SessionFile.EXTENSION), 5000);
        assertEquals(10_000, Files.readAllLines(s).size());
        Path a = dir.resolve("a.mid");
        Path b = dir.resolve("b.mid");
        assertEquals(0, play(s, a));
        assertEquals(0, play(s, b));
        List<Integer> first = pitches(a);
        assertEquals(5000, first.size(), "every press became a note");
        assertEquals(first, pitches(b), "the same session and seed: the same take");
        assertEquals(
                10_000,
                Files.readAllLines(dir.resolve("a" + SessionFile.EXTENSION)).stream()
                        .filter(l -> l.contains("\"press\"") || l.contains("\"release\""))
                        .count(),
                "and the take's session holds every press and release again");
    }

    /** Was: replaying take.session.jsonl while recording to take.mid cut the session being replayed. */
    @Test
    void recordingOverTheSessionBeingReplayedLeavesItWhole(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        assertEquals(0, play(session(dir.resolve("first" + SessionFile.EXTENSION), 300), take));
        Path replayed = dir.resolve("take" + SessionFile.EXTENSION);
        byte[] sessionBefore = Files.readAllBytes(replayed);
        byte[] midBefore = Files.readAllBytes(take);
        Files.delete(take); // only the session left: still not to be written over
        assertEquals(0, play(replayed, take));
        assertArrayEquals(
                sessionBefore, Files.readAllBytes(replayed), "the replayed session is byte for byte as it was");
        assertFalse(Files.exists(take), "the take went elsewhere");
        assertEquals(300, pitches(dir.resolve("take-2.mid")).size(), "to take-2.mid, whole");
        assertTrue(Files.exists(dir.resolve("take-2" + SessionFile.EXTENSION)));
        // and with both there, a third run goes past both
        Files.write(take, midBefore);
        assertEquals(0, play(replayed, take));
        assertArrayEquals(midBefore, Files.readAllBytes(take));
        assertArrayEquals(sessionBefore, Files.readAllBytes(replayed));
        assertEquals(300, pitches(dir.resolve("take-3.mid")).size());
    }

    /** Was: --record FILE.mid replaced an existing take and its session without a word. */
    @Test
    void recordingToAnExistingTakeNumbersPastItAndSaysSo(@TempDir Path dir) throws Exception {
        Path s = session(dir.resolve("s" + SessionFile.EXTENSION), 40);
        Path take = dir.resolve("mine.mid");
        assertEquals(0, play(s, take));
        byte[] mid = Files.readAllBytes(take);
        byte[] session = Files.readAllBytes(dir.resolve("mine" + SessionFile.EXTENSION));
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, play(s, take, "--temperature", "0.5"));
        } finally {
            System.setErr(err);
        }
        assertArrayEquals(mid, Files.readAllBytes(take), "the first take is byte for byte as it was");
        assertArrayEquals(session, Files.readAllBytes(dir.resolve("mine" + SessionFile.EXTENSION)));
        assertEquals(40, pitches(dir.resolve("mine-2.mid")).size());
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("recording to mine-2.mid instead"), said.toString());
    }

    /** Was: --record x.wav and --record x.session.jsonl wrote a MIDI file under those names. */
    @Test
    void aTakeNamedLikeAnotherKindOfFileIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path s = session(dir.resolve("s" + SessionFile.EXTENSION), 10);
        for (String name : new String[] {"x.wav", "x" + SessionFile.EXTENSION, "x.txt"}) {
            GenieRun run = GenieRun.of(
                    "play",
                    "--headless",
                    "--controller",
                    "replay:" + s + "@fast",
                    "--output",
                    "none",
                    "--model",
                    SharedData.tutorialModel().toString(),
                    "--record",
                    dir.resolve(name).toString());
            assertEquals(1, run.code(), name);
            assertTrue(
                    run.err().contains("a take is saved as a MIDI file")
                            && run.err().contains("x.mid"),
                    run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(Files.exists(dir.resolve(name)), name + " was not written");
        }
    }

    static String stderrOf(Runnable run) {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(err);
        }
        return said.toString(StandardCharsets.UTF_8);
    }

    /** Was: with the take's model folder gone the replay played the default model without a word. */
    @Test
    void aReplayThroughAnotherModelThanTheTakesSaysWhichPlays(@TempDir Path dir) throws Exception {
        Path model = Files.createDirectories(dir.resolve("my-model"));
        try (var files = Files.list(SharedData.tutorialModel())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Path s = session(dir.resolve("s" + SessionFile.EXTENSION), 20);
        assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + s + "@fast",
                                "--output",
                                "none",
                                "--model",
                                model.toString(),
                                "--record",
                                dir.resolve("take.mid").toString()));
        Path take = dir.resolve("take" + SessionFile.EXTENSION);
        String same = stderrOf(() -> assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + take + "@fast",
                                "--output",
                                "none",
                                "--record",
                                dir.resolve("again.mid").toString())));
        assertFalse(same.contains("not the take's model"), "its own model: nothing to say: " + same);

        try (var files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(model);
        int[] code = new int[1];
        String home = System.getProperty("genie.home");
        System.setProperty(
                "genie.home", Path.of("..").toAbsolutePath().normalize().toString()); // the shipped model's
        String gone;
        try {
            gone = stderrOf(() -> code[0] = GenieCli.commandLine()
                    .execute(
                            "play",
                            "--headless",
                            "--controller",
                            "replay:" + take + "@fast",
                            "--output",
                            "none",
                            "--record",
                            dir.resolve("gone.mid").toString()));
        } finally {
            if (home == null) {
                System.clearProperty("genie.home");
            } else {
                System.setProperty("genie.home", home);
            }
        }
        assertEquals(0, code[0], gone);
        assertTrue(
                gone.contains("not the take's model")
                        && gone.contains(model + ", which is gone")
                        && gone.contains("with Piano Genie"),
                "says which model plays and that it is not the take's: " + gone);
    }
}
