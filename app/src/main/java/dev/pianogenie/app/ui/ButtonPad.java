package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.model.Keys;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The 8 buttons, large, clickable or touchable, each showing its keys (1 and A, 2 and S…); they light while
 * pressed (by any controller).
 */
final class ButtonPad extends HBox {
    static final String[] LETTERS = {"A", "S", "D", "F", "J", "K", "L", ";"};
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private final Button[] buttons = new Button[Keys.NUM_BUTTONS];
    private final boolean[] down = new boolean[Keys.NUM_BUTTONS];

    ButtonPad(ButtonListener input) {
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
            VBox face = new VBox(-2, number, letter);
            face.setAlignment(Pos.CENTER);
            Button btn = new Button();
            btn.setGraphic(face);
            btn.setId("genie-button-" + b);
            btn.getStyleClass().add("genie-button");
            btn.setFocusTraversable(false);
            btn.setTooltip(new Tooltip("button " + (b + 1) + (b == 0 ? " (lowest)" : b == 7 ? " (highest)" : "")
                    + ": key " + (b + 1) + " or " + LETTERS[b]));
            btn.setMinWidth(40);
            btn.setMinHeight(56);
            btn.setMaxWidth(Double.MAX_VALUE);
            btn.setMaxHeight(Double.MAX_VALUE);
            HBox.setHgrow(btn, Priority.ALWAYS);
            btn.setOnMousePressed(e -> input.onEvent(ButtonEvent.press(button, System.nanoTime())));
            btn.setOnMouseReleased(e -> input.onEvent(ButtonEvent.release(button, System.nanoTime())));
            btn.setOnTouchPressed(e -> input.onEvent(ButtonEvent.press(button, System.nanoTime())));
            btn.setOnTouchReleased(e -> input.onEvent(ButtonEvent.release(button, System.nanoTime())));
            buttons[b] = btn;
            getChildren().add(btn);
        }
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
