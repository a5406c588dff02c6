package dev.pianogenie.app.input.replay;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.Pacer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays a recorded session back: in real time (events stamped with the moment they are sent), or as fast as
 * possible with the recorded times (an exact, repeatable replay: same session + seeded decoder = same notes).
 * Either way every event is handed on: a replay waits for room in the performer's queue instead of dropping
 * (back-pressure), and in real time a stall of this process moves the rest of the replay later rather than
 * firing what fell due meanwhile in one burst ({@link Pacer}).
 */
public final class ReplaySource implements ButtonSource {
    private final Path file;
    private final boolean realTime;
    private final Runnable onFinished;
    /** Held while an event is handed on, and by {@link #close()}: once close returns, nothing more is delivered. */
    private final Object delivering = new Object();

    private Thread thread;
    private volatile boolean stopped;
    /** The model's buttons: a take of another count is refused (its buttons would mean other notes, or none). */
    private int modelButtons = dev.pianogenie.model.Keys.DEFAULT_BUTTONS;

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
    public void useButtons(int numButtons) {
        modelButtons = numButtons;
    }

    @Override
    public void start(ButtonListener listener) throws ControllerException {
        int recorded = SessionFile.readHeader(file)
                .map(SessionHeader::numButtons)
                .orElse(dev.pianogenie.model.Keys.DEFAULT_BUTTONS);
        if (recorded != modelButtons) {
            throw new ControllerException(
                    "cannot replay " + file + ": the take was played with " + recorded + " buttons, the model has "
                            + modelButtons + " (replay it with a model of " + recorded + " buttons, --model DIR)");
        }
        List<ButtonEvent> events = SessionFile.read(file);
        thread = new Thread(() -> play(events, listener), "replay");
        thread.setDaemon(true);
        thread.start();
    }

    private void play(List<ButtonEvent> events, ButtonListener listener) {
        long base = System.nanoTime() + 50_000_000L; // a moment to settle before the first event
        Pacer pacer = new Pacer();
        try {
            for (ButtonEvent e : events) {
                long at = base + e.nanos();
                if (realTime && (at = pacer.await(at, () -> stopped)) < 0) {
                    return;
                }
                synchronized (delivering) {
                    if (stopped) {
                        return; // stopped while waiting for this event: it never happened
                    }
                    ButtonEvent stamped = e.at(at); // a sampling change keeps its settings
                    // a replay waits for room rather than lose a press (as fast as possible, it outruns any decoder)
                    while (!listener.offer(stamped, 10, TimeUnit.MILLISECONDS)) {
                        if (stopped) {
                            return;
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
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
        stopped = true; // first: a delivery waiting for room gives up
        synchronized (delivering) {
            stopped = true;
        }
    }
}
