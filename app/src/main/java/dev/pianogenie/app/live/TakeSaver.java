package dev.pianogenie.app.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One take's whole life, written once for both faces (the window's Record, {@code genie play --record}): the target
 * checked before anything is recorded, the take started, autosaved every few seconds while it runs (a crash loses at
 * most those), and saved at the end where it was meant to go — or, when that fails, to the rescue folder
 * ({@link RecordTarget#save}). Each face only says the result in its own way.
 */
public final class TakeSaver implements AutoCloseable {
    private final LiveSession session;
    private final Path target;
    private Autosave autosave;

    /** A finished take: what was played, and where it went ({@code saved.rescued()}: not where it was meant to go). */
    public record Result(Take take, RecordTarget.Saved saved) {}

    private TakeSaver(LiveSession session, Path target) {
        this.session = session;
        this.target = target;
    }

    /**
     * Checks {@code target} and starts the take: from here the session keeps exactly what is played.
     *
     * @throws IllegalArgumentException the target cannot be written (one line saying why); nothing was started
     */
    public static TakeSaver start(LiveSession session, Path target) {
        RecordTarget.check(target);
        session.startTake();
        return new TakeSaver(session, target);
    }

    /** Where the take is meant to go. */
    public Path target() {
        return target;
    }

    /** Saves the take in progress every few seconds to its target; {@code problems} hears when that starts failing. */
    public void autosave(Consumer<String> problems) {
        if (autosave == null) {
            autosave = new Autosave(session::take, () -> target, problems, Autosave.EVERY_MILLIS);
        }
    }

    /** Stops the take and saves it (after the last autosave, which it must not race for the file). */
    public Result finish() throws IOException {
        close();
        Take take = session.stopTake();
        return new Result(take, RecordTarget.save(take, target));
    }

    /** Stops autosaving (waiting for a save under way); the take itself is kept until {@link #finish()}. */
    @Override
    public void close() {
        if (autosave != null) {
            autosave.close();
            autosave = null;
        }
    }
}
