package dev.pianogenie.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every MAESTRO v2 file in ../shared reads, with the note counts an independent reader gives.
 *
 * <p>The expected numbers come from a separate Python reader written only with {@code struct} (counting
 * note-ons with velocity > 0 and CC64 events, tracking running status), run once over the folder:
 * 1,104 files, 6,366,301 notes.
 */
class MaestroReadGoldenTest {

    @Test
    void readsTheWholeFolderWithTheExpectedNoteCount() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedData.maestro())) {
            files = s.filter(p -> p.toString().endsWith(".midi") || p.toString().endsWith(".mid"))
                    .sorted()
                    .toList();
        }
        assertEquals(1104, files.size(), "MAESTRO v2 train + validation");
        long notes = 0;
        for (Path f : files) {
            Performance p = MidiFileReader.read(f);
            notes += p.notes().size();
            assertTrue(p.seconds() > 0, f + " has a duration");
        }
        assertEquals(6_366_301, notes);
    }

    @Test
    void checkedFilesMatchNoteByNote() throws Exception {
        check(
                "2004/MIDI-Unprocessed_SMF_02_R1_2004_01-05_ORIG_MID--AUDIO_02_R1_2004_05_Track05_wav.midi",
                7894,
                12446,
                38,
                84);
        check("2018/MIDI-Unprocessed_Chamber3_MID--AUDIO_10_R3_2018_wav--1.midi", 4197, 13165, 27, 102);
    }

    private static void check(String file, int notes, int pedals, int minPitch, int maxPitch) throws Exception {
        Performance p = MidiFileReader.read(SharedData.maestroFile(file));
        assertEquals(notes, p.notes().size(), file);
        assertEquals(pedals, p.pedalEvents().size(), file);
        assertEquals(minPitch, p.notes().stream().mapToInt(Note::pitch).min().orElseThrow(), file);
        assertEquals(maxPitch, p.notes().stream().mapToInt(Note::pitch).max().orElseThrow(), file);
        for (int i = 1; i < p.notes().size(); i++) {
            assertTrue(Performance.ORDER.compare(p.notes().get(i - 1), p.notes().get(i)) <= 0);
        }
    }
}
