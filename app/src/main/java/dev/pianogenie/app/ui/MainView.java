package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.keyboard.KeyboardLayout;
import dev.pianogenie.model.Keys;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window: the {@link SetupBar} along the top; the 8 buttons, a line saying how to play and what the blue
 * bars are, the piano with the decoder's heat strip and a scrolling piano roll in the middle; the
 * {@link RecordBar} and the {@link MessageBar} along the bottom. Fits from 1024×600 up (bars wrap, the roll
 * gives way), never larger than the screen. Performer events are drained once per frame; nothing here runs on
 * the real-time thread.
 */
final class MainView {
    /** The smallest screen the window is laid out for. */
    static final double MIN_WIDTH = 1000;

    static final double MIN_HEIGHT = 560;
    static final String HINT = hint(KeyboardLayout.DEFAULT);

    /** How to play, with the keys of the model's buttons. */
    static String hint(KeyboardLayout layout) {
        return "Play: " + layout.hint()
                + "  ·  space sustain  ·  0 new phrase  ·  F5 record  ·  ↑↓ temperature  ·  ←→ dynamics  ·  Esc all off";
    }

    static final String HEAT_LEGEND = "Blue bars: each key's odds for the last press, before the draw";
    static final String NEXT_LEGEND = "Coloured dots: the key each button plays next";

    final AppState state;
    final ButtonPad pad;
    final PianoView piano = new PianoView();
    final PianoRoll roll = new PianoRoll();
    final SetupBar setupBar;
    final RecordBar recordBar;
    final MessageBar messageBar;
    final BorderPane root = new BorderPane();
    private final float[] probabilities = new float[Keys.NUM_KEYS];
    private final long shownNanos = System.nanoTime();
    private boolean firstNote = true;
    private int notesShown; // note-ons drained so far
    private int lookaheadAfter = -1; // notesShown when the look-ahead shown arrived (it was computed after them)
    private long lastLatency;

    MainView(AppState state) {
        this.state = state;
        this.pad = new ButtonPad(state.input());
        this.setupBar = new SetupBar(state);
        this.recordBar = new RecordBar(state);
        this.messageBar = new MessageBar(state);
        root.getStyleClass().add("genie-root");
        root.setTop(setupBar);
        Label hint = new Label(HINT);
        hint.setId("hint");
        hint.getStyleClass().add("dim");
        hint.setMinWidth(0);
        Label legend = new Label(HEAT_LEGEND);
        legend.setId("heat-legend");
        legend.getStyleClass().addAll("dim", "heat-legend");
        legend.setMinWidth(0);
        legend.setWrapText(false);
        legend.setTooltip(
                new javafx.scene.control.Tooltip("The blue bars above the keys: how likely the decoder found each key"
                        + " for the last press (its probabilities before sampling). At temperature 0 the tallest bar sounds; above 0"
                        + " a key is drawn from them, so a shorter bar can win."));
        Label next = new Label(NEXT_LEGEND);
        next.setId("next-legend");
        next.getStyleClass().add("dim");
        next.setMinWidth(0);
        next.setTooltip(
                new javafx.scene.control.Tooltip(
                        "Each button's dot (its colour is on the button) marks the key it"
                                + " would play if pressed next, at the pace of your last two presses; the note's name is on the button. At"
                                + " temperature 0 that is exactly the key it plays; above 0 it is the likeliest, with its odds."));
        FlowPane captions = new FlowPane(28, 2, hint, next, legend); // side by side, or one above the other when narrow
        VBox centre = new VBox(6, pad, captions, piano, roll);
        centre.setPadding(new Insets(8, 12, 6, 12));
        VBox.setVgrow(pad, Priority.SOMETIMES);
        VBox.setVgrow(piano, Priority.ALWAYS);
        piano.setMaxHeight(300); // a big window: a bigger piano, up to a point; the roll takes the rest
        pad.setMaxHeight(200);
        VBox.setVgrow(roll, Priority.ALWAYS);
        root.setCenter(centre);
        root.setBottom(new VBox(recordBar, messageBar));
        piano.allowed(state.keys().get().allowedKeys());
        state.keys().addListener((o, a, k) -> piano.allowed(k.allowedKeys()));
        state.buttons().addListener((o, a, n) -> { // another model: its own number of pads and keys
            KeyboardLayout layout = KeyboardLayout.forButtons(n.intValue());
            pad.useButtons(layout);
            hint.setText(hint(layout));
        });
        state.modelReady().addListener((o, a, ready) -> {
            if (ready) {
                System.err.printf(
                        Locale.ROOT,
                        "genie: ready to play %.0f ms after the window showed%n",
                        (System.nanoTime() - shownNanos) / 1e6);
            }
        });
    }

    Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainView.class.getResource("genie.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, this::keyReleased);
        // a key held while the window loses focus (Alt-Tab, a dialog) never gets its key-up here: release what
        // focus loss takes, or the note sticks
        scene.windowProperty().addListener((o, old, window) -> {
            if (window != null) {
                window.focusedProperty().addListener((f, was, focused) -> {
                    if (!focused) {
                        long now = System.nanoTime();
                        state.keyboard().releaseAll(now);
                        pad.releaseHeld(now);
                    }
                });
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        }.start();
        return scene;
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
            RecordBar.saveAs(state, root.getScene().getWindow());
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case F5 -> state.toggleRecording();
            case ESCAPE -> state.panic();
            case UP -> state.nudgeTemperature(0.05);
            case DOWN -> state.nudgeTemperature(-0.05);
            case RIGHT -> state.nudgeDynamics(1);
            case LEFT -> state.nudgeDynamics(-1);
            default -> {
                if (!e.isShortcutDown() && state.keyboard().keyDown(keyName(e), System.nanoTime())) {
                    e.consume();
                }
                return;
            }
        }
        e.consume();
    }

    private void keyReleased(KeyEvent e) {
        if (state.keyboard().keyUp(keyName(e), System.nanoTime())) {
            e.consume();
        }
    }

    // ---- per frame: drain the performer's events ----

    private void frame(long now) {
        for (UiEvent e; (e = state.events().poll()) != null; ) {
            double t = e.nanos() / 1e9;
            switch (e.type()) {
                case NOTE_ON -> {
                    notesShown++;
                    piano.keyDown(e.key());
                    pad.lit(e.button(), true);
                    roll.noteOn(e.key(), e.velocity(), t);
                    var s = state.engineRoom().session();
                    if (s != null) {
                        s.performer().lastProbabilities(probabilities);
                        piano.probabilities(probabilities);
                    }
                    if (firstNote) {
                        firstNote = false;
                        System.err.printf(
                                Locale.ROOT,
                                "genie: first note %.0f ms after the window showed%n",
                                (System.nanoTime() - shownNanos) / 1e6);
                    }
                }
                case LOOKAHEAD -> {
                    pad.lookahead(
                            e.lookahead(),
                            state.temperature().get() > 0,
                            state.keys().get().scale());
                    piano.lookahead(e.lookahead().keys());
                    lookaheadAfter = notesShown;
                }
                case SAMPLING -> state.samplingApplied(e.sampling());
                case LOUDNESS -> state.loudnessApplied(e.key(), e.velocity());
                case BUTTON_UP -> pad.lit(e.button(), false);
                case NOTE_OFF -> {
                    piano.keyUp(e.key());
                    roll.noteOff(e.key(), t);
                }
                case RESET -> {
                    piano.clear();
                    pad.clear();
                }
                case PEDAL_DOWN -> state.pedalShown(true);
                case PEDAL_UP -> state.pedalShown(false);
                case CONNECTED -> state.controller(true, e.text());
                case DISCONNECTED -> {
                    boolean wasConnected = state.controllerConnected().get();
                    state.controller(false, e.text());
                    if (wasConnected) { // at start, "no gamepad yet" is no problem: the keyboard plays; the status says
                        // it
                        state.say(Message.problem("Controller: " + e.text()));
                    }
                }
                case PROBLEM -> state.say(Message.problem(e.text()));
            }
        }
        roll.draw(now / 1e9);
        recordBar.showLevel(state.meter().peakDbfs());
        if (now - lastLatency > 500_000_000L) {
            lastLatency = now;
            var s = state.engineRoom().session();
            if (s != null && s.performer().latency().count() > 0) {
                var l = s.performer().latency();
                state.latencyShown(String.format(
                        Locale.ROOT,
                        "%.0f µs · out %.1f ms (p99 %.1f)",
                        l.decodePercentileMicros(0.5),
                        l.totalPercentileMicros(0.5) / 1000,
                        l.totalPercentileMicros(0.99) / 1000));
            }
        }
    }

    /** Whether the look-ahead on show was computed after every note shown so far (tests). */
    boolean lookaheadIsCurrent() {
        return lookaheadAfter == notesShown;
    }

    int notesShown() {
        return notesShown;
    }

    /**
     * Shows the window at a size that fits the screen: 80% of it (at least 1280×760 where there is room), never
     * larger than the screen's visible area, at least {@link #MIN_WIDTH}×{@link #MIN_HEIGHT} where it has room.
     */
    static void show(Stage stage, MainView view) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(Math.max(1280, 0.8 * screen.getWidth()), screen.getWidth());
        double h = Math.min(Math.max(760, 0.8 * screen.getHeight()), screen.getHeight());
        stage.setTitle("Piano Genie");
        stage.setScene(view.scene(w, h));
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setMaxWidth(screen.getWidth());
        stage.setMaxHeight(screen.getHeight());
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        stage.show();
    }
}
