package dev.pianogenie.app.input.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.app.input.ButtonEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 29 class 16: a session file saved by Windows Notepad (a UTF-8 byte-order mark, CR LF) was refused. */
class NotepadSessionTest {

    @Test
    void aSessionWithAByteOrderMarkAndCrLfReads(@TempDir Path dir) throws Exception {
        String text = "\uFEFF{\"genie_session\": 1, \"model\": \"x\", \"temperature\": 0.5, \"seed\": 4}\r\n"
                + "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 2}\r\n"
                + "{\"t_ns\": 100000000, \"kind\": \"release\", \"button\": 2}\r\n";
        Path file = Files.write(dir.resolve("edited" + SessionFile.EXTENSION), text.getBytes(StandardCharsets.UTF_8));
        assertEquals(
                0.5, SessionFile.readHeader(file).orElseThrow().temperature().getAsDouble());
        List<ButtonEvent> events = SessionFile.read(file);
        assertEquals(
                List.of(ButtonEvent.Kind.PRESS, ButtonEvent.Kind.RELEASE),
                events.stream().map(ButtonEvent::kind).toList());

        Path noHeader = Files.write(
                dir.resolve("plain" + SessionFile.EXTENSION),
                "\uFEFF{\"t_ns\": 0, \"kind\": \"press\", \"button\": 6}\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(6, SessionFile.read(noHeader).get(0).button(), "a byte-order mark before the first event too");
    }
}
