package dev.pianogenie.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    static String refusal(Path file, long max) {
        return assertThrows(FileAccessException.class, () -> InputFile.read(file, max, "a test file"))
                .reason();
    }

    @Test
    void aNamedPipeIsRefusedAtOnceInsteadOfBlockingForever(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.mid");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
        String reason = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refusal(fifo, 1000));
        assertTrue(reason.startsWith("not a regular file") && reason.contains("named pipe"), reason);
    }

    @Test
    void aDeviceIsRefusedAndABigFileIsCappedWhateverItsReportedSize(@TempDir Path dir) throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero));
        assertTrue(refusal(zero, 1 << 20).contains("character device"));
        // a sparse 2 GB file: read only up to the limit, then refused (no 2 GB array)
        Path big = dir.resolve("big.mid");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        assertEquals("too large for a test file (more than 1 MB)", refusal(big, 1 << 20));
        // a file the file system calls empty is read to its true end (or the limit)
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            assertEquals(0, Files.size(status));
            assertTrue(new String(InputFile.read(status, 1 << 20, "a test file")).contains("VmRSS"));
            assertTrue(refusal(status, 10).startsWith("too large"));
        }
    }

    @Test
    void readsAWholeFileUpToExactlyTheLimit(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.bin");
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(f, bytes);
        assertArrayEquals(bytes, InputFile.read(f, bytes.length, "a test file"));
        assertTrue(refusal(f, bytes.length - 1).startsWith("too large"));
        assertArrayEquals(bytes, InputFile.read(f, Long.MAX_VALUE, "a test file"), "no limit at all");
        try (var in = InputFile.open(f, Long.MAX_VALUE, "a test file")) {
            assertEquals(10, in.readNBytes(new byte[10], 0, 10));
        }
    }

    @Test
    void failuresSayTheTrueReason(@TempDir Path dir) throws Exception {
        assertEquals("no such file", refusal(dir.resolve("nothing.mid"), 100));
        assertEquals("is a folder, not a file", refusal(dir, 100));
        assertEquals("permission denied", InputFile.reason(new AccessDeniedException("/x/y")));
        assertEquals("no such file", InputFile.reason(new NoSuchFileException("/x/y")));
        // "\xe9tude.mid" (Latin-1) on a UTF-8 system reaches Java as U+FFFD + "tude.mid": say why it cannot be opened
        String latin1 = refusal(dir.resolve("\uFFFDtude.mid"), 100);
        assertTrue(latin1.startsWith("no such file by that name: the name is not valid UTF-8"), latin1);
        assertTrue(latin1.contains("rename the file"), latin1);
        assertEquals(
                "no space left on device",
                InputFile.reason(new FileSystemException("/x", null, "No space left on device")));
    }

    @Test
    void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws Exception {
        Path locked = dir.resolve("locked.mid");
        Files.write(locked, new byte[20]);
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        // root reads anything: the true refusal can only be seen as another user
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");
        assertEquals("permission denied", refusal(locked, 100));
    }

    @Test
    void theStreamStopsAtTheLimitToo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f.txt");
        Files.writeString(f, "x".repeat(5000));
        try (var in = InputFile.open(f, 4096, "a session file")) {
            FileAccessException e = assertThrows(FileAccessException.class, in::readAllBytes);
            assertTrue(e.getMessage().startsWith(f + ": too large for a session file"), e.getMessage());
        }
    }
}
