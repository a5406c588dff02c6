package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.keyboard.KeyboardLayout;
import dev.pianogenie.model.Lookahead;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The model's buttons (8 for both published models), large, clickable or touchable, each showing its keys (1 and A, 2
 * and S…) and, beside them, the note it would play next (the decoder's look-ahead) after a dot in the button's own
 * colour — the colour of its marker on the piano. Under sampling the note's odds show small below it. They light while
 * pressed (by any controller). Another model with another count rebuilds them ({@link #useButtons}).
 */
final class ButtonPad extends HBox {
    /** One colour per button of 8, low (warm) to high (cool): the dot on the pad and its marker on the keys. */
    static final Color[] COLOURS = {
        Color.web("#f25c54"),
        Color.web("#ff9f1c"),
        Color.web("#ffd23f"),
        Color.web("#5fd35f"),
        Color.web("#2ec4b6"),
        Color.web("#3a86ff"),
        Color.web("#b36bff"),
        Color.web("#ff5fa2")
    };

    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private static final double MAX_FACE_SCALE = 1.6;
    private Button[] buttons = new Button[0];
    private Label[] notes;
    private Label[] odds;
    private boolean[] down;
    /** Pads held down with the mouse or a touch (JavaFX thread): released if the window loses focus meanwhile. */
    private boolean[] heldByMouse;

    private final ButtonListener held;

    /**
     * The colour of button {@code b} of {@code n}: the same warm-to-cool run for any count — 8 buttons get the 8
     * colours, fewer a spread of them (lowest and highest as for 8), more the colours between.
     */
    static Color colour(int b, int n) {
        double at = n == 1 ? 0 : (double) b * (COLOURS.length - 1) / (n - 1);
        int low = (int) Math.floor(at);
        return low >= COLOURS.length - 1
                ? COLOURS[COLOURS.length - 1]
                : COLOURS[low].interpolate(COLOURS[low + 1], at - low);
    }

    /** The window lost focus: no release will come for a pad held with the mouse; release it now. */
    void releaseHeld(long nanos) {
        for (int b = 0; b < heldByMouse.length; b++) {
            if (heldByMouse[b]) {
                heldByMouse[b] = false;
                held.onEvent(ButtonEvent.release(b, nanos));
            }
        }
    }

    ButtonPad(ButtonListener input) {
        this.held = input;
        getStyleClass().add("button-pad");
        setAlignment(Pos.CENTER);
        setSpacing(8);
        setMinHeight(64);
        setPrefHeight(130);
        useButtons(KeyboardLayout.DEFAULT);
    }

    /** One pad per button of the layout's model, labelled with its keys; pads held with the mouse are released first. */
    void useButtons(KeyboardLayout layout) {
        if (buttons.length == layout.buttons()) {
            return;
        }
        if (heldByMouse != null) {
            releaseHeld(System.nanoTime());
        }
        int n = layout.buttons();
        buttons = new Button[n];
        notes = new Label[n];
        odds = new Label[n];
        down = new boolean[n];
        heldByMouse = new boolean[n];
        getChildren().clear();
        for (int b = 0; b < n; b++) {
            getChildren().add(pad(b, n, layout));
        }
    }

    /** The smallest a face is drawn (narrower pads would need a smaller face still: none is that narrow at 16). */
    static final double MIN_FACE_SCALE = 0.5;

    private static void fitFace(Button btn, javafx.scene.layout.Region face) {
        double w = btn.getWidth();
        double h = btn.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        double grow = Math.min(MAX_FACE_SCALE, Math.min(w / 150, h / 84));
        javafx.geometry.Insets pad = btn.getInsets();
        double room = Math.min(
                (w - pad.getLeft() - pad.getRight()) / face.prefWidth(-1),
                (h - pad.getTop() - pad.getBottom()) / face.prefHeight(-1));
        double scale = Math.max(MIN_FACE_SCALE, Math.min(Math.max(1, grow), room));
        face.setScaleX(scale);
        face.setScaleY(scale);
    }

    private Button pad(int b, int n, KeyboardLayout layout) {
        ButtonListener input = held;
        int button = b;
        String letter = layout.letter(b).toUpperCase(java.util.Locale.ROOT);
        Label number = new Label(layout.number(b).orElse(""));
        number.getStyleClass().add("pad-number");
        Label letterLabel = new Label(letter);
        letterLabel.getStyleClass().add("pad-letter");
        VBox keys = new VBox(-2, number, letterLabel);
        keys.setAlignment(Pos.CENTER);
        Circle dot = new Circle(6, colour(b, n));
        dot.setStroke(Color.web("#15161a"));
        dot.setStrokeWidth(1.5);
        notes[b] = new Label("", dot);
        notes[b].getStyleClass().add("pad-note");
        notes[b].setId("pad-note-" + b);
        notes[b].setGraphicTextGap(5);
        notes[b].setMinWidth(Label.USE_PREF_SIZE);
        odds[b] = new Label();
        odds[b].getStyleClass().add("pad-odds");
        odds[b].setMinWidth(Label.USE_PREF_SIZE); // never "…": the face is scaled to fit its pad instead
        odds[b].setManaged(false);
        odds[b].setVisible(false);
        VBox next = new VBox(0, notes[b], odds[b]);
        next.setAlignment(Pos.CENTER_LEFT);
        HBox face = new HBox(10, keys, next);
        face.setAlignment(Pos.CENTER);
        Button btn = new Button();
        btn.setGraphic(face);
        // a big pad (a big window) shows its face bigger, readable from the instrument; a narrow one (12 pads on a
        // small screen) smaller, so that it never spills onto the next pad; re-fitted as the note beside it changes
        javafx.beans.InvalidationListener fit = o -> fitFace(btn, face);
        btn.widthProperty().addListener(fit);
        btn.heightProperty().addListener(fit);
        notes[b].textProperty().addListener(fit);
        odds[b].visibleProperty().addListener(fit);
        btn.setId("genie-button-" + b);
        btn.getStyleClass().add("genie-button");
        btn.setFocusTraversable(false);
        btn.setTooltip(new Tooltip("button " + (b + 1) + (b == 0 ? " (lowest)" : b == n - 1 ? " (highest)" : "")
                + ": key " + layout.number(b).map(k -> k + " or ").orElse("") + letter
                + ". Beside it: the note it would play"
                + " next (its dot marks that key on the piano); under sampling, how likely that note is."));
        btn.setMinWidth(40);
        btn.setPrefWidth(120); // the same for all: equal pads that keep their width as the labels change
        btn.setMinHeight(56);
        btn.setMaxWidth(Double.MAX_VALUE);
        btn.setMaxHeight(Double.MAX_VALUE);
        HBox.setHgrow(btn, Priority.ALWAYS);
        btn.setOnMousePressed(e -> {
            heldByMouse[button] = true;
            input.onEvent(ButtonEvent.press(button, System.nanoTime()));
        });
        btn.setOnMouseReleased(e -> {
            heldByMouse[button] = false;
            input.onEvent(ButtonEvent.release(button, System.nanoTime()));
        });
        btn.setOnTouchPressed(e -> input.onEvent(ButtonEvent.press(button, System.nanoTime())));
        btn.setOnTouchReleased(e -> input.onEvent(ButtonEvent.release(button, System.nanoTime())));
        buttons[b] = btn;
        return btn;
    }

    /** How many pads there are: the model's buttons. */
    int count() {
        return buttons.length;
    }

    /**
     * Labels each button with the note it would play next; {@code sampling}: the draw may pick another note, so
     * its odds show too; notes are spelled in {@code key} (E♭ in C minor, not D♯).
     */
    void lookahead(Lookahead next, boolean sampling, dev.pianogenie.model.RootedScale key) {
        if (next.numButtons()
                != buttons.length) { // a model of another count: its look-ahead may come before its load is shown
            useButtons(KeyboardLayout.forButtons(next.numButtons()));
        }
        for (int b = 0; b < buttons.length; b++) {
            notes[b].setText(NoteSpelling.name(next.pitch(b), key));
            float p = next.probability(b); // a draw is never sure: 99.6% is not shown as 100%
            odds[b].setText(p >= 0.995f ? ">99%" : String.format(Locale.ROOT, "%.0f%%", 100 * p));
            odds[b].setManaged(sampling);
            odds[b].setVisible(sampling);
        }
    }

    /** The note name button {@code b} is labelled with ("" before the first look-ahead). */
    String nextNote(int b) {
        return notes[b].getText();
    }

    boolean oddsShown(int b) {
        return odds[b].isVisible();
    }

    String odds(int b) {
        return odds[b].getText();
    }

    void lit(int button, boolean on) {
        if (button >= buttons.length) {
            return; // a controller's button beyond the model's: it plays nothing
        }
        down[button] = on;
        buttons[button].pseudoClassStateChanged(LIT, on);
    }

    boolean isLit(int button) {
        return button < down.length && down[button];
    }

    Button button(int b) {
        return buttons[b];
    }

    void clear() {
        for (int b = 0; b < buttons.length; b++) {
            lit(b, false);
        }
    }
}
