package dev.pianogenie.training.cli;

import dev.pianogenie.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small real datasets for command-line tests: MAESTRO files copied to a folder (split there by file hash). */
final class MiniData {
    private MiniData() {}

    /** Four MAESTRO validation-split performances. */
    static Path folder(Path dir) throws IOException {
        return composer(dir, null, 4);
    }

    /** Up to {@code count} MAESTRO validation-split performances, of one composer when {@code composer} is given. */
    static Path composer(Path dir, String composer, int count) throws IOException {
        Files.createDirectories(dir);
        var lines = Files.readAllLines(SharedData.maestro().resolve("maestro-v2.0.0.csv")).stream()
                .filter(l -> l.contains(",validation,") && (composer == null || l.startsWith(composer + ",")))
                .limit(count)
                .toList();
        for (String line : lines) {
            String file = line.replaceAll(".*,validation,\\d+,([^,]+\\.midi),.*", "$1");
            Files.copy(SharedData.maestroFile(file), dir.resolve(Path.of(file).getFileName()));
        }
        return dir;
    }
}
