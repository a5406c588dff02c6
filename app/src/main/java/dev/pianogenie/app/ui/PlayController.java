package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.ComputerKeyboard;
import dev.pianogenie.app.perform.LiveSession;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.midi.sound.BuiltInSynth;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.MidiDevices;
import dev.pianogenie.midi.sound.OfflineRenderer;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The app's commands, off the UI thread: loading a model (the old one keeps playing until the new one is
 * ready, and stays if loading fails), switching outputs, controllers, sampling, recording and export.
 * Results and problems come back to the window through {@link AppState} on the JavaFX thread.
 */
final class PlayController implements AutoCloseable {
    private final AppState state;
    private final UiEvents events;
    private final ComputerKeyboard keyboard = new ComputerKeyboard();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "genie-background");
        t.setDaemon(true);
        return t;
    });
    private volatile LiveSession session;
    private volatile NoteSink output;
    private volatile GamepadSource gamepad;
    private volatile boolean recording;
    private final LevelMeter meter = new LevelMeter();

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

    /** Runs a task in the background; its failure becomes a status line, never a stack trace. */
    void run(String what, Task task) {
        if (background.isShutdown()) {
            return; // the window is closing
        }
        state.busy(what);
        background.submit(() -> {
            try {
                task.run();
                Platform.runLater(() -> state.done());
            } catch (Throwable e) {
                // every failure must show (a native library that will not load is an Error), never vanish in the executor
                if (Boolean.getBoolean("genie.debug")) {
                    e.printStackTrace();
                }
                String message = dev.pianogenie.app.cli.CliErrors.describe(e);
                Platform.runLater(() -> state.problem(what + " failed: " + message));
            }
        });
    }

    interface Task {
        void run() throws Exception;
    }

    /** Loads a model and starts playing it; on failure the current model plays on. */
    void loadModel(Path dir, String outputSpec) {
        loadModel(dir, outputSpec, java.util.List.of());
    }

    /** As above, then starts extra controllers given on the command line (gamepad:NAME, midi:NAME, mic, replay:FILE). */
    void loadModel(Path dir, String outputSpec, java.util.List<String> controllers) {
        run("loading " + dir.getFileName(), () -> {
            PianoGenieModel model = ModelFiles.load(dir);
            LiveSession fresh = new LiveSession(model, DecoderEngine.TENSORFLOW, sampling(), events);
            LiveSession old = session;
            if (old != null) {
                old.removeSource(keyboard);
                if (gamepad != null) {
                    old.removeSource(gamepad);
                    gamepad = null;
                }
                old.close();
                output = null;
            }
            session = fresh;
            fresh.performer().setDefaultVelocity(state.velocity.get());
            fresh.addSource(keyboard);
            startGamepad(fresh);
            Platform.runLater(() -> state.modelLoaded(model, dir));
            openOutput(outputSpec);
            for (String spec : controllers) {
                fresh.addSource(dev.pianogenie.app.cli.Controllers.controller(spec, () -> { }));
            }
        });
    }

    private void startGamepad(LiveSession s) {
        GamepadSource pad = GamepadSource.system(Optional.empty());
        try {
            s.addSource(pad);
            gamepad = pad;
        } catch (ControllerException e) {
            events.post(UiEvent.Type.DISCONNECTED, e.getMessage());
        }
    }

    GamepadSource gamepad() {
        return gamepad;
    }

    /** The MIDI keyboard chosen in the window, if any. */
    dev.pianogenie.app.input.midi.MidiKeyboardSource midiKeyboard() {
        return extra instanceof dev.pianogenie.app.input.midi.MidiKeyboardSource k ? k : null;
    }

    /** "synth", "synth:FILE.sf2" or "midi:NAME". */
    void setOutput(String spec) {
        run("opening " + spec, () -> openOutput(spec));
    }

    private void openOutput(String spec) {
        LiveSession s = session;
        if (s == null) {
            return;
        }
        NoteSink fresh;
        try {
            if (spec.startsWith("midi:")) {
                fresh = MidiDevices.outputSink(spec.substring(5), 0);
            } else {
                fresh = BuiltInSynth.openLive(spec.startsWith("synth:") ? Optional.of(Path.of(spec.substring(6))) : Optional.empty(),
                        meter);
            }
        } catch (MidiDeviceException e) {
            String message = spec.startsWith("synth")
                    ? "No sound device for the built-in synthesizer: choose a MIDI output (Output). The buttons still play and recording works."
                    : e.getMessage();
            Platform.runLater(() -> state.outputFailed(spec, message));
            return;
        }
        s.replaceOutput(output, fresh);
        output = fresh;
        Platform.runLater(() -> state.outputOpened(spec, fresh.toString()));
    }

    Sampling sampling() {
        return new Sampling(state.temperature.get(), state.allowedKeys(), OptionalLong.empty());
    }

    void applySampling() {
        LiveSession s = session;
        if (s != null) {
            s.setSampling(sampling());
        }
    }

    void setVelocity(int v) {
        LiveSession s = session;
        if (s != null) {
            s.performer().setDefaultVelocity(v);
        }
    }

    /** All notes off on every output, done on the performer thread (outputs are only touched there). */
    void panic() {
        LiveSession s = session;
        if (s != null) {
            s.performer().panic();
        }
    }

    void startRecording() {
        LiveSession s = session;
        if (s != null) {
            s.newTake();
            recording = true;
        }
    }

    void stopRecording() {
        recording = false;
    }

    boolean isRecording() {
        return recording;
    }

    /** Saves the take (MIDI + session) and reports where. */
    void save(Path mid, Consumer<Path> saved) {
        LiveSession s = session;
        run("saving " + mid.getFileName(), () -> {
            s.save(mid);
            Platform.runLater(() -> saved.accept(mid));
        });
    }

    /** Renders the take offline through the synthesizer to a WAV file. */
    void exportWav(Path wav, Optional<Path> soundfont, Consumer<Path> saved) {
        LiveSession s = session;
        run("exporting " + wav.getFileName(), () -> {
            Performance p = s.recording().performance();
            if (p.notes().isEmpty()) {
                throw new IllegalStateException("nothing recorded yet");
            }
            OfflineRenderer.writeWav(p, soundfont, wav);
            Platform.runLater(() -> saved.accept(wav));
        });
    }

    /** Saves the take quietly (crash insurance); called from a timer. */
    void autosave(Path mid) {
        LiveSession s = session;
        if (s != null && s.recording().events() > 0 && !background.isShutdown()) {
            background.submit(() -> {
                try {
                    s.save(mid);
                } catch (Exception e) {
                    Platform.runLater(() -> state.problem("autosave failed: " + e.getMessage()));
                }
            });
        }
    }

    private volatile ButtonSource extra;

    /**
     * Adds a controller chosen in the window ("midi:NAME" or "mic"), replacing the previously chosen one;
     * "none" removes it. The keyboard and the gamepad are always on.
     */
    void setExtraController(String spec) {
        run("connecting " + spec, () -> {
            LiveSession s = session;
            ButtonSource old = extra;
            if (old != null) {
                s.removeSource(old);
                extra = null;
            }
            if (!spec.equals("none")) {
                ButtonSource source = dev.pianogenie.app.cli.Controllers.controller(spec, () -> { });
                s.addSource(source);
                extra = source;
                Platform.runLater(() -> state.say("Playing from " + source.name(), false));
            }
        });
    }

    /** The on-screen sustain pedal. */
    void pedal(boolean down) {
        LiveSession s = session;
        if (s != null) {
            s.input().onEvent(dev.pianogenie.app.input.ButtonEvent.pedal(down, System.nanoTime()));
        }
    }

    @Override
    public void close() {
        LiveSession s = session;
        if (s != null) {
            s.close();
        }
        background.shutdownNow();
    }
}
