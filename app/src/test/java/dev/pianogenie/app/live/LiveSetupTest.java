package dev.pianogenie.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.KeyVelocity;
import dev.pianogenie.app.input.replay.SessionHeader;
import dev.pianogenie.app.live.LiveSetup.Choice;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.model.PitchRange;
import dev.pianogenie.model.RootedScale;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.Scale;
import dev.pianogenie.model.engine.DecoderEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line becomes one setup; unwritable record targets are found before playing; a failed save is rescued. */
class LiveSetupTest {

    @Test
    void everyPlayOptionLandsInTheSetup() {
        LiveSetup d = PlayCommand.setupFrom();
        assertEquals(LiveSetup.defaults(), d, "no options: the defaults, nothing chosen");
        assertEquals(Sampling.DEFAULT_TEMPERATURE, d.temperature());
        LiveSetup s = PlayCommand.setupFrom(
                "--model",
                "m",
                "--engine",
                "pytorch",
                "--temperature",
                "0.6",
                "--scale",
                "F#:blues",
                "--range",
                "C3-C6",
                "--seed",
                "9",
                "--velocity",
                "100",
                "--dynamics",
                "f",
                "--key-velocity",
                "dynamics",
                "--output",
                "midi:Some Port@10",
                "--output",
                "synth",
                "--controller",
                "gamepad:Xbox",
                "--controller",
                "replay:t.session.jsonl@fast",
                "--record",
                "x.mid");
        assertEquals(
                new LiveSetup(
                        Optional.of(Path.of("m")),
                        DecoderEngine.PYTORCH,
                        0.6,
                        new KeyChoice(new RootedScale(Scale.BLUES, 6), new PitchRange(48, 84)),
                        OptionalLong.of(9),
                        OptionalInt.of(100),
                        96,
                        KeyVelocity.DYNAMICS,
                        List.of(
                                new OutputSpec(OutputSpec.Kind.MIDI, Optional.empty(), "Some Port", 10),
                                OutputSpec.SYNTH),
                        List.of(
                                new ControllerSpec(ControllerSpec.Kind.GAMEPAD, "Xbox", -1, false),
                                new ControllerSpec(ControllerSpec.Kind.REPLAY, "t.session.jsonl", -1, true)),
                        Optional.of(Path.of("x.mid")),
                        Set.of(Choice.values())),
                s);
        assertEquals("midi:Some Port@10", s.outputs().get(0).toString(), "specs print back as given");
        for (String[] bad : new String[][] {
            {"--scale", "C:lydian"},
            {"--range", "C7-C3"},
            {"--output", "speaker"},
            {"--controller", "joystick"},
            {"--temperature", "2"},
            {"--velocity", "0"},
            {"--dynamics", "fff"},
            {"--dynamics", "0"},
            {"--dynamics", "128"},
            {"--key-velocity", "loud"},
            {"--output", "midi:X@17"},
            {"--scale", "C:major", "--range", "C#4-C#4"}
        }) {
            var e = assertThrows(
                    IllegalArgumentException.class, () -> PlayCommand.setupFrom(bad), String.join(" ", bad));
            assertTrue(e.getMessage().length() > 20 && !e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    void aReplayedTakeBringsItsOwnSettingsUnlessTheCommandLineChoseOthers(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("t.session.jsonl");
        dev.pianogenie.app.input.replay.SessionFile.write(
                session,
                Optional.of(new SessionHeader(
                        "M",
                        Optional.of(dir),
                        Optional.empty(),
                        Optional.of("pytorch"),
                        OptionalDouble.of(0.7),
                        Optional.of("A:minor-pentatonic"),
                        Optional.of("A2-A5"),
                        OptionalLong.of(5),
                        OptionalInt.of(64),
                        OptionalInt.empty(),
                        Optional.empty(),
                        OptionalInt.empty())),
                List.of(ButtonEvent.press(0, 0)));
        LiveSetup s = PlayCommand.setupFrom("--controller", "replay:" + session, "--seed", "3")
                .followingReplay(x -> {});
        assertEquals(Optional.of(dir), s.model());
        assertEquals(0.7, s.temperature());
        assertEquals("A:minor-pentatonic", s.keys().scale().toString());
        assertEquals(OptionalLong.of(3), s.seed(), "the command line's seed wins");
        assertEquals(OptionalInt.of(64), s.velocity(), "a format-1 take's velocity is fixed on replay, as it played");
        assertEquals(DecoderEngine.PYTORCH, s.engine());
    }

    @Test
    void anUnwritableTargetIsRefusedBeforePlaying(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("a-file"));
        String[][] cases = {
            {dir.toString(), "it is a folder"},
            {file.resolve("take.mid").toString(), "cannot be made"},
            {"/proc/genie-take.mid", "not writable"},
            {"/dev/null", "not a regular file"}
        };
        for (String[] c : cases) {
            var e = assertThrows(IllegalArgumentException.class, () -> RecordTarget.check(Path.of(c[0])), c[0]);
            assertTrue(
                    e.getMessage().startsWith("cannot record to " + c[0])
                            && e.getMessage().contains(c[1]),
                    e.getMessage());
        }
        Path ro = Files.createDirectory(dir.resolve("read-only"));
        ro.toFile().setWritable(false);
        if (!Files.isWritable(ro)) { // root writes anyway: then /proc above stands for a read-only folder
            var e = assertThrows(IllegalArgumentException.class, () -> RecordTarget.check(ro.resolve("take.mid")));
            assertTrue(e.getMessage().contains("not writable (permission denied)"), e.getMessage());
        }
        ro.toFile().setWritable(true);
        RecordTarget.check(dir.resolve("new/folder/take.mid"));
        assertTrue(
                Files.isDirectory(dir.resolve("new/folder"))
                        && Files.list(dir.resolve("new/folder")).findAny().isEmpty(),
                "a good target: its folder made, no probe left behind");
    }

    /** Odd targets: a named pipe, a link to a device or round in a loop, a session file that would not fit beside. */
    @Test
    void oddRecordTargetsAreRefusedAndALinkIsFollowed(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.mid");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Path toNull = Files.createSymbolicLink(dir.resolve("null.mid"), Path.of("/dev/null"));
        Path loop = dir.resolve("loop.mid");
        Files.createSymbolicLink(loop, loop);
        Path taken = dir.resolve("taken.mid");
        Files.createDirectories(dir.resolve("taken" + dev.pianogenie.app.input.replay.SessionFile.EXTENSION));
        String[][] cases = {
            {fifo.toString(), "not a regular file (a named pipe (FIFO))"},
            {toNull.toString(), "not a regular file (a character device)"},
            {loop.toString(), "go round in a loop"},
            {taken.toString(), "the session file beside it, " + dir.resolve("taken.session.jsonl") + ", is a folder"}
        };
        for (String[] c : cases) {
            var e = assertThrows(IllegalArgumentException.class, () -> RecordTarget.check(Path.of(c[0])), c[0]);
            assertTrue(
                    e.getMessage().startsWith("cannot record to " + c[0] + ": ")
                            && e.getMessage().contains(c[1]),
                    e.getMessage());
        }
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link.mid"), elsewhere.resolve("take.mid"));
        RecordTarget.check(link); // fine: the take goes where it points
        Take take = new Take(
                new Performance(List.of(new dev.pianogenie.midi.Note(60, 80, 0, 0.5)), List.of(), 0.5),
                List.of(ButtonEvent.press(0, 0), ButtonEvent.release(0, 500_000_000L)),
                nothingButAName(),
                false);
        assertTrue(!RecordTarget.save(take, link).rescued());
        assertTrue(Files.isSymbolicLink(link)
                && MidiFileReader.read(elsewhere.resolve("take.mid")).notes().size() == 1);
    }

    @Test
    void aSaveThatFailsAtTheEndGoesToAFallbackFile(@TempDir Path dir) throws Exception {
        Take take = new Take(
                new Performance(List.of(new dev.pianogenie.midi.Note(60, 80, 0, 0.5)), List.of(), 0.5),
                List.of(ButtonEvent.press(0, 0), ButtonEvent.release(0, 500_000_000L)),
                nothingButAName(),
                false);
        Path file = Files.createFile(dir.resolve("was-a-folder"));
        Path target = file.resolve("take.mid"); // its folder became a file meanwhile
        RecordTarget.Saved saved = RecordTarget.save(take, target);
        assertTrue(saved.rescued() && !saved.mid().equals(target), saved.toString());
        assertTrue(
                saved.problem().contains(target.toString()) || saved.problem().contains("was-a-folder"),
                saved.problem());
        assertEquals(1, MidiFileReader.read(saved.mid()).notes().size(), "the take is safe in " + saved.mid());
        assertTrue(Files.isRegularFile(saved.session()));
    }

    /** A take's header that says only the model's name. */
    static SessionHeader nothingButAName() {
        return new SessionHeader(
                "M",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                OptionalInt.empty());
    }
}
