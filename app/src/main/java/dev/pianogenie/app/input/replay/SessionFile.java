package dev.pianogenie.app.input.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded button session: JSON lines, one event each — {@code {"t_ns": 1250000000, "kind": "press",
 * "button": 3, "velocity": 90}} — times in nanoseconds from the session's first event, kinds press, release,
 * pedal_down, pedal_up, reset. Small, diffable, replayable with another model, temperature or sound.
 */
public final class SessionFile {
    public static final String EXTENSION = ".session.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Hours of playing are a few MB. */
    private static final long MAX_BYTES = 64L << 20;

    private SessionFile() {
    }

    /** One line for an event at {@code relativeNanos}. */
    public static String line(ButtonEvent e, long relativeNanos) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"t_ns\": ").append(relativeNanos).append(", \"kind\": \"")
                .append(e.kind().name().toLowerCase(Locale.ROOT)).append('"');
        if (e.kind() == ButtonEvent.Kind.PRESS || e.kind() == ButtonEvent.Kind.RELEASE) {
            sb.append(", \"button\": ").append(e.button());
        }
        if (e.velocity() != ButtonEvent.NO_VELOCITY) {
            sb.append(", \"velocity\": ").append(e.velocity());
        }
        return sb.append('}').toString();
    }

    /** The events with times relative to the session start (nanos field = offset). */
    public static List<ButtonEvent> read(Path file) throws ControllerException {
        List<ButtonEvent> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                InputFile.open(file, MAX_BYTES, "a session file"), StandardCharsets.UTF_8))) { // a FIFO or /dev/zero refused
            String line;
            int n = 0;
            long last = Long.MIN_VALUE;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode j = JSON.readTree(line);
                    long t = j.get("t_ns").asLong();
                    if (t < last) {
                        throw new IllegalArgumentException("time goes backwards");
                    }
                    last = t;
                    ButtonEvent.Kind kind = ButtonEvent.Kind.valueOf(j.get("kind").asText().toUpperCase(Locale.ROOT));
                    int button = j.has("button") ? j.get("button").asInt() : -1;
                    int velocity = j.has("velocity") ? j.get("velocity").asInt() : ButtonEvent.NO_VELOCITY;
                    events.add(new ButtonEvent(kind, button, velocity, t));
                } catch (IOException | RuntimeException e) {
                    throw new ControllerException(file + ": line " + n + " is not a session event (" + e.getMessage() + ")", e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new ControllerException("no session file " + file, e);
        } catch (FileAccessException e) {
            throw new ControllerException(e.reason().equals("no such file") ? "no session file " + file
                    : "cannot read the session file " + file + ": " + e.reason(), e);
        } catch (IOException e) {
            throw new ControllerException("cannot read the session file " + file + ": " + e.getMessage(), e);
        }
        return events;
    }
}
