package dev.pianogenie.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiFileWriterTest {
    static final double TICK = 1 / MidiFileWriter.TICKS_PER_SECOND;

    static void assertSameNotes(Performance expected, Performance actual) {
        assertEquals(expected.notes().size(), actual.notes().size());
        for (int i = 0; i < expected.notes().size(); i++) {
            Note a = expected.notes().get(i);
            Note b = actual.notes().get(i);
            assertEquals(a.pitch(), b.pitch(), "note " + i);
            assertEquals(a.velocity(), b.velocity(), "note " + i);
            assertEquals(a.onsetSeconds(), b.onsetSeconds(), TICK, "note " + i + " onset within one tick");
            assertEquals(a.releaseSeconds(), b.releaseSeconds(), TICK, "note " + i + " release within one tick");
        }
        assertEquals(expected.pedalEvents().size(), actual.pedalEvents().size());
    }

    @Test
    void aRealPerformanceRoundTripsWithinOneTick(@TempDir Path dir) throws Exception {
        Performance original = MidiFileReader.read(SharedData.maestroFile(
                "2004/MIDI-Unprocessed_SMF_02_R1_2004_01-05_ORIG_MID--AUDIO_02_R1_2004_05_Track05_wav.midi"));
        Path file = dir.resolve("copy.mid");
        MidiFileWriter.write(original, file);
        Performance again = MidiFileReader.read(file);
        assertSameNotes(original, again);
        assertEquals(original.seconds(), again.seconds(), TICK);
    }

    @Test
    void chordsRestrikesAndPedalSurvive(@TempDir Path dir) throws Exception {
        Performance p = new Performance(
                List.of(
                        new Note(60, 80, 0.0, 0.5),
                        new Note(64, 81, 0.0, 0.5),
                        new Note(67, 82, 0.0, 0.25),
                        new Note(60, 90, 0.5, 1.0), // struck again the moment the first ends
                        new Note(21, 1, 1.0, 1.0),
                        new Note(108, 127, 1.25, 3.0)),
                List.of(new PedalEvent(0.1, 127), new PedalEvent(0.9, 0)),
                3.0);
        Path file = dir.resolve("small.mid");
        MidiFileWriter.write(p, file);
        assertSameNotes(p, MidiFileReader.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    /** A pause longer than a MIDI delta time (39 hours here) is kept (was: an exception, and the take not saved). */
    @Test
    void aPauseOfDaysIsWrittenAndReadBack(@TempDir Path dir) throws Exception {
        double later = 3 * 24 * 3600.5; // three days
        Performance p = new Performance(
                List.of(new Note(60, 80, 0.0, 0.5), new Note(62, 81, later, later + 0.5)),
                List.of(new PedalEvent(later - 1, 127)),
                later + 100);
        Path file = dir.resolve("days.mid");
        MidiFileWriter.write(p, file);
        Performance back = MidiFileReader.read(file);
        assertSameNotes(p, back);
        assertEquals(later - 1, back.pedalEvents().get(0).seconds(), TICK);
        assertEquals(p.seconds(), back.seconds(), TICK);
    }

    @Test
    void anUnwritablePlaceIsAClearError(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "x");
        Performance p = new Performance(List.of(new Note(60, 80, 0, 1)), List.of(), 1);
        MidiFileException e =
                assertThrows(MidiFileException.class, () -> MidiFileWriter.write(p, blocker.resolve("sub/out.mid")));
        assertTrue(
                e.getMessage().contains("cannot be written")
                        && e.getMessage().contains("a-file is a file, not a folder"),
                e.getMessage());
    }

    @Test
    void aTakeGetsTheUsualPermissionsNotPrivateOnes(@TempDir Path dir) throws Exception {
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives any new file
        Path take = dir.resolve("take.mid");
        MidiFileWriter.write(new Performance(List.of(new Note(60, 80, 0, 1)), List.of(), 1), take);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(take), "was 0600");
    }

    @Test
    void theRecorderGivesBackWhatWasPlayed(@TempDir Path dir) throws Exception {
        MidiRecorder r = new MidiRecorder();
        long t0 = 5_000_000_000L;
        r.noteOn(60, 100, t0);
        r.pedal(true, t0 + 100_000_000L);
        r.noteOn(64, 90, t0 + 200_000_000L);
        r.noteOff(60, t0 + 300_000_000L);
        r.noteOn(64, 70, t0 + 400_000_000L); // re-struck before its note-off
        r.pedal(false, t0 + 500_000_000L);
        r.noteOn(67, 60, t0 + 600_000_000L);
        r.allNotesOff(t0 + 900_000_000L);
        Performance p = r.performance();
        assertEquals(
                List.of(
                        new Note(60, 100, 0.0, 0.3),
                        new Note(64, 90, 0.2, 0.4),
                        new Note(64, 70, 0.4, 0.9),
                        new Note(67, 60, 0.6, 0.9)),
                p.notes());
        assertEquals(2, p.pedalEvents().size());
        Path file = dir.resolve("rec.mid");
        r.save(file);
        assertSameNotes(p, MidiFileReader.read(file));
    }
}
