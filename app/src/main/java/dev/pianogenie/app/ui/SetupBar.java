package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.midi.LearnsKeys;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.live.KeyChoice;
import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.app.perform.Dynamics;
import dev.pianogenie.midi.sound.DefaultSound;
import dev.pianogenie.midi.sound.MidiDevices;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/**
 * Setup along the top, in groups that wrap onto more rows in a narrow window: the model (name and the folder
 * in use), the controllers (status, learn, a MIDI keyboard or the mic, the sustain pedal showing its state),
 * temperature, keys (root, scale, range), dynamics, velocity, and the output.
 */
final class SetupBar extends VBox {
    private final AppState state;
    private boolean syncing;

    SetupBar(AppState state) {
        this.state = state;
        getStyleClass().add("setup-bar");
        setPadding(new Insets(8, 12, 8, 12));
        setSpacing(6);
        Node[] model = modelGroups();
        FlowPane top = flow(model[0], model[1], controllerGroup());
        FlowPane settings = flow(temperatureGroup(), keysGroup(), dynamicsGroup(), velocityGroup(), outputGroup());
        getChildren().addAll(top, settings);
    }

    private static FlowPane flow(Node... groups) {
        FlowPane f = new FlowPane(18, 6, groups);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes) {
            if (n instanceof Label l && !l.getStyleClass().contains("shrinks")) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return h;
    }

    // ---- model ----

    /** The title and model name; the folder and Model… (two groups: a long name or folder wraps, never widens the window). */
    private Node[] modelGroups() {
        Label title = new Label("Piano Genie");
        title.getStyleClass().add("title");
        Label name = new Label();
        name.setId("model-name");
        name.textProperty().bind(state.modelName());
        name.getStyleClass().addAll("model-name", "shrinks");
        name.setMaxWidth(320);
        name.setTooltip(wrapping(javafx.beans.binding.Bindings.concat(state.modelName(), "\n", state.modelDetail())));
        Label folder = new Label();
        folder.setId("model-folder");
        folder.getStyleClass().addAll("dim", "shrinks");
        folder.textProperty().bind(state.modelFolder());
        folder.setMaxWidth(360);
        folder.setTooltip(wrapping(state.modelFolder()));
        Button choose = new Button("Model…");
        choose.setFocusTraversable(false);
        choose.setTooltip(new Tooltip("play another model: a folder of ours or a TF.js checkpoint"));
        choose.setOnAction(e -> chooseModel());
        title.setMinWidth(Region.USE_PREF_SIZE);
        return new Node[] {group(title, name), group(folder, choose)};
    }

    /** Model…: the folder in use to edit (Browse… for the system's chooser), then loaded. */
    private void chooseModel() {
        String now = state.modelFolder().get().replaceFirst(" \\(.*\\)$", "");
        Path current = now.isEmpty() ? Path.of(".") : PathDialog.expand(now);
        PathDialog.ask(
                        getScene().getWindow(),
                        "Play another model",
                        "A model folder (ours, made by ./genie train) or a" + " TF.js checkpoint folder:",
                        "Load",
                        current,
                        typed -> {
                            DirectoryChooser chooser = new DirectoryChooser();
                            chooser.setTitle("Choose a model folder (ours, or a TF.js checkpoint)");
                            Path dir = Files.isDirectory(typed) ? typed : typed.getParent();
                            if (dir != null && Files.isDirectory(dir)) {
                                chooser.setInitialDirectory(dir.toFile());
                            }
                            return chooser.showDialog(getScene().getWindow());
                        })
                .ifPresent(state::loadModel);
    }

    // ---- controllers ----

    private Node controllerGroup() {
        Circle light = new Circle(6);
        light.getStyleClass().add("status-light");
        state.controllerConnected()
                .addListener((o, a, b) -> light.pseudoClassStateChanged(PseudoClass.getPseudoClass("on"), b));
        Label status = new Label();
        status.setId("controller-status");
        status.getStyleClass().add("shrinks");
        status.textProperty().bind(state.controllerStatus());
        // one width whatever it says, so the row does not reflow as a gamepad comes and goes
        status.setPrefWidth(400); // "no gamepad yet: plug one in (the keyboard plays)" whole, a pad's name mostly
        status.setMinWidth(200);
        status.setMaxWidth(400);
        status.setTooltip(wrapping(state.controllerStatus()));
        Button learn = new Button("Learn…");
        learn.setId("learn");
        learn.setFocusTraversable(false);
        Tooltip learnTip = new Tooltip();
        // the model's count: a gamepad learns that many buttons, a keyboard's keys fold into that many zones
        learnTip.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> {
                            int n = state.buttons().get();
                            String plays = chosenKeysPlay(MidiKeyMapping.CHOSEN_KEYS, n);
                            return "learn which " + n + " buttons of the gamepad (or "
                                    + MidiKeyMapping.CHOSEN_KEYS + " keys of the chosen MIDI keyboard"
                                    + (plays.isEmpty() ? "" : "; " + plays)
                                    + ") to use; Shift-click: every key of the MIDI keyboard"
                                    + " plays, folded into " + n + " zones (press its lowest and highest key)";
                        },
                        state.buttons()));
        learn.setTooltip(learnTip);
        learn.setOnAction(e -> learn(false));
        learn.setOnMouseClicked(
                e -> { // a button does not fire with Shift held: the Shift-click is ours
                    if (e.isShiftDown() && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                        learn(true);
                    }
                });
        ComboBox<String> also = new ComboBox<>();
        also.setId("controller");
        also.setFocusTraversable(false);
        also.setPromptText("+ MIDI keyboard / mic");
        also.setOnShowing(e -> {
            List<String> items = new ArrayList<>(List.of("none", "mic"));
            MidiDevices.inputs().forEach(p -> items.add("midi:" + p.name()));
            if (dev.pianogenie.midi.jack.JackHost.probe().isPresent()) {
                items.add("jack-midi"); // JACK's MIDI input, only when a server answers
            }
            also.getItems().setAll(items);
        });
        also.setOnAction(e -> {
            if (!syncing && also.getValue() != null) {
                state.addController(also.getValue());
            }
        });
        state.extraControllerFailed().addListener((o, a, failed) -> {
            if (failed != null && failed.equals(also.getValue())) {
                sync(() -> {
                    also.getSelectionModel().clearSelection();
                    also.setValue(null); // the prompt again, not the controller that did not open
                });
            }
        });
        ToggleButton sustain = new ToggleButton("Sustain");
        sustain.setId("sustain");
        sustain.setFocusTraversable(false);
        sustain.setTooltip(
                new Tooltip("the sustain pedal: shows it down whether from here, space, a pedal button or CC64"));
        sustain.setOnAction(e -> state.pedal(sustain.isSelected()));
        state.pedalDown().addListener((o, a, down) -> sustain.setSelected(down));
        return group(light, status, learn, also, sustain);
    }

    /**
     * {@code zones}: a MIDI keyboard ({@code midi:} or JACK's input) learns its lowest and highest key (every key plays),
     * not chosen keys.
     */
    private void learn(boolean zones) {
        LearnsKeys keyboard = state.engineRoom().midiKeyboard();
        int buttons = state.buttons().get();
        if (keyboard != null && zones) {
            keyboard.learnZones(true);
            state.say(Message.info("Learning: press the keyboard's lowest key, then its highest (every key will play,"
                    + " folded into " + buttons + " zones)"));
            keyboard.learn(
                    n -> Platform.runLater(() -> state.say(Message.info("Learning: now its highest key"))),
                    d -> Platform.runLater(() -> state.say(Message.info("Learnt: " + d))));
            return;
        }
        if (keyboard != null) {
            keyboard.learnZones(false);
            int keys = keyboard.learnSteps();
            String plays = chosenKeysPlay(keys, buttons);
            state.say(Message.info("Learning: play the " + keys + " keys you want as buttons, lowest first"
                    + (plays.isEmpty() ? "" : " (" + plays + ")")));
            keyboard.learn(
                    n -> Platform.runLater(() -> state.say(Message.info("Learning: " + n + " of " + keys + " keys"))),
                    d -> Platform.runLater(() -> state.say(Message.info("Learnt: " + d))));
            return;
        }
        GamepadSource pad = state.engineRoom().gamepad();
        if (pad == null || !state.controllerConnected().get()) {
            state.say(Message.problem(
                    "No gamepad connected: plug one in first (the keyboard and the on-screen buttons always play)"));
            return;
        }
        state.say(Message.info("Learning: press the " + pad.buttonsLearnt()
                + " pad buttons from lowest to highest, then the pedal button"));
        pad.learn(
                true,
                m -> Platform.runLater(() ->
                        state.say(Message.info("Learnt and saved (" + m.count() + " buttons): " + m.describe()))));
    }

    /**
     * What a model of {@code buttons} does with {@code keys} chosen keys ({@link MidiKeyMapping#CHOSEN_KEYS}, whatever
     * the model); empty when it has as many buttons.
     */
    private static String chosenKeysPlay(int keys, int buttons) {
        return buttons == keys
                ? ""
                : buttons < keys
                        ? "this " + buttons + "-button model plays the first " + buttons
                        : "they play buttons 1–" + keys + " of this model's " + buttons;
    }

    // ---- sampling ----

    private Node temperatureGroup() {
        Slider slider = new Slider(0, 1, state.temperature().get());
        slider.setId("temperature");
        slider.setPrefWidth(120);
        slider.setFocusTraversable(false);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                state.setTemperature(b.doubleValue());
            }
        });
        state.temperature().addListener((o, a, b) -> sync(() -> slider.setValue(b.doubleValue())));
        Label value = new Label();
        value.textProperty().bind(state.temperature().asString(Locale.ROOT, "T %.2f"));
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label label = new Label("Temperature");
        label.setTooltip(
                new Tooltip("0 = always the likeliest key; higher = more adventurous (↑ / ↓ change it while playing)"));
        return group(label, slider, value);
    }

    private Node keysGroup() {
        ComboBox<String> root = new ComboBox<>();
        root.setId("root");
        root.getItems().setAll(Scale.ROOT_NAMES);
        root.setFocusTraversable(false);
        root.setPrefWidth(72);
        root.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<Scale> scale = new ComboBox<>();
        scale.setId("scale");
        scale.getItems().setAll(Scale.values());
        scale.setFocusTraversable(false);
        scale.setPrefWidth(190); // "minor pentatonic" whole
        scale.setMinWidth(Region.USE_PREF_SIZE);
        Spinner<Integer> low = pitchSpinner("low");
        Spinner<Integer> high = pitchSpinner("high");
        Runnable show = () -> sync(() -> {
            KeyChoice k = state.keys().get();
            root.getSelectionModel().select(k.root());
            scale.setValue(k.scale().scale());
            low.getValueFactory().setValue(k.range().lowPitch());
            high.getValueFactory().setValue(k.range().highPitch());
            for (Spinner<Integer> pitch : List.of(low, high)) { // the same pitch spelled in the new key
                pitch.getEditor().setText(pitch.getValueFactory().getConverter().toString(pitch.getValue()));
            }
        });
        show.run();
        state.keys().addListener(o -> show.run());
        Runnable apply = () -> {
            if (!syncing) {
                int r = Math.max(0, root.getSelectionModel().getSelectedIndex());
                state.setKeys(r, scale.getValue(), low.getValue(), high.getValue());
                show.run(); // a refused choice shows the kept one again
            }
        };
        root.getSelectionModel().selectedIndexProperty().addListener(o -> apply.run());
        scale.valueProperty().addListener(o -> apply.run());
        low.valueProperty().addListener(o -> apply.run());
        high.valueProperty().addListener(o -> apply.run());
        Label label = new Label("Keys");
        label.setTooltip(new Tooltip("the genie only plays keys of this scale, in this range (--scale, --range)"));
        return group(label, root, scale, new Label("from"), low, new Label("to"), high);
    }

    private Spinner<Integer> pitchSpinner(String id) {
        Spinner<Integer> s = new Spinner<>(Keys.LOWEST_PITCH, Keys.HIGHEST_PITCH, Keys.LOWEST_PITCH);
        s.setId(id);
        s.setPrefWidth(84);
        s.setMinWidth(Region.USE_PREF_SIZE);
        s.setFocusTraversable(false);
        s.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) { // spelled in the chosen key, as the pads are (E♭4 in C minor)
                return p == null ? "" : NoteSpelling.name(p, state.keys().get().scale());
            }

            @Override
            public Integer fromString(String text) {
                try {
                    int p = Keys.parsePitch(text.replace('♭', 'b').replace('♯', '#'));
                    return Keys.isOnPiano(p) ? p : s.getValue();
                } catch (IllegalArgumentException e) {
                    return s.getValue();
                }
            }
        });
        return s;
    }

    /** Dynamics pp … ff: a slider (any level 1..127) and its mark; ← / → step from mark to mark. */
    private Node dynamicsGroup() {
        Slider slider = new Slider(1, 127, state.dynamics().get());
        slider.setId("dynamics");
        slider.setPrefWidth(110);
        slider.setFocusTraversable(false);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                state.setDynamics(b.intValue());
            }
        });
        state.dynamics().addListener((o, a, b) -> sync(() -> slider.setValue(b.intValue())));
        Label value = new Label();
        value.setId("dynamics-value");
        value.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> Dynamics.mark(state.dynamics().get()), state.dynamics()));
        value.setMinWidth(24);
        slider.disableProperty().bind(state.velocityFixed());
        value.disableProperty().bind(state.velocityFixed());
        Label label = new Label("Dynamics");
        label.setTooltip(new Tooltip("how loud the genie plays, pp to ff (--dynamics; ← / →): mf plays the model's own"
                + " velocities, each mark is a gain on them; not used while the velocity is fixed"));
        return group(label, slider, value);
    }

    private Node velocityGroup() {
        Slider slider = new Slider(1, 127, state.velocity().get());
        slider.setId("velocity");
        slider.setPrefWidth(90);
        slider.setFocusTraversable(false);
        javafx.scene.control.CheckBox fixed = new javafx.scene.control.CheckBox("fixed");
        fixed.setId("velocity-fixed");
        fixed.setFocusTraversable(false);
        fixed.setSelected(state.velocityFixed().get());
        fixed.selectedProperty().addListener((o, a, b) -> {
            if (!syncing) {
                state.setVelocityFixed(b);
            }
        });
        state.velocityFixed().addListener((o, a, b) -> sync(() -> fixed.setSelected(b)));
        slider.disableProperty().bind(state.velocityFixed().not());
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                state.setVelocity(b.intValue());
            }
        });
        state.velocity().addListener((o, a, b) -> sync(() -> slider.setValue(b.intValue())));
        Label value = new Label();
        value.textProperty().bind(state.velocity().asString("%d"));
        value.setMinWidth(28);
        value.disableProperty().bind(state.velocityFixed().not());
        Label label = new Label("Velocity");
        label.setTooltip(new Tooltip("fixed: every note struck this hard, whatever the model and the dynamics, for"
                + " controllers without velocity (--velocity)"));
        return group(label, fixed, slider, value);
    }

    // ---- output ----

    private Node outputGroup() {
        ComboBox<OutputSpec> output = new ComboBox<>();
        output.setId("output");
        output.setFocusTraversable(false);
        output.setPrefWidth(230);
        output.setMinWidth(150);
        output.setCellFactory(l -> new OutputCell(false));
        output.setButtonCell(new OutputCell(true));
        refresh(output);
        output.setOnShowing(e -> refresh(output));
        output.setOnAction(e -> {
            OutputSpec v = output.getValue();
            if (!syncing
                    && v != null
                    && (!List.of(v).equals(state.outputs().get())
                            || state.outputProblem().get())) {
                state.chooseOutput(v);
            }
        });
        state.outputs().addListener((o, a, b) -> sync(() -> output.setValue(b.get(0))));
        Label status = new Label();
        status.setId("output-status");
        status.getStyleClass().addAll("dim", "shrinks");
        status.textProperty().bind(state.outputStatus());
        status.setPrefWidth(380); // one width whatever it says: the rows above do not reflow as it changes
        status.setMinWidth(160);
        status.setMaxWidth(380);
        state.outputAlarm()
                .addListener((o, a, b) -> status.pseudoClassStateChanged(PseudoClass.getPseudoClass("problem"), b));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(state.outputStatus());
        status.setTooltip(whole);
        Label label = new Label("Output");
        label.setTooltip(new Tooltip("the built-in synth (needs a sound card), a MIDI output (a DAW, a synth), or none"
                + " (silent: record, then Export WAV). The built-in piano: " + DefaultSound.CREDIT));
        return group(label, output, status);
    }

    private void refresh(ComboBox<OutputSpec> box) {
        List<OutputSpec> items = new ArrayList<>(OutputSpec.available());
        for (OutputSpec current : state.outputs().get()) {
            if (items.stream().noneMatch(current::sameAs)) {
                items.add(current);
            }
        }
        sync(() -> {
            box.getItems().setAll(items);
            box.setValue(state.outputs().get().get(0));
        });
    }

    private static final class OutputCell extends ListCell<OutputSpec> {
        private final boolean chosen; // the box itself: short ("none (silent)"; the status beside it says the rest)

        OutputCell(boolean chosen) {
            this.chosen = chosen;
        }

        @Override
        protected void updateItem(OutputSpec item, boolean empty) {
            super.updateItem(item, empty);
            setText(
                    empty || item == null
                            ? null
                            : chosen && item.kind() == OutputSpec.Kind.NONE ? "none (silent)" : item.label());
        }
    }

    private void sync(Runnable r) {
        boolean was = syncing;
        syncing = true;
        try {
            r.run();
        } finally {
            syncing = was;
        }
    }

    /** A tooltip that shows a whole text (a model's provenance, a long path) on lines within the smallest window. */
    static Tooltip wrapping(javafx.beans.value.ObservableValue<String> text) {
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(TOOLTIP_WIDTH);
        tip.textProperty().bind(text);
        return tip;
    }

    /** Narrower than the 1024-wide screen the window fits (a tooltip wider than the screen is cut off). */
    static final double TOOLTIP_WIDTH = 600;
}
