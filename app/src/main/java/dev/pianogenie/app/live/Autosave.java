package dev.pianogenie.app.live;

import dev.pianogenie.files.ErrorText;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Saves the take in progress every few seconds, atomically, to where it will be saved at the end — so a crash
 * or a {@code kill -9} loses at most the last few seconds. Runs on its own thread; the take is copied out of
 * the performer (a few array copies), formatted and written here.
 */
public final class Autosave implements AutoCloseable {
    /** How often: the most a crash can lose. */
    public static final long EVERY_MILLIS = 3000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "genie-autosave");
        t.setDaemon(true);
        return t;
    });
    private int savedEvents = -1;
    private boolean failing;

    /**
     * @param take    the take so far (empty or unchanged takes are not written again)
     * @param target  the take's own file
     * @param problem told once when saving starts failing (and again after it worked meanwhile)
     */
    public Autosave(Supplier<Take> take, Supplier<Path> target, Consumer<String> problem, long everyMillis) {
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        Take t = take.get();
                        if (t.isEmpty() || t.events().size() == savedEvents) {
                            return;
                        }
                        t.save(target.get());
                        savedEvents = t.events().size();
                        failing = false;
                    } catch (Exception | Error e) {
                        if (!failing) {
                            failing = true;
                            problem.accept("autosave to " + target.get() + " failed: " + ErrorText.describe(e));
                        }
                    }
                },
                everyMillis,
                everyMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Stops, waiting for a save under way (the final save must not race it for the same file). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
