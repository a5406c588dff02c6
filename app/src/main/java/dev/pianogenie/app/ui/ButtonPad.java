package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.model.Keys;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The 8 buttons, large, clickable or touchable; they light while pressed (by any controller). */
final class ButtonPad extends HBox {
    private static final String[] KEYS = {"1 · A", "2 · S", "3 · D", "4 · F", "5 · J", "6 · K", "7 · L", "8 · ;"};
    private final Button[] buttons = new Button[Keys.NUM_BUTTONS];
    private final int[] down = new int[Keys.NUM_BUTTONS];

    ButtonPad(ButtonListener input) {
        getStyleClass().add("button-pad");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        for (int b = 0; b < buttons.length; b++) {
            int button = b;
            Button btn = new Button(Integer.toString(b + 1));
            btn.setId("genie-button-" + b);
            btn.getStyleClass().add("genie-button");
            btn.setFocusTraversable(false);
            btn.setTooltip(new javafx.scene.control.Tooltip("button " + (b + 1) + " (keys " + KEYS[b] + ")"));
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
        down[button] = on ? 1 : 0;
        buttons[button].pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("lit"), on);
    }

    boolean isLit(int button) {
        return down[button] > 0;
    }

    void clear() {
        for (int b = 0; b < buttons.length; b++) {
            lit(b, false);
        }
    }
}
