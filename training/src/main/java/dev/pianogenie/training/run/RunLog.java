package dev.pianogenie.training.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What a run prints, also appended to its log file ({@code RUN/train.log}) with the time at the start of each line.
 * {@link #fileOnly()} writes to the file alone (periodic progress while a terminal shows a bar).
 */
public final class RunLog extends PrintStream {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintStream fileOnly;

    private RunLog(TimestampedFile file, OutputStream console) {
        super(new Tee(console, file), true, StandardCharsets.UTF_8);
        this.fileOnly = new PrintStream(file, true, StandardCharsets.UTF_8);
    }

    /** Appends to {@code file} (a resumed run's log goes on) and prints to {@code console}. */
    public static RunLog open(Path file, OutputStream console) throws IOException {
        return new RunLog(
                new TimestampedFile(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)),
                console);
    }

    public PrintStream fileOnly() {
        return fileOnly;
    }

    @Override
    public void close() {
        flush();
        fileOnly.close(); // closes the file; the console stays open
    }

    /** Bytes to the file, the time before each line. */
    private static final class TimestampedFile extends OutputStream {
        private final OutputStream out;
        private boolean lineStart = true;

        TimestampedFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (lineStart) {
                out.write((LocalDateTime.now().format(TIME) + "  ").getBytes(StandardCharsets.UTF_8));
                lineStart = false;
            }
            out.write(b);
            if (b == '\n') {
                lineStart = true;
                out.flush();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream file;

        Tee(OutputStream console, OutputStream file) {
            this.console = console;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            console.write(b);
            file.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            file.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
            file.flush();
        }

        @Override
        public void close() throws IOException {
            flush(); // neither is closed here: the console is not ours, the file closes with fileOnly
        }
    }
}
