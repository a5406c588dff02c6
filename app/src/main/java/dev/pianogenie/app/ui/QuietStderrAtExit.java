package dev.pianogenie.app.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * Standard error that drops one thing: a {@code RejectedExecutionException} stack trace printed while the JVM runs its
 * shutdown hooks, or one whose message says JavaFX's renderer had stopped ({@link GenieApp#rejectedByStoppedRenderer}). On a signal JavaFX's own hook stops the renderer while a last pulse may still ask it to repaint;
 * JavaFX reports that rejected repaint itself in some paths (not through an uncaught-exception handler, which
 * {@link GenieApp#quietRendererAtExit} covers), so it is caught here, at the stream. Everything else, and everything
 * before the shutdown, passes unchanged. Lines are held until their newline (or a flush), so the trace's lines can be
 * told apart.
 */
final class QuietStderrAtExit extends OutputStream {
    private static final String REJECTED = "java.util.concurrent.RejectedExecutionException";
    private final OutputStream out;
    private final BooleanSupplier shuttingDown;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean dropping;

    QuietStderrAtExit(OutputStream out, BooleanSupplier shuttingDown) {
        this.out = out;
        this.shuttingDown = shuttingDown;
    }

    /** Puts the filter in front of {@link System#err} (once). */
    static synchronized void install() {
        if (!(System.err instanceof Installed)) {
            System.setErr(new Installed(new QuietStderrAtExit(System.err, GenieApp::shuttingDown)));
        }
    }

    /** Marks the installed stream, so a second install does not stack filters. */
    private static final class Installed extends PrintStream {
        Installed(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            endLine();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        // a partial line ("Exception in thread ... " before its trace) waits for its end, unless it cannot be part of
        // one
        if (line.size() > 0 && !mayStartTrace(line.toString(StandardCharsets.UTF_8))) {
            out.write(line.toByteArray());
            line.reset();
        }
        out.flush();
    }

    private void endLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        boolean traceLine = text.startsWith("\tat ")
                || text.startsWith("\t... ")
                || text.startsWith("Caused by: ")
                || text.startsWith("\tSuppressed: ");
        if (text.contains(REJECTED) && (shuttingDown.getAsBoolean() || GenieApp.rejectedByStoppedRenderer(text))) {
            dropping = true;
        } else if (!(dropping && traceLine)) {
            dropping = false;
            out.write(line.toByteArray());
        }
        line.reset();
        out.flush();
    }

    private static boolean mayStartTrace(String partial) {
        return partial.startsWith("Exception in thread ");
    }
}
