package dev.pianogenie.midi;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The one scan of a folder of MIDI files (train, eval, bench midi): recursive, through symbolic links — the folder
 * itself may be one, and so may its subfolders — with a link that leads back up (a loop) taken once; a subfolder
 * that cannot be read is skipped and listed with why, never the end of the scan.
 */
public final class MidiFolder {
    private MidiFolder() {}

    /** A folder (or file) the scan could not enter, and why. */
    public record Skipped(Path path, String reason) {
        @Override
        public String toString() {
            return path + " (" + reason + ")";
        }
    }

    /**
     * What a scan found: every regular file under the folder (sorted; {@link #midiFiles()} the MIDI ones) and what it
     * skipped.
     */
    public record Scan(List<Path> files, List<Skipped> skipped) {
        public List<Path> midiFiles() {
            return files.stream().filter(MidiFolder::isMidi).toList();
        }

        /** One line for what was skipped ("" if nothing). */
        public String skippedLine() {
            if (skipped.isEmpty()) {
                return "";
            }
            return "skipped " + skipped.size() + (skipped.size() == 1 ? " folder" : " folders")
                    + " that could not be read: "
                    + String.join(", ", skipped.stream().map(Skipped::toString).toList());
        }
    }

    /** A MIDI file by its name: .mid, .midi, .smf, .kar (any case). */
    public static boolean isMidi(Path p) {
        String s = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return s.endsWith(".mid") || s.endsWith(".midi") || s.endsWith(".smf") || s.endsWith(".kar");
    }

    /** Scans {@code root} (a folder, or a link to one). */
    public static Scan scan(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Files.walkFileTree(
                root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        if (e != null) { // a folder that could not be listed (no permission)
                            if (dir.equals(root)) {
                                throw e;
                            }
                            skipped.add(new Skipped(dir, dev.pianogenie.files.InputFile.reason(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(root)) {
                            throw e; // the folder itself: not a scan with something skipped, a folder that cannot be
                            // read
                        }
                        if (e instanceof FileSystemLoopException) {
                            return FileVisitResult
                                    .CONTINUE; // a link back up: its files are scanned once, where they are
                        }
                        skipped.add(new Skipped(file, dev.pianogenie.files.InputFile.reason(e)));
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
        return new Scan(List.copyOf(files), List.copyOf(skipped));
    }
}
