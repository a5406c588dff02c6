package dev.pianogenie.app.live;

import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.ErrorText;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.files.UserDirs;
import dev.pianogenie.midi.MidiFileName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where a take is saved: checked before playing (so an unwritable target is said at once, not after the
 * take), and a fallback when saving fails at the end anyway (a disk that filled up meanwhile), so that a take
 * is never lost.
 */
public final class RecordTarget {
    /** Below this much free space a take (and its autosaves) may not fit. */
    static final long MIN_FREE_BYTES = 1 << 20;

    private RecordTarget() {}

    /**
     * Refuses a target that cannot be written — a folder, a device or named pipe (or a link to one), a link loop, a
     * folder that cannot be made or written (read-only, permission denied), a full disk — for the MIDI file and for
     * the session file saved beside it. A symbolic link is fine: the take goes where it points.
     *
     * @throws IllegalArgumentException saying which and why
     */
    public static void check(Path mid) {
        Path file;
        try {
            file = AtomicFile.destination(mid);
        } catch (FileAccessException e) {
            throw new IllegalArgumentException("cannot record to " + mid + ": "
                    + (Files.isDirectory(mid)
                            ? "it is a folder (give a file, e.g. " + mid.resolve("take.mid") + ")"
                            : e.reason()));
        }
        String name = mid.getFileName().toString();
        if (!isMidiName(name)) {
            // a take is a MIDI file, whatever its name says: x.wav or x.session.jsonl would hold MIDI under a lie
            throw new IllegalArgumentException("cannot record to " + mid + ": a take is saved as a MIDI file (with its"
                    + " button session beside it); give a name ending in .mid, e.g. "
                    + mid.resolveSibling(name.replaceFirst("(?i)(\\.session\\.jsonl|\\.[a-z0-9]{1,5})$", "") + ".mid"));
        }
        Path session = SessionFile.besideMidi(mid);
        try {
            AtomicFile.destination(session);
        } catch (FileAccessException e) {
            throw new IllegalArgumentException(
                    "cannot record to " + mid + ": the session file beside it, " + session + ", " + e.reason());
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot record to " + mid + ": the folder " + dir + " cannot be made ("
                    + InputFile.reason(e) + ")");
        }
        Path probe = dir.resolve("." + file.getFileName() + ".probe");
        try {
            Files.write(probe, new byte[4096]);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot record to " + mid + ": the folder " + dir + " is not writable ("
                    + InputFile.reason(e) + ")");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the probe could not be made in the first place
            }
        }
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new IllegalArgumentException(
                        "cannot record to " + mid + ": the disk is full (" + free / 1024 + " KB free)");
            }
        } catch (IOException e) {
            // no figure for free space: the probe write above went through
        }
    }

    static boolean isMidiName(String fileName) {
        return MidiFileName.isMidiName(fileName);
    }

    /**
     * The file a new take asked for as {@code mid} goes to without replacing anything: {@code mid} itself if
     * neither it nor its session file exists, else the first of {@code NAME-2.mid}, {@code NAME-3.mid}, ... for
     * which neither exists (the numbering later takes of the window already use) — an existing take, or a session
     * being replayed, is never written over.
     *
     * @param taken names already handed out for takes not yet on disk (the window's), skipped too
     */
    public static Path unused(Path mid, java.util.function.Predicate<Path> taken) {
        String name = mid.getFileName().toString();
        String stem = MidiFileName.stem(name);
        String ext = name.substring(stem.length());
        int n = 1;
        for (Path p = mid; ; p = mid.resolveSibling(stem + "-" + ++n + ext)) {
            if (!inUse(p) && !taken.test(p)) {
                return p;
            }
        }
    }

    /** As {@link #unused(Path, java.util.function.Predicate)} with nothing else handed out. */
    public static Path unused(Path mid) {
        return unused(mid, p -> false);
    }

    private static boolean inUse(Path mid) {
        // a dangling link is free (the take goes where it points); anything else there is someone's file
        return Files.exists(mid) || Files.exists(SessionFile.besideMidi(mid));
    }

    /**
     * Where a take goes when its own target fails: the user's data folder ({@link UserDirs#data()}), by default
     * {@code ~/.local/share/piano-genie/rescued/NAME-TIME.mid}.
     */
    public static Path fallback(Path intended) {
        String name = MidiFileName.stem(intended);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return unused(rescueFolder().resolve(name + "-" + stamp + ".mid"));
    }

    static Path rescueFolder() {
        Path home = UserDirs.current().data().resolve("rescued");
        try {
            return Files.createDirectories(home);
        } catch (IOException | SecurityException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /** Where a take ended up, and if not where it was meant to go, why. */
    public record Saved(Path mid, Path session, String problem) {
        public boolean rescued() {
            return problem != null;
        }
    }

    /**
     * Saves the take to {@code mid}; if that fails, to a fallback file (then to the temporary folder).
     *
     * @throws IOException only if every place failed
     */
    public static Saved save(Take take, Path mid) throws IOException {
        String problem;
        try {
            return new Saved(mid, take.save(mid), null);
        } catch (IOException | dev.pianogenie.midi.MidiFileException | RuntimeException e) {
            problem = ErrorText.describe(e); // whatever it was, the take goes to the next place
        }
        for (Path other : new Path[] {
            fallback(mid),
            Path.of(
                    System.getProperty("java.io.tmpdir"),
                    fallback(mid).getFileName().toString())
        }) {
            try {
                return new Saved(other, take.save(other), problem);
            } catch (IOException | dev.pianogenie.midi.MidiFileException | RuntimeException ignored) {
                // try the next place
            }
        }
        throw new IOException("could not save the take anywhere: " + problem);
    }
}
