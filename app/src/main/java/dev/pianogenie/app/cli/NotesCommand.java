package dev.pianogenie.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pianogenie.midi.MidiFileException;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.model.Keys;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./genie notes FILE...}: what is in each MIDI file. */
@Command(
        name = "notes",
        mixinStandardHelpOptions = true,
        description = "For each MIDI file: note count, duration, pitch range and sustain-pedal events.")
public final class NotesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MIDI files")
    List<Path> files;

    @picocli.CommandLine.Option(names = "--json", description = "one JSON object per file per line")
    boolean json;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper();
        int failed = 0;
        for (Path file : files) {
            try {
                Performance p = MidiFileReader.read(file);
                OptionalInt min = p.notes().stream().mapToInt(Note::pitch).min();
                OptionalInt max = p.notes().stream().mapToInt(Note::pitch).max();
                if (json) { // a file without notes has no pitch range: null, not a made-up number
                    ObjectNode o = mapper.createObjectNode();
                    o.put("file", file.toString());
                    o.put("notes", p.notes().size());
                    o.put("seconds", Math.round(p.seconds() * 1000) / 1000.0);
                    o.put("min_pitch", min.isPresent() ? min.getAsInt() : null);
                    o.put("max_pitch", max.isPresent() ? max.getAsInt() : null);
                    o.put("pedal_events", p.pedalEvents().size());
                    out.println(mapper.writeValueAsString(o));
                } else {
                    String range = min.isEmpty() || max.isEmpty()
                            ? "no notes"
                            : String.format(
                                    Locale.ROOT,
                                    "pitches %d–%d (%s–%s)",
                                    min.getAsInt(),
                                    max.getAsInt(),
                                    Keys.pitchName(min.getAsInt()),
                                    Keys.pitchName(max.getAsInt()));
                    out.printf(
                            Locale.ROOT,
                            "%s: %,d notes, %.1f s, %s, %,d pedal events%n",
                            file,
                            p.notes().size(),
                            p.seconds(),
                            range,
                            p.pedalEvents().size());
                }
            } catch (MidiFileException e) {
                err.println("genie notes: " + e.getMessage());
                failed++;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
