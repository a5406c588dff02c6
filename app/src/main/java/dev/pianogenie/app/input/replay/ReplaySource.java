package dev.pianogenie.app.input.replay;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a recorded session back: in real time (events stamped with the moment they are sent), or as fast as
 * possible with the recorded times (an exact, repeatable replay: same session + seeded decoder = same notes).
 */
public final class ReplaySource implements ButtonSource {
    private final Path file;
    private final boolean realTime;
    private final Runnable onFinished;
    /** Held while an event is handed on, and by {@link #close()}: once close returns, nothing more is delivered. */
    private final Object delivering = new Object();
    private Thread thread;
    private volatile boolean stopped;

    public ReplaySource(Path file, boolean realTime, Runnable onFinished) {
        this.file = file;
        this.realTime = realTime;
        this.onFinished = onFinished;
    }

    @Override
    public String name() {
        return "replay of " + file.getFileName();
    }

    @Override
    public void start(ButtonListener listener) throws ControllerException {
        List<ButtonEvent> events = SessionFile.read(file);
        thread = new Thread(() -> play(events, listener), "replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void play(List<ButtonEvent> events, ButtonListener listener) {
        long base = System.nanoTime() + 50_000_000L; // a moment to settle before the first event
        for (ButtonEvent e : events) {
            if (stopped) {
                return;
            }
            long at = base + e.nanos();
            if (realTime) {
                long wait;
                while ((wait = at - System.nanoTime()) > 0 && !stopped) {
                    LockSupport.parkNanos(Math.min(wait, 1_000_000L));
                }
            }
            synchronized (delivering) {
                if (stopped) {
                    return; // stopped while waiting for this event: it never happened
                }
                listener.onEvent(e.at(realTime ? System.nanoTime() : at)); // a sampling change keeps its settings
            }
        }
        if (!stopped) {
            onFinished.run();
        }
    }

    /** Waits for the replay to have sent everything. */
    public void join(long millis) throws InterruptedException {
        if (thread != null) {
            thread.join(millis);
        }
    }

    /** Stops the replay: no event is delivered after this returns (an event being delivered is waited for). */
    @Override
    public void close() {
        synchronized (delivering) {
            stopped = true;
        }
    }
}
