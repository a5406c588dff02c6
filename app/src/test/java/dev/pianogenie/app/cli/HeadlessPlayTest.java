package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.midi.sound.BuiltInSynth;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./genie play --headless} end to end: a recorded session replayed through the real decoder to the
 * loopback MIDI port, with the recording saved — in this JVM, and in a separate one stopped by a signal.
 */
class HeadlessPlayTest {
    static final long S = 1_000_000_000L;

    /** A session of {@code presses} presses, {@code gapNanos} apart, each released after 80 ms, with pedal now and then. */
    static Path session(Path dir, int presses, long gapNanos) throws Exception {
        List<String> lines = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < presses; i++) {
            int b = (i * 3) % 8;
            lines.add("{\"t_ns\": " + t + ", \"kind\": \"press\", \"button\": " + b + ", \"velocity\": " + (40 + i % 80)
                    + "}");
            if (i % 10 == 5) {
                lines.add("{\"t_ns\": " + (t + 1000) + ", \"kind\": \"pedal_down\"}");
            }
            lines.add("{\"t_ns\": " + (t + 80_000_000L) + ", \"kind\": \"release\", \"button\": " + b + "}");
            if (i % 10 == 8) {
                lines.add("{\"t_ns\": " + (t + 90_000_000L) + ", \"kind\": \"pedal_up\"}");
            }
            t += gapNanos;
        }
        Path file = dir.resolve("take" + SessionFile.EXTENSION);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static List<LoopbackMidi.Received> noteMessages() {
        return LoopbackMidi.received().stream()
                .filter(r -> r.status() == ShortMessage.NOTE_ON || r.status() == ShortMessage.NOTE_OFF)
                .toList();
    }

    @Test
    void aReplayedSessionPlaysToMidiOutAndIsRecorded(@TempDir Path dir) throws Exception {
        Path session = session(dir, 120, 100_000_000L);
        Path mid = dir.resolve("out.mid");
        LoopbackMidi.clear();
        int code = GenieCli.commandLine()
                .execute(
                        "play",
                        "--headless",
                        "--controller",
                        "replay:" + session + "@fast",
                        "--output",
                        "midi:" + LoopbackMidi.NAME,
                        "--model",
                        SharedData.tutorialModel().toString(),
                        "--seed",
                        "7",
                        "--record",
                        mid.toString());
        assertEquals(0, code);
        List<LoopbackMidi.Received> notes = noteMessages();
        long ons = notes.stream()
                .filter(r -> r.status() == ShortMessage.NOTE_ON && r.data2() > 0)
                .count();
        long offs = notes.size() - ons;
        assertEquals(120, ons, "every press reached the MIDI output");
        assertEquals(ons, offs, "and was released: nothing left sounding");
        Performance recorded = MidiFileReader.read(mid);
        assertEquals(120, recorded.notes().size());
        assertTrue(
                recorded.pedalEvents().size() >= 24,
                "the pedal was recorded: " + recorded.pedalEvents().size());
        assertTrue(
                Files.isRegularFile(dir.resolve("out" + SessionFile.EXTENSION)),
                "the button session is saved beside it");
    }

    @Test
    void withOutputNoneATakeGoesStraightToItsRecording(@TempDir Path dir) throws Exception {
        Path session = session(dir, 40, 100_000_000L);
        Path mid = dir.resolve("played.mid"); // not take.mid: its session file is the one replayed (kept, issue 29)
        int code = GenieCli.commandLine()
                .execute(
                        "play",
                        "--headless",
                        "--controller",
                        "replay:" + session + "@fast",
                        "--output",
                        "none",
                        "--model",
                        SharedData.tutorialModel().toString(),
                        "--seed",
                        "7",
                        "--record",
                        mid.toString(),
                        "--scale",
                        "Eb:major",
                        "--range",
                        "C3-C6");
        assertEquals(0, code);
        Performance take = MidiFileReader.read(mid);
        assertEquals(40, take.notes().size(), "every press recorded, no sound needed");
        for (Note n : take.notes()) {
            assertTrue(
                    dev.pianogenie.model.Scale.MAJOR.contains(n.pitch(), 3) && n.pitch() >= 48 && n.pitch() <= 84,
                    "--scale Eb:major --range C3-C6: " + n.pitch());
        }
        String header = Files.readAllLines(dir.resolve("played" + SessionFile.EXTENSION))
                .get(0);
        assertTrue(
                header.contains("\"scale\":\"Eb:major\"")
                        && header.contains("\"range\":\"C3-C6\"")
                        && header.contains("\"seed\":7")
                        && header.contains("\"temperature\":0.25"),
                "what reproduces the take: " + header);

        StringWriter refused = new StringWriter();
        CommandLine folder = GenieCli.commandLine();
        folder.setErr(new PrintWriter(refused, true));
        LoopbackMidi.clear();
        assertEquals(
                1,
                folder.execute(
                        "play",
                        "--headless",
                        "--controller",
                        "replay:" + session + "@fast",
                        "--output",
                        "midi:" + LoopbackMidi.NAME,
                        "--model",
                        SharedData.tutorialModel().toString(),
                        "--record",
                        dir.toString()));
        assertTrue(refused.toString().contains("cannot record to " + dir + ": it is a folder"), refused.toString());
        assertTrue(
                LoopbackMidi.received().isEmpty(),
                "refused before playing: nothing was played into a take that would be lost");

        StringWriter err = new StringWriter();
        CommandLine cli = GenieCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(
                1,
                cli.execute(
                        "play",
                        "--headless",
                        "--controller",
                        "replay:" + session + "@fast",
                        "--output",
                        "none",
                        "--model",
                        SharedData.tutorialModel().toString()));
        assertTrue(err.toString().contains("--record"), "nothing to hear and nothing kept is refused: " + err);
    }

    @Test
    void aRecordedTakeReplaysToTheSameNotesWithNoOptionsGivenAgain(@TempDir Path dir) throws Exception {
        Path played = session(dir, 60, 90_000_000L);
        Path first = dir.resolve("first.mid");
        String model = SharedData.tutorialModel().toString();
        // no --seed: the take gets a fresh one, written in its session file with the temperature and keys
        assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + played + "@fast",
                                "--output",
                                "none",
                                "--model",
                                model,
                                "--temperature",
                                "0.9",
                                "--scale",
                                "D:dorian",
                                "--record",
                                first.toString()));
        Path again = dir.resolve("again.mid");
        assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + dir.resolve("first" + SessionFile.EXTENSION) + "@fast",
                                "--output",
                                "none",
                                "--record",
                                again.toString()));
        List<Integer> take =
                MidiFileReader.read(first).notes().stream().map(Note::pitch).toList();
        assertEquals(60, take.size());
        assertEquals(
                take,
                MidiFileReader.read(again).notes().stream().map(Note::pitch).toList(),
                "replay means play back my take: same model, temperature, keys and seed from the session file");
    }

    @Test
    void aSignalStopsCleanlyWithEverythingReleasedAndTheRecordingSaved(@TempDir Path dir) throws Exception {
        Path session = session(dir, 600, 100_000_000L); // a minute in real time: the signal comes long before its end
        Path mid = dir.resolve("stopped.mid");
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dai.djl.offline=true",
                "-Duser.home=" + System.getProperty("user.home"),
                "-Xmx1g"));
        for (String p : List.of("pianogenie.cache", "pianogenie.shared")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                GenieCli.class.getName(),
                "play",
                "--headless",
                "--controller",
                "replay:" + session,
                "--output",
                "midi:" + LoopbackMidi.NAME,
                "--model",
                SharedData.tutorialModel().toString(),
                "--record",
                mid.toString()));
        Path log = dir.resolve("stderr.txt");
        Process genie = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + 120 * S;
            while (!Files.readString(log).contains("playing") && System.nanoTime() < deadline && genie.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(Files.readString(log).contains("playing"), Files.readString(log));
            Thread.sleep(4500); // ~45 presses
            Performance autosaved = MidiFileReader.read(mid); // what a kill -9 now would leave
            assertTrue(
                    autosaved.notes().size() >= 5,
                    "autosaved while playing: " + autosaved.notes().size());
            genie.destroy(); // SIGTERM: what Ctrl-C does when the terminal is not in raw mode (SIGINT) takes the
            // same path
            assertTrue(genie.waitFor(60, TimeUnit.SECONDS), "genie stopped");
        } finally {
            genie.destroyForcibly();
        }
        String out = Files.readString(log);
        assertTrue(out.contains("saved " + mid), out);
        Performance recorded = MidiFileReader.read(mid);
        assertTrue(
                recorded.notes().size() >= 10 && recorded.notes().size() < 600,
                "part of the session: " + recorded.notes().size());
        for (Note n : recorded.notes()) {
            assertTrue(n.durationSeconds() < 1.5, "every note ended (80 ms presses, pedal held at most ~0.4 s): " + n);
        }
        List<String> events = Files.readAllLines(dir.resolve("stopped" + SessionFile.EXTENSION));
        assertTrue(events.size() >= 2 * recorded.notes().size(), "the session up to the stop is saved too");
    }

    @Test
    void withoutASoundCardTheSynthSaysToUseAMidiOutput(@TempDir Path dir) throws Exception {
        try {
            BuiltInSynth.openLive(Optional.empty()).close();
            Assumptions.abort("this machine has a sound card: the built-in synthesizer opens");
        } catch (MidiDeviceException expected) {
            // no sound card, as on the build machines
        }
        StringWriter err = new StringWriter();
        CommandLine cli = GenieCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(
                "play",
                "--headless",
                "--controller",
                "replay:" + session(dir, 3, S) + "@fast",
                "--output",
                "synth",
                "--model",
                SharedData.tutorialModel().toString());
        assertEquals(1, code);
        assertTrue(err.toString().contains("--output midi:NAME"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void aMissingModelOrSessionIsAClearMessage(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = GenieCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String home = System.getProperty("genie.home");
        System.setProperty("genie.home", dir.toString()); // an installation without assets/model
        try {
            assertEquals(
                    1,
                    cli.execute(
                            "play",
                            "--headless",
                            "--controller",
                            "replay:x.jsonl",
                            "--output",
                            "midi:" + LoopbackMidi.NAME));
        } finally {
            if (home == null) {
                System.clearProperty("genie.home");
            } else {
                System.setProperty("genie.home", home);
            }
        }
        assertTrue(
                err.toString().contains("default model is missing")
                        && err.toString().contains("--model"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(
                1,
                cli.execute(
                        "play",
                        "--headless",
                        "--controller",
                        "replay:" + dir.resolve("none.session.jsonl"),
                        "--output",
                        "midi:" + LoopbackMidi.NAME,
                        "--model",
                        SharedData.tutorialModel().toString()));
        assertTrue(
                err.toString().contains("no session file") && err.toString().contains("none.session.jsonl"),
                err.toString());
    }
}
