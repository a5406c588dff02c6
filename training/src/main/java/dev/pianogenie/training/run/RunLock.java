package dev.pianogenie.training.run;

import dev.pianogenie.files.InputFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock of a run's folder: one {@code train} at a time writes a run folder (checkpoint, curve, log) or a model
 * folder, held for the run's whole life. Two runs on one {@code --out} used to both finish and mix the folder — the
 * model from one, checkpoint and curve from the other, the log interleaved. The lock is the operating system's
 * (released by the process's end, however it ends), so the lock of a process that died — killed, crashed, a power
 * cut — is recognised as stale and taken over; the file also says who holds it (process id, since when), for the
 * refusal.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file, hidden in the folder it locks. */
    public static final String FILE = ".train.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final boolean tookOverStale;
    private final String staleHolder;

    private RunLock(FileChannel channel, FileLock lock, String staleHolder) {
        this.channel = channel;
        this.lock = lock;
        this.tookOverStale = staleHolder != null;
        this.staleHolder = staleHolder;
    }

    /**
     * Locks {@code folder} (made if missing) for this process.
     *
     * @param what how the folder is named to the user, e.g. {@code "the run folder"}
     * @throws IllegalArgumentException in one line if another run holds it
     */
    public static RunLock acquire(Path folder, String what) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null; // held by this very process (another run started in it)
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot lock " + what + " " + folder + ": " + InputFile.reason(e), e);
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new IllegalArgumentException(what + " " + folder + " is in use by another train run"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": wait for it to end, or give another --out");
        }
        String previous = holder(ch);
        String stale = previous.isEmpty() ? null : previous;
        String me = "process " + ProcessHandle.current().pid() + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(true);
        return new RunLock(ch, lock, stale);
    }

    /** Whether the lock was left by a run that ended without releasing it (a kill -9, a crash): taken over. */
    public boolean tookOverStale() {
        return tookOverStale;
    }

    /** Who held the stale lock ("process 1234, since ..."), if {@link #tookOverStale()}. */
    public String staleHolder() {
        return staleHolder;
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(200);
        int n = ch.read(b, 0);
        return n <= 0 ? "" : new String(b.array(), 0, n, StandardCharsets.UTF_8).strip();
    }

    /** Releases the folder; the lock file is emptied (a later run finds no holder), not deleted (that would race). */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
