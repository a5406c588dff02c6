package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.ComputerKeyboard;
import dev.pianogenie.app.input.midi.LearnsKeys;
import dev.pianogenie.app.live.ControllerSpec;
import dev.pianogenie.app.live.KeyChoice;
import dev.pianogenie.app.live.LiveSession;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.app.live.RecordTarget;
import dev.pianogenie.app.live.Take;
import dev.pianogenie.app.live.TakeSaver;
import dev.pianogenie.files.ErrorText;
import dev.pianogenie.midi.MidiFileName;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.OfflineRenderer;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * The work behind the window's commands, off the UI thread, in order: opening the live chain from the setup
 * (the old model keeps playing until a new one is ready, and stays if loading fails), outputs, controllers,
 * takes (each saved when it stops, autosaved while it runs), export. Results come back through
 * {@link AppState} on the JavaFX thread.
 */
final class PlayController implements AutoCloseable {
    private final AppState state;
    private final UiEvents events;
    private final ComputerKeyboard keyboard = new ComputerKeyboard();
    private final LevelMeter meter = new LevelMeter();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "genie-background");
        t.setDaemon(true);
        return t;
    });
    private volatile LiveSession session;
    private volatile GamepadSource gamepad;
    private volatile ButtonSource extra;
    // background thread only
    private Path takeFile;
    private TakeSaver saver;

    PlayController(AppState state, UiEvents events) {
        this.state = state;
        this.events = events;
    }

    LevelMeter meter() {
        return meter;
    }

    ComputerKeyboard keyboard() {
        return keyboard;
    }

    LiveSession session() {
        return session;
    }

    ButtonListener input() {
        return e -> {
            LiveSession s = session;
            if (s != null) {
                s.input().onEvent(e);
            }
        };
    }

    GamepadSource gamepad() {
        return gamepad;
    }

    /** The MIDI keyboard chosen in the window ({@code midi:NAME} or JACK's MIDI input), if any. */
    LearnsKeys midiKeyboard() {
        return extra instanceof LearnsKeys k ? k : null;
    }

    interface Task {
        void run() throws Exception;
    }

    /** Runs a task in the background; its failure becomes a status line, never a stack trace. */
    void run(String what, Task task) {
        if (background.isShutdown()) {
            return; // the window is closing
        }
        state.busy(what);
        background.submit(() -> {
            try {
                task.run();
                Platform.runLater(state::done);
            } catch (Throwable e) {
                // every failure must show (a native library that will not load is an Error), never vanish in the
                // executor
                if (Boolean.getBoolean("genie.debug")) {
                    e.printStackTrace();
                }
                String message = ErrorText.describe(e);
                Platform.runLater(() -> state.problem(capitalised(what) + " failed: " + message));
            }
        });
    }

    /**
     * Loads a model and plays it, with the window's settings, the outputs and the command line's controllers;
     * on failure the current model plays on.
     *
     * @param recordAtOnce start the first take as soon as it plays (--record)
     */
    void open(Path folder, boolean recordAtOnce) {
        double t = state.temperature().get();
        KeyChoice k = state.keys().get();
        OptionalInt v =
                state.velocityFixed().get() ? OptionalInt.of(state.velocity().get()) : OptionalInt.empty();
        int d = state.dynamics().get();
        List<OutputSpec> outs = state.outputs().get();
        boolean first = session == null;
        Path firstTake = recordAtOnce ? state.recordingStarted() : null;
        run("loading " + folder.getFileName(), () -> {
            PianoGenieModel model;
            try {
                model = ModelFiles.load(folder);
            } catch (Exception | Error e) {
                if (firstTake != null) {
                    Platform.runLater(state::recordingStopped);
                }
                throw e;
            }
            LiveSetup setup = state.setup()
                    .withModel(folder)
                    .withSampling(t, k)
                    .withVelocity(v)
                    .withDynamics(d)
                    .withOutputs(outs);
            LiveSession fresh = new LiveSession(setup, model, events);
            LiveSession old = session;
            if (old != null) {
                finishTake(old);
                old.removeSource(keyboard);
                old.close(); // its gamepad and controllers close with it
            }
            session = fresh;
            fresh.notTheTakesModel().ifPresent(m -> Platform.runLater(() -> state.say(Message.info(m))));
            fresh.addSource(keyboard);
            startGamepad(fresh, setup);
            Platform.runLater(() -> state.modelLoaded(model, folder));
            openOutputs(fresh, outs, first && state.setup().isChosen(LiveSetup.Choice.OUTPUT), false);
            if (firstTake != null) {
                beginTake(fresh, firstTake); // before the command line's controllers: a replay starts at once
            }
            for (ControllerSpec c : setup.controllers()) {
                // the command line's controllers play whichever model is loaded; a replay plays once, on the first
                boolean replay = c.kind() == ControllerSpec.Kind.REPLAY;
                if (c.kind() != ControllerSpec.Kind.KEYBOARD
                        && c.kind() != ControllerSpec.Kind.GAMEPAD
                        && (first || !replay)) {
                    fresh.addSource(c.open(() -> Platform.runLater(() -> state.say(Message.info("Replay finished")))));
                }
            }
            if (!first && extra != null) {
                ButtonSource again = ControllerSpec.parse(extraSpec).open(() -> {});
                fresh.addSource(again);
                extra = again;
            }
        });
    }

    private void startGamepad(LiveSession s, LiveSetup setup) {
        ControllerSpec spec = setup.controllers().stream()
                .filter(c -> c.kind() == ControllerSpec.Kind.GAMEPAD)
                .findFirst()
                .orElse(ControllerSpec.GAMEPAD);
        GamepadSource pad = (GamepadSource) spec.open(() -> {});
        try {
            s.addSource(pad);
            gamepad = pad;
        } catch (ControllerException e) {
            events.post(UiEvent.Type.DISCONNECTED, e.getMessage());
        }
    }

    private final java.util.concurrent.atomic.AtomicLong outputChoices = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Opens the output chosen in the window. Choices made faster than outputs open (arrow keys through the menu)
     * open only the last: each one still waiting when a later one comes is dropped unopened.
     */
    void setOutput(OutputSpec spec) {
        long choice = outputChoices.incrementAndGet();
        run("opening " + spec.label(), () -> {
            if (choice == outputChoices.get()) {
                openOutputs(session, List.of(spec), true, true);
            }
        });
    }

    /**
     * Opens the outputs in place of the current ones; without a sound device says what works instead.
     *
     * @param chosen the player chose these now (in the window, or on the command line at start): what happened is said
     *               in the status line, a failure as a problem; otherwise (the default synth, last time's output) a
     *               failure is only said, calmly, beside the Output menu
     * @param announce say in the status line what opened (chosen in the window: "Opening…" gives way to it)
     */
    private void openOutputs(LiveSession s, List<OutputSpec> specs, boolean chosen, boolean announce) {
        if (s == null) {
            return;
        }
        List<NoteSink> opened = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        boolean noSoundDevice = false;
        for (OutputSpec spec : specs) {
            try {
                spec.open(meter).ifPresent(opened::add);
            } catch (MidiDeviceException e) {
                noSoundDevice |= spec.kind() == OutputSpec.Kind.SYNTH;
                failed.add(
                        spec.kind() == OutputSpec.Kind.SYNTH
                                ? "no sound device for the built-in synth"
                                : ErrorText.describe(e));
            }
        }
        s.replaceOutputs(Optional.empty());
        opened.forEach(s::addOutput);
        String description = opened.isEmpty()
                ? (specs.contains(OutputSpec.NONE) ? "silent: no output (Record and Export WAV work)" : "no sound")
                : String.join(", ", opened.stream().map(NoteSink::toString).toList());
        if (failed.isEmpty()) {
            Platform.runLater(() -> state.outputOpened(specs, description, announce));
            return;
        }
        String text = noSoundDevice
                ? "No sound device here, so the built-in synth cannot play. Without a sound card: choose a MIDI output"
                        + " (a DAW or a hardware synth) under Output"
                        + (dev.pianogenie.midi.sound.MidiDevices.outputs().isEmpty()
                                ? " (none is connected now: plug one in, or on Linux load snd-virmidi for a DAW)"
                                : "")
                        + ", or \"none\". The buttons, the keys on screen and Record still work, and Export WAV renders"
                        + " a take through the synth offline."
                : "Output: " + String.join("; ", failed);
        String status = noSoundDevice && opened.isEmpty()
                ? "no sound card here: choose a MIDI out, or none"
                : opened.isEmpty()
                        ? "no sound: " + String.join("; ", failed)
                        : description + " (" + String.join("; ", failed) + ")";
        Platform.runLater(() -> state.outputFailed(specs, status, text, chosen));
    }

    /** False if nothing plays yet (the settings are used when the model is loaded). */
    boolean applySampling(double temperature, KeyChoice keys) {
        LiveSession s = session;
        if (s != null) {
            s.setSampling(temperature, keys);
        }
        return s != null;
    }

    /** A fixed velocity, or {@code ButtonEvent.NO_VELOCITY}: the genie's own at the dynamics. */
    void setVelocity(int v) {
        LiveSession s = session;
        if (s != null) {
            s.setVelocity(v);
        }
    }

    boolean setDynamics(int level) {
        LiveSession s = session;
        if (s != null) {
            s.setDynamics(level);
        }
        return s != null;
    }

    /** All notes off on every output, done on the performer thread (outputs are only touched there). */
    void panic() {
        LiveSession s = session;
        if (s != null) {
            s.performer().panic();
        }
    }

    /** The on-screen sustain pedal. */
    void pedal(boolean down) {
        LiveSession s = session;
        if (s != null) {
            s.input().onEvent(ButtonEvent.pedal(down, System.nanoTime()));
        }
    }

    // ---- takes ----

    /** Starts a take that will be saved to {@code mid} (checked first), autosaved while it runs. */
    void startTake(Path mid) {
        run("starting the take", () -> beginTake(session, mid));
    }

    /** Background thread. */
    private void beginTake(LiveSession s, Path mid) {
        try {
            saver = TakeSaver.start(s, mid);
        } catch (IllegalArgumentException e) {
            Platform.runLater(state::recordingStopped);
            throw e;
        }
        takeFile = mid;
        saver.autosave(m -> Platform.runLater(() -> state.problem(m)));
        Platform.runLater(() -> {
            state.takeStarted();
            state.say(Message.info("Recording take " + state.takes().get() + " (autosaved to " + mid + ")…"));
        });
    }

    /** Stops the take and saves it where it was meant to go (or to a fallback file, said). */
    void stopTake() {
        run("saving the take", () -> finishTake(session));
    }

    /** Background thread. */
    private void finishTake(LiveSession s) throws Exception {
        if (saver == null || s == null) {
            return;
        }
        TakeSaver.Result result = saver.finish();
        saver = null;
        Take take = result.take();
        RecordTarget.Saved saved = result.saved();
        int n = take.notes();
        Platform.runLater(() -> {
            state.recordingStopped();
            state.takeSaved(saved.mid());
            state.say(
                    saved.rescued()
                            ? new Message(
                                    "Could not save to " + takeFile + " (" + saved.problem() + "); the take (" + n
                                            + " notes) is safe in " + saved.mid(),
                                    true,
                                    Optional.of(saved.mid()))
                            : Message.saved(
                                    "Take saved: " + saved.mid() + " (" + n + " notes, with its button session)",
                                    saved.mid()));
        });
    }

    void saveTakeAs(Path mid) {
        run("saving " + mid.getFileName(), () -> {
            Take take = session.take();
            if (take.isEmpty()) {
                throw new IllegalStateException("nothing recorded yet: press Record (F5) first");
            }
            // an existing take (or a session being replayed) is never replaced: numbered past, said
            Path file = RecordTarget.unused(mid);
            take.save(file);
            String past = file.equals(mid) ? "" : "; " + mid.getFileName() + " is already a take, kept";
            Platform.runLater(() ->
                    state.say(Message.saved("Saved " + file + " (" + take.notes() + " notes" + past + ")", file)));
        });
    }

    /** Renders the last take (or the one under way) offline to WAV beside its MIDI file, normalised like {@code ./genie render}. */
    void exportWav(Optional<Path> soundfont) {
        Path mid = state.lastTake().get().orElse(takeFile);
        run("exporting WAV", () -> {
            Take take = session.take();
            if (take.performance().notes().isEmpty()) {
                throw new IllegalStateException("the take has no notes");
            }
            Path base = mid != null ? mid : AppState.TAKES.resolve("take.mid");
            Path wav = unused(base.resolveSibling(MidiFileName.stem(base) + ".wav"));
            // before rendering, as ./genie render: too long for a WAV, a full disk, a folder in the way are said at
            // once
            dev.pianogenie.files.AtomicFile.checkWritable(wav, OfflineRenderer.wavBytes(take.performance()));
            // normalised as ./genie render does by default: one gain for the whole file, peak at -1 dBFS
            OfflineRenderer.Level level = OfflineRenderer.writeWav(take.performance(), soundfont, wav, true);
            String said = String.format(
                    java.util.Locale.ROOT,
                    "Exported %s with %s (%d notes, %.1f s; normalised to a peak of %.0f\u00a0dBFS, %+.1f\u00a0dB)",
                    wav,
                    level.sound(),
                    take.notes(),
                    take.performance().seconds(),
                    OfflineRenderer.NORMALISED_PEAK_DBFS,
                    level.gainDb());
            Platform.runLater(() -> state.say(Message.saved(said, wav)));
        });
    }

    /** {@code file}, or if it exists the first of NAME-2.EXT, NAME-3.EXT … that does not: nothing is overwritten. */
    static Path unused(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path p = file;
        for (int n = 2; java.nio.file.Files.exists(p); n++) {
            p = file.resolveSibling(stem + "-" + n + ext);
        }
        return p;
    }

    // ---- controllers chosen in the window ----

    private volatile String extraSpec;

    /** Adds a controller chosen in the window ("midi:NAME" or "mic") in place of the one chosen before; "none" removes it. */
    void setExtraController(String spec) {
        run("connecting " + spec, () -> {
            LiveSession s = session;
            ButtonSource old = extra;
            if (old != null) {
                s.removeSource(old);
                extra = null;
                extraSpec = null;
            }
            if (!spec.equals("none")) {
                ButtonSource source = ControllerSpec.parse(spec).open(() -> {});
                try {
                    s.addSource(source);
                } catch (Exception e) {
                    Platform.runLater(() -> state.extraControllerFailed(spec)); // the menu does not keep saying "mic"
                    throw e;
                }
                extra = source;
                extraSpec = spec;
                Platform.runLater(() -> {
                    java.util.Optional<String> echo =
                            ControllerSpec.parse(spec).echoRisk(state.outputs().get());
                    state.say(
                            echo.isPresent()
                                    ? Message.problem("Playing from " + source.name() + "; " + echo.get())
                                    : Message.info("Playing from " + source.name()));
                });
            }
        });
    }

    /** Stops: a take under way is saved first (the window is closing). */
    @Override
    public void close() {
        var done = background.isShutdown()
                ? null
                : background.submit(() -> {
                    try {
                        finishTake(session);
                    } catch (Exception e) {
                        System.err.println("genie: could not save the take: " + ErrorText.describe(e));
                    }
                });
        try {
            if (done != null) {
                done.get(15, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("genie: could not save the take: " + ErrorText.describe(e));
        }
        background.shutdownNow();
        LiveSession s = session;
        if (s != null) {
            s.close();
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
