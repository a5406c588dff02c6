package dev.pianogenie.app.input.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ControllerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session says its model's button count; an older one (no count) is an 8-button take; the events keep within it. */
class SessionButtonsTest {

    @Test
    void theCountRoundTripsAndBoundsTheButtons(@TempDir Path dir) throws Exception {
        SessionHeader h = new SessionHeader(
                "four",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.of(0.25),
                Optional.empty(),
                Optional.empty(),
                OptionalLong.of(1),
                OptionalInt.empty(),
                OptionalInt.of(80),
                Optional.empty(),
                OptionalInt.of(4));
        Path file = dir.resolve("four" + SessionFile.EXTENSION);
        SessionFile.write(file, Optional.of(h), List.of(ButtonEvent.press(3, 0), ButtonEvent.release(3, 10)));
        assertTrue(Files.readAllLines(file).get(0).contains("\"buttons\":4"));
        assertEquals(4, SessionFile.readHeader(file).orElseThrow().numButtons());
        assertEquals(2, SessionFile.read(file).size());

        Files.write(
                file,
                List.of(
                        "{\"genie_session\": 2, \"model\": \"four\", \"buttons\": 4}",
                        "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 5}"));
        ControllerException e = assertThrows(ControllerException.class, () -> SessionFile.read(file));
        assertEquals(file + " line 2: \"button\" must be 0..3 (a take of 4 buttons), was 5", e.getMessage());

        Files.write(file, List.of("{\"genie_session\": 2, \"model\": \"one\", \"buttons\": 1}"));
        e = assertThrows(ControllerException.class, () -> SessionFile.readHeader(file));
        assertTrue(e.getMessage().endsWith("line 1: \"buttons\" must be 2..16, was 1"), e.getMessage());

        Files.write(
                file,
                List.of(
                        "{\"genie_session\": 2, \"model\": \"old\"}",
                        "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 7}"));
        assertEquals(
                8,
                SessionFile.readHeader(file).orElseThrow().numButtons(),
                "a header from before the count: 8 buttons");
    }
}
