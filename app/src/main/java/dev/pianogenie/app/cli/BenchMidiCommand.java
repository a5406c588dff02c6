package dev.pianogenie.app.cli;

import dev.pianogenie.midi.MidiFileException;
import dev.pianogenie.midi.MidiFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./genie bench midi}: how fast MIDI files are read (one thread). */
@Command(name = "midi", mixinStandardHelpOptions = true, description = "MIDI file reading speed; last line JSON.")
public final class BenchMidiCommand implements Callable<Integer> {

    @Option(
            names = "--data",
            description = "folder of MIDI files (default: ../shared/data/maestro-v2.0.0 beside the repository)")
    Path data;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "measured passes over the folder (default: ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws Exception {
        OptionChecks.between("--rounds", rounds, 1, 1000);
        Path dir = data != null
                ? data
                : Path.of(System.getProperty("genie.home", "."))
                        .resolve("../shared/data/maestro-v2.0.0")
                        .normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no folder of MIDI files at " + dir + " ("
                    + (data != null ? "--data" : "the default, ../shared beside the repository")
                    + "): give one with --data DIR");
        }
        // the one scan of a MIDI folder: through symbolic links, an unreadable subfolder skipped and said
        dev.pianogenie.midi.MidiFolder.Scan scan = dev.pianogenie.midi.MidiFolder.scan(dir);
        List<Path> files = scan.midiFiles();
        if (!scan.skipped().isEmpty()) {
            System.err.println("genie bench midi: " + scan.skippedLine());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no MIDI files under " + dir);
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        pass(files); // warm-up: JIT and the page cache
        long notes = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            notes += pass(files);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double filesPerSecond = files.size() * rounds / seconds;
        double notesPerSecond = notes / seconds;
        double mbPerSecond = bytes * rounds / seconds / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%d files (%.1f MB, %,d notes) read %d times in %.2f s: %.0f files/s, %.2f M notes/s, %.1f MB/s%n",
                files.size(),
                bytes / 1e6,
                notes / rounds,
                rounds,
                seconds,
                filesPerSecond,
                notesPerSecond / 1e6,
                mbPerSecond);
        System.out.printf(
                Locale.ROOT,
                "{\"files\": %d, \"files_per_s\": %.1f, \"notes_per_s\": %.0f, \"mb_per_s\": %.2f}%n",
                files.size(),
                filesPerSecond,
                notesPerSecond,
                mbPerSecond);
        return 0;
    }

    private static long pass(List<Path> files) throws MidiFileException {
        long notes = 0;
        for (Path f : files) {
            notes += MidiFileReader.read(f).notes().size();
        }
        return notes;
    }
}
