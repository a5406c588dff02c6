package dev.pianogenie.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status line, shown whole: long messages wrap (and the whole text is in a tooltip); a saved file comes
 * with Open folder and Copy path.
 */
final class MessageBar extends HBox {
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");
    /** At least two lines high, so the window does not jump as one-line and two-line messages alternate. */
    private final Label text = new Label() {
        @Override
        protected double computePrefHeight(double width) {
            double twoLines = Math.ceil(2 * getFont().getSize() * 1.35) + snappedTopInset() + snappedBottomInset();
            return Math.max(super.computePrefHeight(width), twoLines);
        }
    };

    private final Button open = new Button("Open folder");
    private final Button copy = new Button("Copy path");
    private Path file;

    MessageBar(AppState state) {
        super(10);
        getStyleClass().add("message-bar");
        setPadding(new Insets(2, 12, 8, 12));
        setAlignment(Pos.CENTER_LEFT);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMinSize(16, 16);
        busy.visibleProperty().bind(state.busy());
        busy.managedProperty().bind(state.busy());
        text.setId("status");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE); // never cut: a long message takes more lines
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setTooltip(SetupBar.wrapping(text.textProperty()));
        open.setId("open-folder");
        copy.setId("copy-path");
        for (Button b : new Button[] {open, copy}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.getStyleClass().add("small");
        }
        open.setOnAction(e -> openFolder());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(file.toString());
            Clipboard.getSystemClipboard().setContent(c);
        });
        getChildren().addAll(busy, text, open, copy);
        show(state.message().get());
        state.message().addListener((o, a, m) -> show(m));
    }

    private void show(Message m) {
        text.setText(m.text());
        text.pseudoClassStateChanged(PROBLEM, m.problem());
        file = m.file().orElse(null);
        for (Button b : new Button[] {open, copy}) {
            b.setVisible(file != null);
            b.setManaged(file != null);
        }
    }

    String text() {
        return text.getText();
    }

    Path file() {
        return file;
    }

    /** The folder of the file, in the desktop's file manager. */
    private void openFolder() {
        Path dir = file.toAbsolutePath().getParent();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] cmd = os.contains("mac")
                ? new String[] {"open", dir.toString()}
                : os.contains("win")
                        ? new String[] {"explorer", dir.toString()}
                        : new String[] {"xdg-open", dir.toString()};
        try {
            if (!Files.isDirectory(dir)) {
                throw new IOException("no folder " + dir);
            }
            new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            text.setText(
                    text.getText() + " (could not open a file manager: " + e.getMessage() + "; Copy path instead)");
        }
    }
}
