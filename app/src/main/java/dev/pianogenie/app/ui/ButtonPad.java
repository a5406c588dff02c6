package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.model.Keys;
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
 * The 8 buttons, large, clickable or touchable, each showing its keys (1 and A, 2 and S…) and, beside them, the
 * note it would play next (the decoder's look-ahead) after a dot in the button's own colour — the colour of its
 * marker on the piano. Under sampling the note's odds show small below it. They light while pressed (by any
 * controller).
 */
final class ButtonPad extends HBox {
    static final String[] LETTERS = {"A", "S", "D", "F", "J", "K", "L", ";"};
    /** One colour per button, low (warm) to high (cool): the dot on the pad and its marker on the keys. */
    static final Color[] COLOURS = {Color.web("#f25c54"), Color.web("#ff9f1c"), Color.web("#ffd23f"), Color.web("#5fd35f"),
            Color.web("#2ec4b6"), Color.web("#3a86ff"), Color.web("#b36bff"), Color.web("#ff5fa2")};
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private static final double MAX_FACE_SCALE = 1.6;
    private final Button[] buttons = new Button[Keys.DEFAULT_BUTTONS];
    private final Label[] notes = new Label[Keys.DEFAULT_BUTTONS];
    private final Label[] odds = new Label[Keys.DEFAULT_BUTTONS];
    private final boolean[] down = new boolean[Keys.DEFAULT_BUTTONS];
    /** Pads held down with the mouse or a touch (JavaFX thread): released if the window loses focus meanwhile. */
    private final boolean[] heldByMouse = new boolean[Keys.DEFAULT_BUTTONS];
    private final ButtonListener held;

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
        for (int b = 0; b < buttons.length; b++) {
            int button = b;
            Label number = new Label(Integer.toString(b + 1));
            number.getStyleClass().add("pad-number");
            Label letter = new Label(LETTERS[b]);
            letter.getStyleClass().add("pad-letter");
            VBox keys = new VBox(-2, number, letter);
            keys.setAlignment(Pos.CENTER);
            Circle dot = new Circle(6, COLOURS[b]);
            dot.setStroke(Color.web("#15161a"));
            dot.setStrokeWidth(1.5);
            notes[b] = new Label("", dot);
            notes[b].getStyleClass().add("pad-note");
            notes[b].setId("pad-note-" + b);
            notes[b].setGraphicTextGap(5);
            notes[b].setMinWidth(Label.USE_PREF_SIZE);
            odds[b] = new Label();
            odds[b].getStyleClass().add("pad-odds");
            odds[b].setManaged(false);
            odds[b].setVisible(false);
            VBox next = new VBox(0, notes[b], odds[b]);
            next.setAlignment(Pos.CENTER_LEFT);
            HBox face = new HBox(10, keys, next);
            face.setAlignment(Pos.CENTER);
            Button btn = new Button();
            btn.setGraphic(face);
            // a big pad (a big window) shows its face bigger, readable from the instrument; never beyond the pad
            javafx.beans.InvalidationListener grow = o -> {
                double scale = Math.max(1, Math.min(MAX_FACE_SCALE, Math.min(btn.getWidth() / 150, btn.getHeight() / 84)));
                face.setScaleX(scale);
                face.setScaleY(scale);
            };
            btn.widthProperty().addListener(grow);
            btn.heightProperty().addListener(grow);
            btn.setId("genie-button-" + b);
            btn.getStyleClass().add("genie-button");
            btn.setFocusTraversable(false);
            btn.setTooltip(new Tooltip("button " + (b + 1) + (b == 0 ? " (lowest)" : b == 7 ? " (highest)" : "")
                    + ": key " + (b + 1) + " or " + LETTERS[b] + ". Beside it: the note it would play next (its dot"
                    + " marks that key on the piano); under sampling, how likely that note is."));
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
            getChildren().add(btn);
        }
    }

    /**
     * Labels each button with the note it would play next; {@code sampling}: the draw may pick another note, so
     * its odds show too; notes are spelled in {@code key} (E♭ in C minor, not D♯).
     */
    void lookahead(Lookahead next, boolean sampling, dev.pianogenie.model.RootedScale key) {
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
        down[button] = on;
        buttons[button].pseudoClassStateChanged(LIT, on);
    }

    boolean isLit(int button) {
        return down[button];
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
