package dev.pianogenie.app.input.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files: a header that reproduces the take; a damaged file named with its line and what is wrong. */
class SessionFileTest {

    @Test
    void aSessionRoundTripsWithItsHeader(@TempDir Path dir) throws Exception {
        SessionHeader h = new SessionHeader(
                "Piano Genie",
                Optional.of(dir),
                Optional.of("sha256:0123456789abcdef"),
                Optional.of("tensorflow"),
                OptionalDouble.of(0.3),
                Optional.of("D:dorian"),
                Optional.of("C3-C6"),
                OptionalLong.of(-42),
                OptionalInt.of(90),
                OptionalInt.empty(),
                Optional.empty(),
                OptionalInt.empty());
        SamplingChange change = new SamplingChange(0.45, Scale.parse("F#:minor-pentatonic"), Keys.parseRange("A1-C7"));
        List<ButtonEvent> events = List.of(
                ButtonEvent.press(3, 77, 5_000),
                ButtonEvent.pedal(true, 4_000), // stamped earlier
                ButtonEvent.release(3, 9_000),
                ButtonEvent.sampling(change, 9_200),
                ButtonEvent.reset(9_500));
        Path file = dir.resolve("t" + SessionFile.EXTENSION);
        SessionFile.write(file, Optional.of(h), events);
        assertEquals(
                h.withFolder(dir.toAbsolutePath()), SessionFile.readHeader(file).orElseThrow());
        List<ButtonEvent> back = SessionFile.read(file);
        assertEquals(
                List.of(0L, 0L, 4_000L, 4_200L, 4_500L),
                back.stream().map(ButtonEvent::nanos).toList(),
                "relative, never backwards");
        assertEquals(77, back.get(0).velocity());
        assertEquals(
                ButtonEvent.sampling(change, 4_200),
                back.get(3),
                "a change of sampling during the take, where it fell");
        Files.write(file, List.of("{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1}"));
        assertTrue(SessionFile.readHeader(file).isEmpty(), "an older session has no header");
        assertEquals(1, SessionFile.read(file).size());
    }

    @Test
    void changesOfDynamicsAndFixedVelocityRoundTripAndAFormatOneHeaderStillReads(@TempDir Path dir) throws Exception {
        SessionHeader h = new SessionHeader(
                "M",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.of(0.25),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.of(1),
                OptionalInt.empty(),
                OptionalInt.of(48),
                Optional.of("dynamics"),
                OptionalInt.empty());
        List<ButtonEvent> events = List.of(
                ButtonEvent.dynamics(96, 0),
                ButtonEvent.press(2, 10),
                ButtonEvent.fixedVelocity(100, 20),
                ButtonEvent.press(3, 30),
                ButtonEvent.fixedVelocity(ButtonEvent.NO_VELOCITY, 40),
                ButtonEvent.press(4, 55, 50));
        Path file = dir.resolve("d" + SessionFile.EXTENSION);
        SessionFile.write(file, Optional.of(h), events);
        List<String> lines = Files.readAllLines(file);
        assertTrue(
                lines.get(0).contains("\"genie_session\":2")
                        && lines.get(0).contains("\"dynamics\":48")
                        && lines.get(0).contains("\"key_velocity\":\"dynamics\"")
                        && !lines.get(0).contains("\"velocity\""),
                lines.get(0));
        assertEquals("{\"t_ns\": 0, \"kind\": \"dynamics\", \"dynamics\": 96}", lines.get(1));
        assertEquals("{\"t_ns\": 40, \"kind\": \"velocity\", \"velocity\": null}", lines.get(5));
        assertEquals(events, SessionFile.read(file));
        assertEquals(h, SessionFile.readHeader(file).orElseThrow());
        Files.write(
                file,
                List.of(
                        "{\"genie_session\": 1, \"model\": \"old\", \"velocity\": 80}",
                        "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1}"));
        SessionHeader old = SessionFile.readHeader(file).orElseThrow();
        assertEquals(OptionalInt.of(80), old.velocity(), "a format-1 take played its presses at this velocity");
        assertTrue(!old.hasLoudness() && old.keyVelocity().isEmpty());
    }

    @Test
    void aDamagedSessionNamesTheFileTheLineAndWhatIsWrong(@TempDir Path dir) throws Exception {
        String ok = "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1}";
        String[][] cases = {
            {"{\"kind\": \"press\", \"button\": 1}", "line 2: \"t_ns\" is missing"},
            {
                "{\"t_ns\": 5, \"kind\": \"smash\", \"button\": 1}",
                "line 2: unknown kind \"smash\" (expected press, release"
            },
            {"{\"t_ns\": 5, \"button\": 1}", "line 2: \"kind\" is missing"},
            {
                "{\"t_ns\": \"soon\", \"kind\": \"press\", \"button\": 1}",
                "line 2: \"t_ns\" must be a whole number, was \"soon\""
            },
            {
                "{\"t_ns\": 5, \"kind\": \"press\", \"button\": 9}",
                "line 2: \"button\" must be 0..7 (a take of 8 buttons), was 9"
            },
            {"{\"t_ns\": 5, \"kind\": \"press\"}", "line 2: \"button\" is missing"},
            {
                "{\"t_ns\": 5, \"kind\": \"press\", \"button\": 2, \"velocity\": 300}",
                "line 2: \"velocity\" must be 1..127, was 300"
            },
            {"{\"t_ns\": -5, \"kind\": \"reset\"}", "line 2: \"t_ns\" is negative"},
            {"{\"t_ns\": 5, \"kind\": \"pre", "line 2: not a JSON object"},
            {"[1, 2]", "line 2: not a JSON object"},
            {"{\"genie_session\": 1, \"model\": \"x\"}", "line 2: a session header after the first event"},
            {
                "{\"t_ns\": 5, \"kind\": \"sampling\", \"scale\": \"C:major\"}",
                "line 2: a sampling change needs \"temperature\" 0..1, was null"
            },
            {
                "{\"t_ns\": 5, \"kind\": \"sampling\", \"temperature\": 0.5, \"scale\": \"C:bluesy\"}",
                "line 2: unknown scale"
            },
        };
        Path file = dir.resolve("bad" + SessionFile.EXTENSION);
        for (String[] c : cases) {
            Files.write(file, List.of(ok, c[0]));
            ControllerException e = assertThrows(ControllerException.class, () -> SessionFile.read(file), c[0]);
            assertTrue(
                    e.getMessage().startsWith(file + " line 2: ")
                            && e.getMessage().contains(c[1]),
                    e.getMessage());
            assertTrue(
                    !e.getMessage().contains("JsonNode")
                            && !e.getMessage().contains("enum constant")
                            && !e.getMessage().contains("Exception"),
                    "no Java internals: " + e.getMessage());
        }
        Files.write(file, List.of("{\"genie_session\": 7}"));
        assertTrue(assertThrows(ControllerException.class, () -> SessionFile.read(file))
                .getMessage()
                .contains("line 1: session format 7 is not one this version reads"));
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertTrue(assertThrows(ControllerException.class, () -> SessionFile.read(file))
                .getMessage()
                .contains("not UTF-8"));
        assertTrue(assertThrows(ControllerException.class, () -> SessionFile.read(dir))
                .getMessage()
                .contains("not a regular file"));
    }

    @Test
    void aBadHeaderNamesTheFileLineOneAndTheField(@TempDir Path dir) throws Exception {
        String ok = "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1}";
        String[][] cases = {
            {"\"temperature\": 7", "\"temperature\" must be a number from 0 to 1, was 7"},
            {"\"temperature\": -0.5", "\"temperature\" must be a number from 0 to 1, was -0.5"},
            {"\"temperature\": \"hot\"", "\"temperature\" must be a number from 0 to 1, was \"hot\""},
            {"\"velocity\": 300", "\"velocity\" must be 1..127, was 300"},
            {"\"velocity\": 4294967386", "\"velocity\" must be 1..127, was 4294967386"}, // 2^32 + 90: was read as 90
            {"\"velocity\": 0", "\"velocity\" must be 1..127, was 0"},
            {"\"seed\": 1.5", "\"seed\" must be a whole number, was 1.5"},
            {"\"seed\": \"abc\"", "\"seed\" must be a whole number"},
            {"\"engine\": \"onnx\"", "unknown engine 'onnx' (expected tensorflow or pytorch)"},
            {"\"engine\": 3", "\"engine\" must be text, was 3"},
            {"\"scale\": \"C:bluesy\"", "unknown scale"},
            {"\"range\": \"C9-Z1\"", "C9 (MIDI 120) is off the piano"},
            {"\"scale\": \"C:major\", \"range\": \"C#4-C#4\"", "C#4"},
            {"\"model\": {\"name\": 1}", "\"model\" must be text"},
            {"\"model_folder\": \"a\\u0000b\"", "\"model_folder\" is not a path"},
            {"\"genie_session\": \"one\"", "\"genie_session\" must be a whole number"},
        };
        Path file = dir.resolve("head" + SessionFile.EXTENSION);
        for (String[] c : cases) {
            String header =
                    c[0].startsWith("\"genie_session\"") ? "{" + c[0] + "}" : "{\"genie_session\": 1, " + c[0] + "}";
            Files.write(file, List.of(header, ok));
            ControllerException e = assertThrows(ControllerException.class, () -> SessionFile.readHeader(file), header);
            assertTrue(
                    e.getMessage().startsWith(file + " line 1: ")
                            && e.getMessage().contains(c[1]),
                    header + " → " + e.getMessage());
        }
    }
}
