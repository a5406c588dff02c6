package dev.pianogenie.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file too big to be a performance is reported and skipped, without reading it whole (was: read into memory). */
class DatasetInputTest {

    @Test
    void aHugeFileIsReportedAsTooLargeAndSkipped(@TempDir Path dir, @TempDir Path cache) throws Exception {
        try (var files = Files.walk(SharedData.maestro())) {
            Files.copy(
                    files.filter(p -> p.toString().endsWith(".midi"))
                            .sorted()
                            .findFirst()
                            .orElseThrow(),
                    dir.resolve("piece.mid"));
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.mid").toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GB that take no disk, and more than a Java array holds
        }
        Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Dataset.load(dir, cache, null));
        assertEquals(1, d.corrupt().size(), d.summary());
        assertTrue(d.summary().contains("huge.mid") && d.summary().contains("too large"), d.summary());
    }
}
