package dev.pianogenie.app.live;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.app.input.replay.SessionHeader;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.app.perform.TakeRecorder;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.Decoders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The chain a press travels, opened from a {@link LiveSetup} in one place for headless play and the window,
 * and closed in reverse order:
 * <pre>
 *   controller(s) ──▶ Performer ──▶ decoder ──▶ outputs (synth / MIDI out / none)
 *                        └── tap: the take recorder (button events + notes, between Record and Stop)
 * </pre>
 */
public final class LiveSession implements AutoCloseable {
    private final LiveSetup setup;
    private final PianoGenieModel model;
    private final String modelId;
    private final StreamingDecoder decoder;
    private final Performer performer;
    private final TakeRecorder take = new TakeRecorder();
    private final List<ButtonSource> sources = new ArrayList<>();
    private final List<NoteSink> outputs = new ArrayList<>();
    private final SplittableRandom seeds = new SplittableRandom();
    private volatile Sampling sampling;
    /** The fixed velocity (or NO_VELOCITY) and the dynamics in force, as the performer last applied them. */
    private volatile int velocity;

    private volatile int dynamics;
    private volatile SessionHeader takeHeader;
    private volatile KeyChoice keys;
    private volatile boolean recording;

    /** A session that looks ahead after each note (for the window, whose pads show it). */
    public LiveSession(LiveSetup setup, PianoGenieModel model, PerformerListener listener) {
        this(setup, model, listener, true);
    }

    /**
     * @param lookahead whether the performer looks ahead after each note (what each button would play next):
     *                  only worth its cost where something shows it
     */
    public LiveSession(LiveSetup setup, PianoGenieModel model, PerformerListener listener, boolean lookahead) {
        this.setup = setup;
        this.model = model;
        this.modelId = ModelIdentity.of(model);
        this.sampling = setup.sampling();
        this.keys = setup.keys();
        this.velocity = setup.velocity().orElse(ButtonEvent.NO_VELOCITY);
        this.dynamics = setup.dynamics();
        this.decoder = Decoders.open(model, setup.engine(), sampling);
        this.performer = new Performer(decoder, listener, lookahead);
        performer.setKeyVelocity(setup.keyVelocity());
        performer.startLoudness(dynamics, velocity); // the setup, not a change: never in a take (its header says it)
        performer.attach(take);
        performer.tap(take);
        performer.tap((e, t) -> { // a replayed take's own changes too: the next take's header says what plays
            if (e.kind() == ButtonEvent.Kind.SAMPLING) {
                SamplingChange c = e.sampling();
                this.keys = new KeyChoice(c.scale(), c.range());
                this.sampling = c.sampling(sampling.seed());
            } else if (e.kind()
                    == ButtonEvent.Kind.DYNAMICS) { // a slider, a controller acting as the dynamics, a replay
                this.dynamics = e.velocity();
            } else if (e.kind() == ButtonEvent.Kind.VELOCITY) {
                this.velocity = e.velocity();
            }
        });
    }

    public LiveSetup setup() {
        return setup;
    }

    public PianoGenieModel model() {
        return model;
    }

    public Performer performer() {
        return performer;
    }

    /** Where controllers deliver: the performer (the take recorder listens there, it does not relay). */
    public ButtonListener input() {
        return performer;
    }

    public void addOutput(NoteSink sink) {
        synchronized (outputs) {
            outputs.add(sink);
        }
        performer.attach(sink);
    }

    /** Swaps the outputs while playing: the old ones are silenced and closed, the new one attached (none: silence). */
    public void replaceOutputs(Optional<NoteSink> fresh) {
        List<NoteSink> old;
        synchronized (outputs) {
            old = List.copyOf(outputs);
            outputs.clear();
        }
        for (NoteSink o : old) {
            performer.detach(o);
            closeQuietly(o);
        }
        fresh.ifPresent(this::addOutput);
    }

    public List<NoteSink> outputs() {
        synchronized (outputs) {
            return List.copyOf(outputs);
        }
    }

    public void addSource(ButtonSource source) throws ControllerException {
        source.useButtons(model.config().numButtons());
        source.start(performer);
        synchronized (sources) {
            sources.add(source);
        }
    }

    public void removeSource(ButtonSource source) {
        synchronized (sources) {
            sources.remove(source);
        }
        source.close();
    }

    public Sampling sampling() {
        return sampling;
    }

    public KeyChoice keys() {
        return keys;
    }

    /**
     * New temperature and keys from the next press on (the seed in use stays); a take under way keeps the change
     * where it falls among its presses, and its replay makes it there too.
     */
    public void setSampling(double temperature, KeyChoice keys) {
        SamplingChange change = new SamplingChange(temperature, keys.scale(), keys.range());
        this.keys = keys;
        sampling = change.sampling(sampling.seed());
        performer.setSampling(change);
    }

    /** A fixed velocity from the next press on, or {@code ButtonEvent.NO_VELOCITY}: the genie's own at the dynamics. */
    public void setVelocity(int v) {
        performer.setFixedVelocity(v);
        velocity = v;
    }

    /** The dynamics (1..127) from the next press on; a take keeps the change where it falls. */
    public void setDynamics(int level) {
        performer.setDynamics(level);
        dynamics = level;
    }

    public int dynamics() {
        return dynamics;
    }

    // ---- takes ----

    /**
     * Starts a take: from here the recorder keeps exactly what is played, until {@link #stopTake()}. The
     * decoder begins a new phrase with the take's seed (the setup's, else a fresh one), written in the take's
     * header, so the take's session replays to the same notes.
     */
    public void startTake() {
        long seed = setup.seed().orElseGet(seeds::nextLong);
        Sampling s = new Sampling(sampling.temperature(), sampling.allowedKeys(), OptionalLong.of(seed));
        sampling = s;
        takeHeader = header(s);
        performer.startTake(take, s);
        recording = true;
    }

    /** Ends the take (what still sounds ends in it now) and hands it out. */
    public Take stopTake() {
        recording = false;
        return take(performer.stopTake(take));
    }

    /** The take so far (recording) or the last one, copied (for an autosave or a save). */
    public Take take() {
        return take(performer.snapshot(take));
    }

    public boolean isRecording() {
        return recording;
    }

    private Take take(TakeRecorder.Snapshot s) {
        SessionHeader h = takeHeader != null ? takeHeader : header(sampling);
        return new Take(s.notes().performance(), s.events(), h, s.recording());
    }

    private SessionHeader header(Sampling s) {
        return new SessionHeader(
                model.config().name(),
                Optional.ofNullable(model.source()).map(p -> p.toAbsolutePath()),
                Optional.of(modelId),
                Optional.of(setup.engine().name().toLowerCase(java.util.Locale.ROOT)),
                OptionalDouble.of(s.temperature()),
                Optional.of(keys.scale().toString()),
                Optional.of(keys.range().toString()),
                s.seed(),
                velocity == ButtonEvent.NO_VELOCITY ? OptionalInt.empty() : OptionalInt.of(velocity),
                OptionalInt.of(dynamics),
                Optional.of(setup.keyVelocity().toString()),
                OptionalInt.of(model.config().numButtons()));
    }

    public String modelId() {
        return modelId;
    }

    /**
     * For a replayed take: one line saying which model plays, when it is not the one the take was recorded with
     * (compared by the weights' fingerprint, {@link ModelIdentity}: a folder since retrained, moved or gone, or
     * another model chosen) — the replay will not play the take's notes. Empty when it is the take's, or the session
     * does not say (an older file).
     */
    public Optional<String> notTheTakesModel() {
        Optional<ControllerSpec> replay = setup.replay();
        if (replay.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionHeader> header;
        try {
            header = dev.pianogenie.app.input.replay.SessionFile.readHeader(
                    replay.get().file());
        } catch (ControllerException | RuntimeException unreadable) {
            return Optional.empty(); // said when the replay opens
        }
        if (header.isEmpty()
                || header.get().modelId().isEmpty()
                || header.get().modelId().get().equals(modelId)) {
            return Optional.empty();
        }
        SessionHeader h = header.get();
        String where = h.modelFolder()
                .map(f -> java.nio.file.Files.isDirectory(f) ? ", " + f : ", " + f + ", which is gone")
                .orElse("");
        return Optional.of("replaying " + replay.get().file().getFileName() + " with "
                + model.config().name() + " ("
                + modelId + "), not the take's model " + h.modelName() + " ("
                + h.modelId().get() + where
                + "): it will not play the take's notes");
    }

    /** Stops every controller (nothing more is queued); what they queued is still played. */
    public void closeSources() {
        List<ButtonSource> s;
        synchronized (sources) {
            s = new ArrayList<>(sources);
            sources.clear(); // closed once: close() has none left to close again
        }
        for (int i = s.size() - 1; i >= 0; i--) {
            s.get(i).close();
        }
    }

    @Override
    public void close() {
        List<ButtonSource> s;
        synchronized (sources) {
            s = new ArrayList<>(sources);
        }
        for (int i = s.size() - 1; i >= 0; i--) {
            s.get(i).close();
        }
        performer.close(); // releases everything sounding, lifts the pedal
        for (NoteSink o : outputs()) {
            closeQuietly(o);
        }
        decoder.close();
    }

    private static void closeQuietly(NoteSink sink) {
        try {
            sink.close();
        } catch (Exception ignored) {
            // a device that vanished cannot be closed cleanly; nothing else depends on it
        }
    }
}
