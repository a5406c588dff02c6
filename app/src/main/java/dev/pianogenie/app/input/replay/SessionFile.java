package dev.pianogenie.app.input.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.KeyVelocity;
import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.midi.MidiFileName;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PitchRange;
import dev.pianogenie.model.RootedScale;
import dev.pianogenie.model.Scale;
import dev.pianogenie.model.engine.DecoderEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A recorded button session: JSON lines. The first line may be a header ({@code {"genie_session": 1, "model": …,
 * "temperature": 0.25, "scale": "C:major", "range": "A0-C8", "seed": 42, …}}, see {@link SessionHeader});
 * then one event each — {@code {"t_ns": 1250000000, "kind": "press", "button": 3, "velocity": 90}} — times in
 * nanoseconds from the session's first event, kinds press, release, pedal_down, pedal_up, reset, and sampling
 * — the temperature or key list changed during the take ({@code "temperature": 0.4, "scale": "D:dorian", "range":
 * "C3-C6"}), applied at the same point on replay; dynamics — the dynamics changed ({@code "dynamics": 96}, 1..127); and
 * velocity — the fixed velocity changed ({@code "velocity": 100}, or {@code null}: the genie's own again). Format 2
 * added those two kinds and the header's {@code "dynamics"} and {@code "key_velocity"} (its {@code "velocity"} only
 * when one was fixed); format-1 files are read as before. Small,
 * diffable, replayable with the same settings (the take again) or another model, temperature or sound.
 */
public final class SessionFile {
    public static final String EXTENSION = ".session.jsonl";
    public static final int FORMAT = 2;
    /** The oldest format this version reads. */
    static final int OLDEST_FORMAT = 1;
    /** A session file is a few MB at most (an hour of fast play); anything far bigger is not one. */
    static final long MAX_BYTES = 256L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String KINDS = "press, release, pedal_down, pedal_up, reset, sampling, dynamics, velocity";

    private SessionFile() {}

    /** The session file saved beside a take's MIDI file: {@code take.mid} → {@code take.session.jsonl}. */
    public static Path besideMidi(Path mid) {
        String name = MidiFileName.stem(mid);
        return mid.resolveSibling(name + EXTENSION);
    }

    /** One line for an event at {@code relativeNanos}. */
    public static String line(ButtonEvent e, long relativeNanos) {
        StringBuilder sb = new StringBuilder(64);
        sb.append("{\"t_ns\": ")
                .append(relativeNanos)
                .append(", \"kind\": \"")
                .append(e.kind().name().toLowerCase(Locale.ROOT))
                .append('"');
        if (e.kind() == ButtonEvent.Kind.PRESS || e.kind() == ButtonEvent.Kind.RELEASE) {
            sb.append(", \"button\": ").append(e.button());
        }
        if (e.kind() == ButtonEvent.Kind.DYNAMICS) {
            sb.append(", \"dynamics\": ").append(e.velocity());
        } else if (e.velocity() != ButtonEvent.NO_VELOCITY) {
            sb.append(", \"velocity\": ").append(e.velocity());
        } else if (e.kind() == ButtonEvent.Kind.VELOCITY) {
            sb.append(", \"velocity\": null");
        }
        if (e.sampling() != null) {
            sb.append(", \"temperature\": ")
                    .append(e.sampling().temperature())
                    .append(", \"scale\": \"")
                    .append(e.sampling().scale())
                    .append("\", \"range\": \"")
                    .append(e.sampling().range())
                    .append('"');
        }
        return sb.append('}').toString();
    }

    /** The header line. */
    public static String line(SessionHeader h) {
        ObjectNode j = JSON.createObjectNode();
        j.put("genie_session", FORMAT);
        j.put("model", h.modelName());
        h.modelFolder().ifPresent(f -> j.put("model_folder", f.toAbsolutePath().toString()));
        h.modelId().ifPresent(id -> j.put("model_id", id));
        h.engine().ifPresent(e -> j.put("engine", e));
        h.temperature().ifPresent(t -> j.put("temperature", t));
        h.scale().ifPresent(s -> j.put("scale", s));
        h.range().ifPresent(r -> j.put("range", r));
        h.seed().ifPresent(s -> j.put("seed", s));
        h.velocity().ifPresent(v -> j.put("velocity", v));
        h.dynamics().ifPresent(d -> j.put("dynamics", d));
        h.keyVelocity().ifPresent(k -> j.put("key_velocity", k));
        h.buttons().ifPresent(b -> j.put("buttons", b));
        try {
            return JSON.writeValueAsString(j);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a session atomically: the header (if any), then the events with times relative to the first one.
     * Formatting happens here, when saving, never on the press path.
     */
    public static void write(Path file, Optional<SessionHeader> header, List<ButtonEvent> events) throws IOException {
        List<String> lines = new ArrayList<>(events.size() + 1);
        header.ifPresent(h -> lines.add(line(h)));
        long start = events.isEmpty() ? 0 : events.get(0).nanos();
        long last = 0;
        for (ButtonEvent e : events) {
            last = Math.max(last, e.nanos() - start); // never backwards: a saved session always replays
            lines.add(line(e, last));
        }
        try {
            AtomicFile.write(file, out -> {
                for (String l : lines) {
                    out.write(l.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            });
        } catch (FileAccessException e) {
            throw new IOException("could not save the session " + file + ": " + e.reason(), e);
        }
    }

    /** The events with times relative to the session start (nanos field = offset). */
    public static List<ButtonEvent> read(Path file) throws ControllerException {
        return parse(file, false).events;
    }

    /** The header, if the file has one (older sessions do not). */
    public static Optional<SessionHeader> readHeader(Path file) throws ControllerException {
        return parse(file, true).header;
    }

    private record Parsed(Optional<SessionHeader> header, List<ButtonEvent> events) {}

    private static Parsed parse(Path file, boolean headerOnly) throws ControllerException {
        List<ButtonEvent> events = new ArrayList<>();
        Optional<SessionHeader> header = Optional.empty();
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                throw new ControllerException("the session " + file + " is not a regular file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ControllerException("the session " + file + " is " + (Files.size(file) >> 20)
                        + " MB: too big for a recorded session (at most " + (MAX_BYTES >> 20) + " MB)");
            }
        } catch (NoSuchFileException e) {
            throw new ControllerException("no session file " + file, e);
        } catch (IOException e) {
            throw new ControllerException("cannot read the session file " + file + ": " + reason(e), e);
        }
        // read through InputFile: capped whatever size the file system reports, strict UTF-8 as before
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                InputFile.open(file, MAX_BYTES, "a session file"), StandardCharsets.UTF_8.newDecoder()))) {
            String line;
            int n = 0;
            long last = Long.MIN_VALUE;
            while ((line = in.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1); // what Windows Notepad puts first: not part of the JSON
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j;
                try {
                    j = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw bad(file, n, "not a JSON object (" + e.getOriginalMessage() + ")");
                }
                if (j == null || !j.isObject()) {
                    throw bad(file, n, "not a JSON object");
                }
                if (j.has("genie_session")) {
                    if (!events.isEmpty() || header.isPresent()) {
                        throw bad(file, n, "a session header after the first event");
                    }
                    header = Optional.of(header(file, n, j));
                    if (headerOnly) {
                        break;
                    }
                    continue;
                }
                if (headerOnly) {
                    break; // an older session without a header
                }
                long t = longField(file, n, j, "t_ns");
                if (t < 0) {
                    throw bad(file, n, "\"t_ns\" is negative (" + t + ")");
                }
                if (t < last) {
                    throw bad(file, n, "time goes backwards (" + t + " ns after " + last + " ns)");
                }
                last = t;
                ButtonEvent.Kind kind = kind(file, n, j);
                int button = -1;
                if (kind == ButtonEvent.Kind.PRESS || kind == ButtonEvent.Kind.RELEASE) {
                    button = (int) longField(file, n, j, "button");
                    int count = header.map(SessionHeader::numButtons).orElse(Keys.DEFAULT_BUTTONS);
                    if (button < 0 || button >= count) {
                        throw bad(
                                file,
                                n,
                                "\"button\" must be 0.." + (count - 1) + " (a take of " + count + " buttons), was "
                                        + button);
                    }
                }
                int velocity = ButtonEvent.NO_VELOCITY;
                if (j.has("velocity") && !j.get("velocity").isNull()) {
                    long v = longField(file, n, j, "velocity");
                    if (v < 1 || v > 127) {
                        throw bad(file, n, "\"velocity\" must be 1..127, was " + v);
                    }
                    velocity = (int) v;
                }
                if (kind == ButtonEvent.Kind.DYNAMICS) {
                    velocity = level(file, n, j, "dynamics");
                }
                events.add(
                        kind == ButtonEvent.Kind.SAMPLING
                                ? ButtonEvent.sampling(samplingChange(file, n, j), t)
                                : new ButtonEvent(kind, button, velocity, t));
            }
        } catch (NoSuchFileException e) {
            throw new ControllerException("no session file " + file, e);
        } catch (FileAccessException e) {
            throw new ControllerException(
                    e.reason().equals("no such file")
                            ? "no session file " + file
                            : "cannot read the session file " + file + ": " + e.reason(),
                    e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ControllerException(file + " is not a session file (not UTF-8 text)");
        } catch (IOException e) {
            throw new ControllerException("cannot read the session file " + file + ": " + reason(e), e);
        }
        return new Parsed(header, events);
    }

    /**
     * The header line, every field checked here — where the file and line are known — so that a replay never fails
     * later on a value it cannot use (a temperature of 7, a velocity of 300, a scale that is not one).
     */
    private static SessionHeader header(Path file, int n, JsonNode j) throws ControllerException {
        long format = longField(file, n, j, "genie_session");
        if (format < OLDEST_FORMAT || format > FORMAT) {
            throw bad(
                    file,
                    n,
                    "session format " + format + " is not one this version reads (" + OLDEST_FORMAT + " to " + FORMAT
                            + ")");
        }
        OptionalDouble t = OptionalDouble.empty();
        if (j.hasNonNull("temperature")) {
            JsonNode v = j.get("temperature");
            if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
                throw bad(file, n, "\"temperature\" must be a number from 0 to 1, was " + v);
            }
            t = OptionalDouble.of(v.asDouble());
        }
        Optional<String> engine = text(file, n, j, "engine");
        Optional<String> scale = text(file, n, j, "scale");
        Optional<String> range = text(file, n, j, "range");
        try {
            engine.ifPresent(DecoderEngine::parse);
            // the same parsers as --scale and --range; the pair must leave at least one key
            scale.map(Scale::parse)
                    .orElse(RootedScale.CHROMATIC)
                    .keys(range.map(Keys::parseRange).orElse(PitchRange.FULL));
        } catch (IllegalArgumentException e) {
            throw bad(file, n, e.getMessage());
        }
        Optional<Path> folder;
        try {
            folder = text(file, n, j, "model_folder").map(Path::of);
        } catch (java.nio.file.InvalidPathException e) {
            throw bad(file, n, "\"model_folder\" is not a path (" + e.getReason() + ")");
        }
        OptionalInt velocity = OptionalInt.empty();
        if (j.hasNonNull("velocity")) {
            long v = longField(file, n, j, "velocity");
            if (v < 1 || v > 127) {
                throw bad(file, n, "\"velocity\" must be 1..127, was " + v);
            }
            velocity = OptionalInt.of((int) v);
        }
        OptionalInt dynamics =
                j.hasNonNull("dynamics") ? OptionalInt.of(level(file, n, j, "dynamics")) : OptionalInt.empty();
        Optional<String> keyVelocity = text(file, n, j, "key_velocity");
        try {
            keyVelocity.ifPresent(KeyVelocity::parse);
        } catch (IllegalArgumentException e) {
            throw bad(file, n, "\"key_velocity\" must be " + KeyVelocity.HELP + ", was \"" + keyVelocity.get() + "\"");
        }
        OptionalInt buttons = OptionalInt.empty();
        if (j.hasNonNull("buttons")) {
            long b = longField(file, n, j, "buttons");
            if (b < Keys.MIN_BUTTONS || b > Keys.MAX_BUTTONS) {
                throw bad(file, n, "\"buttons\" must be " + Keys.MIN_BUTTONS + ".." + Keys.MAX_BUTTONS + ", was " + b);
            }
            buttons = OptionalInt.of((int) b);
        }
        return new SessionHeader(
                text(file, n, j, "model").orElse("(unnamed model)"),
                folder,
                text(file, n, j, "model_id"),
                engine,
                t,
                scale,
                range,
                j.hasNonNull("seed") ? OptionalLong.of(longField(file, n, j, "seed")) : OptionalLong.empty(),
                velocity,
                dynamics,
                keyVelocity,
                buttons);
    }

    /** A level 1..127 ({@code "dynamics"}); one line naming the field if it is missing or out of range. */
    private static int level(Path file, int n, JsonNode j, String field) throws ControllerException {
        long v = longField(file, n, j, field);
        if (v < 1 || v > 127) {
            throw bad(file, n, "\"" + field + "\" must be 1..127, was " + v);
        }
        return (int) v;
    }

    /** A change of temperature and key list during the take: {@code "temperature"}, {@code "scale"}, {@code "range"}. */
    private static SamplingChange samplingChange(Path file, int n, JsonNode j) throws ControllerException {
        JsonNode t = j.get("temperature");
        if (t == null || !t.isNumber() || !(t.asDouble() >= 0 && t.asDouble() <= 1)) {
            throw bad(file, n, "a sampling change needs \"temperature\" 0..1, was " + t);
        }
        Optional<String> scale = text(file, n, j, "scale");
        Optional<String> range = text(file, n, j, "range");
        try {
            return new SamplingChange(
                    t.asDouble(),
                    scale.map(Scale::parse).orElse(RootedScale.CHROMATIC),
                    range.map(Keys::parseRange).orElse(PitchRange.FULL));
        } catch (IllegalArgumentException e) {
            throw bad(file, n, e.getMessage());
        }
    }

    /** A text field, if present; a number, list or object there is refused by name. */
    private static Optional<String> text(Path file, int n, JsonNode j, String field) throws ControllerException {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(file, n, "\"" + field + "\" must be text, was " + v);
        }
        return Optional.of(v.asText());
    }

    private static long longField(Path file, int n, JsonNode j, String field) throws ControllerException {
        JsonNode v = j.get(field);
        if (v == null || v.isNull()) {
            throw bad(file, n, "\"" + field + "\" is missing");
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            throw bad(file, n, "\"" + field + "\" must be a whole number, was " + v);
        }
        return v.asLong();
    }

    private static ButtonEvent.Kind kind(Path file, int n, JsonNode j) throws ControllerException {
        JsonNode k = j.get("kind");
        if (k == null || k.isNull()) {
            throw bad(file, n, "\"kind\" is missing (expected " + KINDS + ")");
        }
        String name = k.asText().toUpperCase(Locale.ROOT);
        return Arrays.stream(ButtonEvent.Kind.values())
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow(() -> bad(file, n, "unknown kind " + k + " (expected " + KINDS + ")"));
    }

    private static ControllerException bad(Path file, int line, String what) {
        return new ControllerException(file + " line " + line + ": " + what);
    }

    private static String reason(IOException e) {
        return InputFile.reason(e); // one wording for file problems
    }
}
