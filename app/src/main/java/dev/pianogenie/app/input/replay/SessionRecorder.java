package dev.pianogenie.app.input.replay;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the button session that drives a performance (passes every event on to the next listener), so it
 * can be saved beside the MIDI recording and replayed later with another model, temperature or sound.
 */
public final class SessionRecorder implements ButtonListener {
    private final ButtonListener next;
    private final List<String> lines = new ArrayList<>();
    private long start = Long.MIN_VALUE;
    private long last;

    public SessionRecorder(ButtonListener next) {
        this.next = next;
    }

    /**
     * Records and passes on, under one lock: the file lists events in the order the performer gets them, and
     * an event stamped before the previous one (two controllers, two clocks) is written at the previous one's
     * time, as the performer plays it — so a saved session always replays.
     */
    @Override
    public void onEvent(ButtonEvent event) {
        synchronized (lines) {
            if (start == Long.MIN_VALUE) {
                start = event.nanos();
            }
            last = Math.max(last, event.nanos() - start);
            lines.add(SessionFile.line(event, last));
            next.onEvent(event);
        }
    }

    @Override
    public void onConnection(String source, boolean connected, String detail) {
        next.onConnection(source, connected, detail);
    }

    /** Starts a new session (a new take). */
    public void clear() {
        synchronized (lines) {
            lines.clear();
            start = Long.MIN_VALUE;
            last = 0;
        }
    }

    public int events() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Writes the session so far, atomically. */
    public void save(Path file) throws IOException {
        List<String> copy;
        synchronized (lines) {
            copy = List.copyOf(lines);
        }
        try {
            AtomicFile.write(file, out -> {
                for (String line : copy) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            });
        } catch (FileAccessException e) {
            throw new IOException("could not save the session " + file + ": " + e.reason(), e);
        }
    }
}
