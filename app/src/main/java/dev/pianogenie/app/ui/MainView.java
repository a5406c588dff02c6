package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.midi.sound.MidiDevices;
import dev.pianogenie.midi.sound.Soundfonts;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Scale;
import dev.pianogenie.model.UserDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The window: setup along the top (model, temperature, scale and range, velocity, output, controller), the 8
 * buttons, the piano with the decoder's heat strip, a scrolling piano roll, and recording and status along
 * the bottom. Performer events are drained once per frame; nothing here runs on the real-time thread.
 */
final class MainView {
    static final Path SAVE_DIR = UserDirs.current().music(); // per-user (XDG), never the install folder
    static final Path AUTOSAVE = UserDirs.current().data().resolve("autosave.mid");

    final AppState state;
    final PlayController controller;
    final UiEvents events;
    final ButtonPad pad;
    final PianoView piano = new PianoView();
    final PianoRoll roll = new PianoRoll();
    final BorderPane root = new BorderPane();
    private final float[] probabilities = new float[Keys.NUM_KEYS];
    private final javafx.scene.control.ProgressBar levelBar = new javafx.scene.control.ProgressBar(0);
    private final Label levelLabel = new Label("–∞ dBFS");
    private final long shownNanos = System.nanoTime();
    private boolean firstNote = true;
    private long lastAutosave = System.nanoTime();
    private long lastLatency;

    MainView(AppState state, PlayController controller, UiEvents events) {
        this.state = state;
        this.controller = controller;
        this.events = events;
        this.pad = new ButtonPad(e -> {
            var s = controller.session();
            if (s != null) {
                s.input().onEvent(e);
            }
        });
        root.getStyleClass().add("genie-root");
        root.setTop(setupBar());
        VBox centre = new VBox(12, pad, piano, roll);
        centre.setPadding(new Insets(12));
        VBox.setVgrow(pad, Priority.SOMETIMES);
        VBox.setVgrow(roll, Priority.ALWAYS);
        pad.setPrefHeight(150);
        root.setCenter(centre);
        root.setBottom(bottomBar());
        state.scale.addListener(o -> applyKeys());
        state.root.addListener(o -> applyKeys());
        state.lowPitch.addListener(o -> applyKeys());
        state.highPitch.addListener(o -> applyKeys());
        state.temperature.addListener(o -> controller.applySampling());
        state.velocity.addListener((o, a, b) -> controller.setVelocity(b.intValue()));
        state.modelReady.addListener((o, a, ready) -> {
            if (ready) {
                System.err.printf(Locale.ROOT, "genie: ready to play %.0f ms after the window showed%n",
                        (System.nanoTime() - shownNanos) / 1e6);
            }
        });
        applyKeys();
    }

    Scene scene() {
        Scene scene = new Scene(root, 1280, 760);
        scene.getStylesheets().add(MainView.class.getResource("genie.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, this::keyReleased);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        }.start();
        return scene;
    }

    private void applyKeys() {
        piano.allowed(state.allowedKeys());
        controller.applySampling();
    }

    // ---- keys: playing and shortcuts ----

    static String keyName(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c == KeyCode.SPACE) {
            return "space";
        }
        if (c == KeyCode.SEMICOLON) {
            return ";";
        }
        if (c.isDigitKey() && c.getChar().length() == 1) {
            return c.getChar();
        }
        if (c.isLetterKey()) {
            return c.getChar().toLowerCase(Locale.ROOT);
        }
        return e.getText() == null ? "" : e.getText();
    }

    private void keyPressed(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
            save();
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case F5 -> toggleRecording();
            case ESCAPE -> controller.panic();
            case UP -> state.temperature.set(Math.min(1, Math.round((state.temperature.get() + 0.05) * 100) / 100.0));
            case DOWN -> state.temperature.set(Math.max(0, Math.round((state.temperature.get() - 0.05) * 100) / 100.0));
            default -> {
                if (!e.isShortcutDown() && controller.keyboard().keyDown(keyName(e), System.nanoTime())) {
                    e.consume();
                }
                return;
            }
        }
        e.consume();
    }

    private void keyReleased(KeyEvent e) {
        if (controller.keyboard().keyUp(keyName(e), System.nanoTime())) {
            e.consume();
        }
    }

    // ---- per frame: drain the performer's events ----

    private void frame(long now) {
        for (UiEvent e; (e = events.poll()) != null; ) {
            double t = e.nanos() / 1e9;
            switch (e.type()) {
                case NOTE_ON -> {
                    piano.keyDown(e.key());
                    pad.lit(e.button(), true);
                    roll.noteOn(e.key(), e.velocity(), t);
                    var s = controller.session();
                    if (s != null) {
                        s.performer().lastProbabilities(probabilities);
                        piano.probabilities(probabilities);
                    }
                    if (firstNote) {
                        firstNote = false;
                        String msg = String.format(Locale.ROOT, "first note %.0f ms after the window showed",
                                (System.nanoTime() - shownNanos) / 1e6);
                        System.err.println("genie: " + msg);
                    }
                }
                case BUTTON_UP -> pad.lit(e.button(), false);
                case NOTE_OFF -> {
                    piano.keyUp(e.key());
                    roll.noteOff(e.key(), t);
                }
                case RESET -> {
                    piano.clear();
                    pad.clear();
                }
                case PEDAL_DOWN -> state.say("Sustain pedal down", false);
                case PEDAL_UP -> state.say("Sustain pedal up", false);
                case CONNECTED -> {
                    state.controllerConnected.set(true);
                    state.controllerStatus.set(e.text());
                }
                case DISCONNECTED -> {
                    state.controllerConnected.set(false);
                    state.controllerStatus.set(e.text());
                    state.say("Controller: " + e.text(), true);
                }
                case PROBLEM -> state.say(e.text(), true);
            }
        }
        roll.draw(now / 1e9);
        double peak = controller.meter().peakDbfs();
        levelBar.setProgress(LevelMeter.fraction(peak));
        levelLabel.setText(peak <= LevelMeter.FLOOR_DBFS ? "–∞ dBFS" : String.format(Locale.ROOT, "%.0f dBFS", peak));
        if (now - lastLatency > 500_000_000L) {
            lastLatency = now;
            var s = controller.session();
            if (s != null && s.performer().latency().count() > 0) {
                var l = s.performer().latency();
                state.latency.set(String.format(Locale.ROOT, "decoder %.0f µs · press→out %.1f ms (p99 %.1f)",
                        l.decodePercentileMicros(0.5), l.totalPercentileMicros(0.5) / 1000, l.totalPercentileMicros(0.99) / 1000));
            }
        }
        if (now - lastAutosave > 30_000_000_000L) {
            lastAutosave = now;
            controller.autosave(AUTOSAVE);
        }
    }

    // ---- setup ----

    private VBox setupBar() {
        Label title = new Label("Piano Genie");
        title.getStyleClass().add("title");
        Label model = new Label();
        model.textProperty().bind(state.modelName);
        model.getStyleClass().add("model-name");
        model.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip modelTip = new Tooltip();
        modelTip.textProperty().bind(state.modelDetail);
        model.setTooltip(modelTip);
        Button chooseModel = new Button("Model…");
        chooseModel.setOnAction(e -> chooseModel());

        Slider temperature = new Slider(0, 1, state.temperature.get());
        temperature.setId("temperature");
        temperature.setPrefWidth(140);
        temperature.valueProperty().bindBidirectional(state.temperature);
        temperature.setFocusTraversable(false);
        Label tValue = new Label();
        tValue.textProperty().bind(state.temperature.asString(Locale.ROOT, "T %.2f"));

        ComboBox<Scale> scale = new ComboBox<>();
        scale.setId("scale");
        scale.getItems().setAll(Scale.values());
        scale.valueProperty().bindBidirectional(state.scale);
        scale.setFocusTraversable(false);
        ComboBox<String> rootNote = new ComboBox<>();
        rootNote.setId("root");
        rootNote.getItems().setAll(Scale.ROOT_NAMES);
        rootNote.setValue(Scale.ROOT_NAMES[Math.floorMod(state.root.get(), 12)]);
        rootNote.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> state.root.set(b.intValue()));
        rootNote.setFocusTraversable(false);
        rootNote.setPrefWidth(76);
        rootNote.setMinWidth(Region.USE_PREF_SIZE);
        scale.setPrefWidth(170);
        scale.setMinWidth(Region.USE_PREF_SIZE);
        Spinner<Integer> low = pitchSpinner(state.lowPitch, "low");
        Spinner<Integer> high = pitchSpinner(state.highPitch, "high");

        Slider velocity = new Slider(1, 127, state.velocity.get());
        velocity.setPrefWidth(90);
        velocity.setFocusTraversable(false);
        velocity.valueProperty().addListener((o, a, b) -> state.velocity.set(b.intValue()));
        Label vValue = new Label();
        vValue.textProperty().bind(state.velocity.asString("vel %d"));

        ComboBox<String> output = new ComboBox<>();
        output.setId("output");
        output.setFocusTraversable(false);
        refreshOutputs(output);
        output.setOnShowing(e -> refreshOutputs(output));
        output.setValue(state.output.get());
        output.setOnAction(e -> {
            String v = output.getValue();
            if (v != null && !v.equals(state.output.get()) || v != null && state.outputStatus.get().startsWith("no sound")) {
                controller.setOutput(v);
            }
        });
        Label outStatus = new Label();
        outStatus.textProperty().bind(state.outputStatus);
        outStatus.getStyleClass().add("dim");

        Circle light = new Circle(6);
        light.getStyleClass().add("status-light");
        state.controllerConnected.addListener((o, a, b) -> light.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("on"), b));
        Label ctl = new Label();
        ctl.setId("controller-status");
        ctl.textProperty().bind(state.controllerStatus);
        ctl.setMaxWidth(260);
        Button learn = new Button("Learn…");
        learn.setTooltip(new Tooltip("learn which 8 buttons of the gamepad (or keys of the chosen MIDI keyboard) to use"));
        learn.setOnAction(e -> learnPad());
        ComboBox<String> also = new ComboBox<>();
        also.setId("controller");
        also.setFocusTraversable(false);
        also.setPromptText("+ MIDI keyboard / mic");
        also.setOnShowing(e -> {
            var items = new java.util.ArrayList<String>();
            items.add("none");
            items.add("mic");
            for (var p : MidiDevices.inputs()) {
                items.add("midi:" + p.name());
            }
            also.getItems().setAll(items);
        });
        also.setOnAction(e -> {
            if (also.getValue() != null) {
                controller.setExtraController(also.getValue());
            }
        });
        ToggleButton sustain = new ToggleButton("Sustain");
        sustain.setId("sustain");
        sustain.setFocusTraversable(false);
        sustain.setTooltip(new Tooltip("the sustain pedal (or hold space)"));
        sustain.selectedProperty().addListener((o, a, down) -> controller.pedal(down));

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox first = new HBox(10, title, model, chooseModel, grow, light, ctl, learn, also, sustain);
        HBox second = new HBox(10, new Label("Temperature"), temperature, tValue, sep(), new Label("Keys"), rootNote, scale,
                new Label("from"), low, new Label("to"), high, sep(), new Label("Velocity"), velocity, vValue, sep(),
                new Label("Output"), output, outStatus);
        for (HBox row : new HBox[] {first, second}) {
            row.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().forEach(n -> {
                if (n instanceof Label l && l != ctl && l != outStatus) {
                    l.setMinWidth(Region.USE_PREF_SIZE);
                }
            });
        }
        output.setPrefWidth(220);
        VBox bar = new VBox(8, first, second);
        bar.setPadding(new Insets(10, 12, 10, 12));
        bar.getStyleClass().add("setup-bar");
        return bar;
    }

    private static Spinner<Integer> pitchSpinner(javafx.beans.property.IntegerProperty prop, String id) {
        Spinner<Integer> s = new Spinner<>(Keys.LOWEST_PITCH, Keys.HIGHEST_PITCH, prop.get());
        s.setId(id);
        s.setPrefWidth(92);
        s.setMinWidth(Region.USE_PREF_SIZE);
        s.setFocusTraversable(false);
        s.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null ? "" : Keys.pitchName(p);
            }

            @Override
            public Integer fromString(String text) {
                for (int p = Keys.LOWEST_PITCH; p <= Keys.HIGHEST_PITCH; p++) {
                    if (Keys.pitchName(p).equalsIgnoreCase(text.trim())) {
                        return p;
                    }
                }
                return prop.get();
            }
        });
        s.valueProperty().addListener((o, a, b) -> prop.set(b));
        return s;
    }

    private void refreshOutputs(ComboBox<String> box) {
        var items = new java.util.ArrayList<String>();
        items.add("synth");
        for (Path sf2 : Soundfonts.found()) {
            items.add("synth:" + sf2);
        }
        for (var p : MidiDevices.outputs()) {
            items.add("midi:" + p.name());
        }
        box.getItems().setAll(items);
    }

    private static Region sep() {
        Region r = new Region();
        r.getStyleClass().add("sep");
        return r;
    }

    private void chooseModel() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose a model folder (ours, or a TF.js checkpoint)");
        Path current = Path.of(state.modelPath.get().isEmpty() ? "." : state.modelPath.get());
        if (Files.isDirectory(current.getParent() == null ? current : current.getParent())) {
            chooser.setInitialDirectory((current.getParent() == null ? current : current.getParent()).toFile());
        }
        var dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            controller.loadModel(dir.toPath(), state.output.get());
        }
    }

    private void learnPad() {
        var keyboard = controller.midiKeyboard();
        if (keyboard != null) {
            state.say("Learning: play the 8 keys you want as buttons, lowest first", false);
            keyboard.learn(n -> javafx.application.Platform.runLater(() -> state.say("Learning: " + n + " of 8 keys", false)),
                    d -> javafx.application.Platform.runLater(() -> state.say("Learnt: " + d, false)));
            return;
        }
        GamepadSource pad = controller.gamepad();
        if (pad == null || !state.controllerConnected.get()) {
            state.say("No gamepad connected: plug one in first (the keyboard and on-screen buttons always play)", true);
            return;
        }
        state.say("Learning: press the 8 pad buttons from lowest to highest, then the pedal button", false);
        pad.learn(true, m -> javafx.application.Platform.runLater(() ->
                state.say("Learnt and saved: " + String.join(" ", m.buttons()) + ", pedal " + m.pedal(), false)));
    }

    // ---- recording and status ----

    private HBox bottomBar() {
        ToggleButton record = new ToggleButton("● Record (F5)");
        record.setId("record");
        record.setFocusTraversable(false);
        record.selectedProperty().bindBidirectional(state.recording);
        state.recording.addListener((o, a, on) -> {
            if (on) {
                controller.startRecording();
                state.say("Recording…", false);
            } else {
                controller.stopRecording();
                state.say("Recording stopped: Save (Ctrl+S) keeps it", false);
            }
        });
        Button save = new Button("Save");
        save.setId("save");
        save.setFocusTraversable(false);
        save.setOnAction(e -> save());
        Button saveAs = new Button("Save as…");
        saveAs.setFocusTraversable(false);
        saveAs.setOnAction(e -> saveAs());
        Button wav = new Button("Export WAV…");
        wav.setFocusTraversable(false);
        wav.setOnAction(e -> exportWav());
        Button panic = new Button("All notes off (Esc)");
        panic.setFocusTraversable(false);
        panic.setOnAction(e -> controller.panic());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(state.busy);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(state.status);
        state.statusIsProblem.addListener((o, a, b) -> status.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("problem"), b));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        levelBar.setPrefWidth(110);
        levelBar.setMinWidth(Region.USE_PREF_SIZE);
        levelBar.setTooltip(new Tooltip("output level of the built-in synthesizer (dBFS)"));
        levelLabel.getStyleClass().add("dim");
        levelLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label latency = new Label();
        latency.textProperty().bind(state.latency);
        latency.getStyleClass().add("dim");
        for (var b : new javafx.scene.control.Control[] {record, save, saveAs, wav, panic}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        latency.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(10, record, save, saveAs, wav, panic, busy, status, levelBar, levelLabel, latency);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 10, 12));
        bar.getStyleClass().add("bottom-bar");
        return bar;
    }

    private void toggleRecording() {
        state.recording.set(!state.recording.get());
    }

    /** Saves the take under ~/Music/piano-genie with a time-stamped name (no dialog mid-performance). */
    void save() {
        String name = "take-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".mid";
        saveTo(SAVE_DIR.resolve(name));
    }

    void saveTo(Path mid) {
        controller.save(mid, p -> state.say("Saved " + p + " (and the button session beside it)", false));
    }

    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid"));
        var f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            saveTo(f.toPath());
        }
    }

    private void exportWav() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("WAV audio", "*.wav"));
        var f = chooser.showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            String out = state.output.get();
            Optional<Path> sf2 = out.startsWith("synth:") ? Optional.of(Path.of(out.substring(6))) : Optional.empty();
            controller.exportWav(f.toPath(), sf2, p -> state.say("Exported " + p, false));
        }
    }

    static void show(Stage stage, MainView view) {
        stage.setTitle("Piano Genie");
        stage.setScene(view.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.show();
    }
}
