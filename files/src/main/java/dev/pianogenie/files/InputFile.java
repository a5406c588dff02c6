package dev.pianogenie.files;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reading a file a user named, safely: only regular files are opened (a named pipe would block forever, a
 * device such as {@code /dev/zero} never ends), every read stops at a size limit whatever size the file system
 * reports ({@code /proc} files say 0), and a failure says what is truly wrong ("permission denied", "is a
 * folder", "no such file") rather than repeating the path.
 */
public final class InputFile {
    private InputFile() {}

    /**
     * The whole file, at most {@code maxBytes}.
     *
     * @param kind what the file should be, for the too-large message ("a MIDI file")
     */
    public static byte[] read(Path file, long maxBytes, String kind) throws FileAccessException {
        try (InputStream in = open(file, maxBytes, kind)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(
                    (int) Math.min(Math.max(size(file), 0) + 1, Math.min(maxBytes + 1, 1 << 20)));
            in.transferTo(out);
            return out.toByteArray();
        } catch (FileAccessException e) {
            throw e;
        } catch (IOException e) {
            throw new FileAccessException(file, reason(e), e);
        }
    }

    /** A stream over a regular file that fails, naming the limit, once more than {@code maxBytes} are read. */
    public static InputStream open(Path file, long maxBytes, String kind) throws FileAccessException {
        checkRegular(file);
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw new FileAccessException(file, reason(e), e);
        }
        return new Capped(raw, file, maxBytes, kind);
    }

    /** Refuses anything but an existing regular file (following links), saying what it is instead. */
    public static void checkRegular(Path file) throws FileAccessException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new FileAccessException(file, reason(e), e);
        }
        if (a.isDirectory()) {
            throw new FileAccessException(file, "is a folder, not a file");
        }
        if (!a.isRegularFile()) {
            throw new FileAccessException(file, "not a regular file (" + specialKind(file) + ")");
        }
    }

    /** The reason an I/O operation failed, in a few lower-case words. */
    public static String reason(IOException e) {
        if (e instanceof FileAccessException f) {
            return f.reason();
        }
        if (e instanceof NoSuchFileException n) {
            // Java reads names from the command line and the system as UTF-8: bytes that are not (a Latin-1 "é") become
            // U+FFFD, and a file by that name is not there even when the user sees it
            return n.getFile() != null && n.getFile().indexOf('\uFFFD') >= 0
                    ? "no such file by that name: the name is not valid UTF-8, which Java cannot open by name; rename the"
                            + " file (e.g. convmv -f latin1 -t utf-8 --notest FILE)"
                    : "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "a folder that is not empty";
        }
        if (e instanceof FileSystemException f) { // its message is the bare path unless it has a reason
            String r = f.getReason();
            return r == null || r.isEmpty()
                    ? "cannot be accessed"
                    : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A named pipe, a device, a socket: from the POSIX file mode where the platform gives it. */
    static String specialKind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static final class Capped extends FilterInputStream {
        private final Path file;
        private final long max;
        private final String kind;
        private long count;

        Capped(InputStream in, Path file, long max, String kind) {
            super(in);
            this.file = file;
            this.max = max;
            this.kind = kind;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // never ask for more than one byte past the limit: a device never ends
            int n = super.read(b, off, (int) Math.min(len, room()));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, room()));
            counted(s);
            return s;
        }

        /** One byte more than the limit allows, so that going over it is seen (without overflowing at Long.MAX_VALUE). */
        private long room() {
            long left = max - count;
            return left == Long.MAX_VALUE ? left : left + 1;
        }

        private void counted(long n) throws FileAccessException {
            count += n;
            if (count > max) {
                throw new FileAccessException(file, "too large for " + kind + " (more than " + megabytes(max) + ")");
            }
        }
    }
}
