package dev.pianogenie.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @Test
    void maestroUsesItsOfficialSplitsAndTheCacheMakesTheSecondLoadFast(@TempDir Path cache) throws Exception {
        Dataset first = Dataset.load(SharedData.maestro(), cache, null);
        assertTrue(first.hasOfficialSplits());
        assertEquals(967, first.split(Split.TRAIN).size());
        assertEquals(137, first.split(Split.VALIDATION).size());
        assertEquals(0, first.split(Split.TEST).size(), "the test split is held out of ../shared");
        assertEquals(0, first.corrupt().size());
        long notes =
                first.split(Split.TRAIN).stream().mapToLong(NoteSequence::size).sum()
                        + first.split(Split.VALIDATION).stream()
                                .mapToLong(NoteSequence::size)
                                .sum();
        assertEquals(6_366_301, notes, "the same notes the MIDI reader's golden test counts");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        Dataset second = Dataset.load(SharedData.maestro(), cache, new PrintStream(log, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(
                log.toString(StandardCharsets.UTF_8).contains("0 read, 1104 from the cache"),
                log.toString(StandardCharsets.UTF_8));
        assertTrue(seconds < 30, "a cached load takes seconds, took " + seconds);
        NoteSequence a = first.split(Split.VALIDATION).get(0);
        NoteSequence b = second.split(Split.VALIDATION).get(0);
        assertEquals(a.name(), b.name());
        assertTrue(Arrays.equals(a.pitches(), b.pitches()) && Arrays.equals(a.onsets(), b.onsets()));
    }

    @Test
    void aFolderWithoutCsvSplitsByHashAndSkipsCorruptFiles(@TempDir Path dir, @TempDir Path cache) throws Exception {
        Path maestro = SharedData.maestro();
        int copied = 0;
        try (var files = Files.walk(maestro)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".midi"))
                    .sorted()
                    .limit(30)
                    .toList()) {
                Files.copy(f, dir.resolve("piece" + copied++ + ".mid"));
            }
        }
        Files.writeString(dir.resolve("broken.mid"), "MThd this is not really MIDI");
        Files.write(dir.resolve("truncated.mid"), Arrays.copyOf(Files.readAllBytes(dir.resolve("piece0.mid")), 500));
        Dataset d = Dataset.load(dir, cache, null);
        assertEquals(2, d.corrupt().size(), d.summary());
        assertTrue(d.summary().contains("broken.mid") && d.summary().contains("truncated.mid"), d.summary());
        int total = d.split(Split.TRAIN).size()
                + d.split(Split.VALIDATION).size()
                + d.split(Split.TEST).size();
        assertEquals(30, total);
        assertTrue(d.split(Split.TRAIN).size() > d.split(Split.VALIDATION).size());
        Dataset again = Dataset.load(dir, cache, null);
        assertEquals(
                d.split(Split.VALIDATION).stream().map(NoteSequence::name).toList(),
                again.split(Split.VALIDATION).stream().map(NoteSequence::name).toList(),
                "the split is deterministic");
    }
}
