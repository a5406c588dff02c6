package dev.pianogenie.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way user files are written (takes, WAVs, session files, settings, model folders): into a temporary
 * file in the same folder, forced to disk, then renamed over the target — a crash, a kill or a full disk never
 * leaves a half-written file, and the old file stays until the new one is complete.
 *
 * <p>Permissions are the usual ones: a new file gets what the user's umask gives any new file (the temporary
 * file is created without explicit permissions — unlike {@code Files.createTempFile}, which makes it 0600),
 * and a file written again keeps the permissions it had.
 */
public final class AtomicFile {
    /** Writes the content to an open stream; the stream is flushed and closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the content through the temporary file's channel, which it may also read and write at any position
     * (e.g. to scale audio already written); {@link AtomicFile} forces and closes it.
     */
    @FunctionalInterface
    public interface ChannelContent {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFile() {}

    /** The temporary files and folders being written now, with when each began (System.nanoTime). */
    private static final java.util.Map<Path, Long> WRITING = new java.util.concurrent.ConcurrentHashMap<>();
    /** At shutdown, how long a write begun before it may take to finish before its temporary file is removed. */
    static final long SHUTDOWN_GRACE_MILLIS = 1500;

    private static final String PID = Long.toString(ProcessHandle.current().pid());

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::abandonWrites, "genie-unfinished-files"));
        } catch (IllegalStateException | SecurityException shuttingDown) {
            // loaded while the JVM goes: what it writes now is left to the next start's clean-up
        }
    }

    /**
     * Ctrl-C or a kill during a long write (a render): the writes begun before the shutdown get a moment to finish,
     * then their temporary files are removed — nothing is left behind. Writes begun during the shutdown (a take
     * saved at the signal) are the shutdown's own and are left to finish.
     */
    private static void abandonWrites() {
        long began = System.nanoTime();
        List<Path> before = WRITING.entrySet().stream()
                .filter(e -> e.getValue() < began)
                .map(java.util.Map.Entry::getKey)
                .toList();
        long end = began + SHUTDOWN_GRACE_MILLIS * 1_000_000L;
        while (before.stream().anyMatch(WRITING::containsKey) && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Path p : before) {
            if (WRITING.remove(p) != null) {
                deleteTree(p);
            }
        }
    }

    /**
     * Removes the temporary files and folders that writers of {@code file} in processes that no longer run left
     * beside it (killed with {@code kill -9}, a crash, a power cut): their names carry the writer's process id.
     */
    static void removeLeftOversOfDeadWriters(Path file) {
        Path dir = file.getParent();
        String prefix = "." + file.getFileName() + ".";
        try (java.util.stream.Stream<Path> siblings = Files.list(dir)) {
            for (Path p : siblings.filter(p -> isLeftOverOf(p, file)).toList()) {
                String middle = p.getFileName().toString().substring(prefix.length());
                int dash = middle.indexOf('-');
                if (dash <= 0) {
                    continue; // a name without a writer's id: not known to be dead
                }
                try {
                    long pid = Long.parseLong(middle.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue; // a writer still at work (or its id reused: then the file stays, harmless)
                    }
                } catch (NumberFormatException notOurs) {
                    continue;
                }
                deleteTree(p);
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: a folder that cannot be listed has nothing to clean that we could remove
        }
    }

    private static void deleteTree(Path p) {
        try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException ignored) {
            // already gone, or not ours to remove
        }
    }

    public static void write(Path target, byte[] bytes) throws FileAccessException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code target} atomically; a failure names the file and the true reason, and leaves no temporary file. */
    public static void write(Path target, Content content) throws FileAccessException {
        writeChannel(target, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush(); // not closed: that would close the channel before it is forced
        });
    }

    /** As {@link #write(Path, Content)}, the content written (and read back, if it likes) through a file channel. */
    public static void writeChannel(Path target, ChannelContent content) throws FileAccessException {
        Path file = destination(target);
        Path dir = file.getParent();
        Path tmp = null;
        Path registered = null;
        try {
            makeFolder(target, dir);
            tmp = newTemporary(dir, file.getFileName().toString());
            registered = tmp;
            WRITING.put(tmp, System.nanoTime());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                content.writeTo(ch);
                ch.force(true);
            }
            keepPermissions(file, tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            forceFolder(dir);
        } catch (FileAccessException e) {
            throw e;
        } catch (IOException e) {
            throw new FileAccessException(target, "cannot be written: " + InputFile.reason(e), e);
        } finally {
            deleteQuietly(tmp);
            if (registered != null) {
                WRITING.remove(registered);
            }
        }
    }

    /**
     * Checks, before work that would be lost, that {@link #write} could write {@code target} now: it is not a
     * folder, its folder can be made and written to, and at least {@code bytesNeeded} are free there.
     */
    public static void checkWritable(Path target, long bytesNeeded) throws FileAccessException {
        Path file = destination(target);
        try {
            makeFolder(target, file.getParent());
            Files.delete(newTemporary(file.getParent(), file.getFileName().toString()));
            long free = Files.getFileStore(file.getParent()).getUsableSpace();
            if (free < bytesNeeded) {
                throw new FileAccessException(target, "cannot be written: the disk is full (" + free + " bytes free)");
            }
        } catch (FileAccessException e) {
            throw e;
        } catch (IOException e) {
            throw new FileAccessException(target, "cannot be written: " + InputFile.reason(e), e);
        }
    }

    /**
     * Refuses to write {@code target} when it is {@code input} — the same file by any name: a link, a hard link, a
     * relative path. No command writes over one of its inputs ({@code render X.mid --out X.mid} would replace the
     * MIDI with the WAV).
     *
     * @param option the output's option as the user gave it (e.g. {@code "--out"})
     * @param what   what the input is to the command (e.g. {@code "the MIDI file being rendered"})
     * @throws IllegalArgumentException in one line, naming both
     */
    public static void checkNotInput(Path target, String option, Path input, String what) {
        if (input == null || target == null) {
            return;
        }
        if (sameFile(target, input)) {
            throw new IllegalArgumentException(option + " " + target + " is " + what + " (" + input
                    + "): writing it would" + " destroy it; give another name");
        }
    }

    /** Whether two paths name the same existing file or folder (through links, hard links, relative names). */
    public static boolean sameFile(Path a, Path b) {
        try {
            Path da = a.toAbsolutePath().normalize();
            Path db = b.toAbsolutePath().normalize();
            if (da.equals(db)) {
                return true;
            }
            return Files.exists(da) && Files.exists(db) && Files.isSameFile(da, db);
        } catch (IOException | SecurityException e) {
            return false; // cannot be read: then it cannot be an input either
        }
    }

    /** More links in a row than this are a loop (Linux's own limit is 40). */
    static final int MAX_LINKS = 40;

    /**
     * The file that writing {@code target} replaces: {@code target} itself, or where its symbolic link (or chain of
     * links) points — a link is written through and stays a link, wherever it leads (a missing file there is made)
     * — and never something that is not a regular file: a folder, a named pipe, a device ({@code /dev/null} is not
     * replaced by a file, even for root), a link loop.
     *
     * @throws FileAccessException naming {@code target} and what it is instead
     */
    public static Path destination(Path target) throws FileAccessException {
        Path file = target.toAbsolutePath().normalize();
        try {
            for (int links = 0; Files.isSymbolicLink(file); links++) {
                if (links == MAX_LINKS) {
                    throw new FileAccessException(target, "cannot be written: its symbolic links go round in a loop");
                }
                file = file.resolveSibling(Files.readSymbolicLink(file))
                        .toAbsolutePath()
                        .normalize();
            }
        } catch (FileAccessException e) {
            throw e;
        } catch (IOException e) {
            throw new FileAccessException(target, "cannot be written: " + InputFile.reason(e), e);
        }
        if (Files.isDirectory(file)) {
            throw new FileAccessException(target, "is a folder, not a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new FileAccessException(
                    target,
                    "not a regular file (" + InputFile.specialKind(file) + "): it cannot be" + " replaced by one");
        }
        return file;
    }

    /**
     * A new empty folder beside {@code target} (same parent, hidden name) with the usual permissions, for
     * writing a set of files that then replaces or becomes {@code target}. The caller deletes it on failure.
     */
    public static Path newFolderBeside(Path target) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        removeLeftOversOfDeadWriters(file);
        for (int attempt = 0; ; attempt++) {
            Path p = file.resolveSibling("." + file.getFileName() + "." + PID + "-" + random() + ".part");
            try {
                return Files.createDirectory(p); // no attributes: the umask decides, as for any new folder
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Forces a folder's entries (a rename) to disk; not every platform can, and then the rename stands alone. */
    public static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort (e.g. Windows cannot open a folder)
        }
    }

    private static void makeFolder(Path target, Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new FileAccessException(target, "cannot be written: " + p + " is a file, not a folder");
                }
                break;
            }
        }
        Files.createDirectories(dir);
    }

    /**
     * Whether {@code p} is what {@link #write} or {@link #newFolderBeside} leaves beside {@code target} when the
     * process is killed mid-write (a hidden {@code .NAME.RANDOM.part} file or folder): safe to delete once no
     * writer runs.
     */
    public static boolean isLeftOverOf(Path p, Path target) {
        String n = p.getFileName().toString();
        String prefix = "." + target.getFileName() + ".";
        return n.startsWith(prefix) && n.endsWith(".part") && n.length() > prefix.length() + ".part".length();
    }

    private static Path newTemporary(Path dir, String name) throws IOException {
        removeLeftOversOfDeadWriters(dir.resolve(name));
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve("." + name + "." + PID + "-" + random() + ".part");
            try {
                // no attributes: the umask decides, as for any new file the user makes
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path existing, Path fresh) {
        try {
            if (Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(fresh, Files.getPosixFilePermissions(existing));
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system, or not ours to read: the new file keeps the umask's permissions
        }
    }

    private static String random() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the first error is the one to report
        }
    }
}
