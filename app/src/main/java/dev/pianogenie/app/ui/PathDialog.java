package dev.pianogenie.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A small dialog of our own for a file or folder: the path in a text field (to type, paste or edit), Browse…
 * for the system's chooser, and the action. The system's GTK chooser opens at a fixed size that can be larger
 * than a small screen (1096×822 on a 1024×600 one, its buttons out of reach); this one is sized to the window
 * that owns it.
 */
final class PathDialog {
    private PathDialog() {
    }

    /**
     * Asks for a path; empty if cancelled.
     *
     * @param browse opens the system's chooser from the path typed so far (null: cancelled there)
     */
    static Optional<Path> ask(Window owner, String title, String what, String action, Path initial,
            Function<Path, File> browse) {
        Dialog<Path> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        TextField field = new TextField(initial.toString());
        field.setId("path-field");
        field.setPrefColumnCount(36);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Browse…");
        choose.setOnAction(e -> {
            File f = browse.apply(expand(field.getText()));
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        });
        Label label = new Label(what);
        label.setWrapText(true);
        VBox content = new VBox(8, label, new HBox(8, field, choose));
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(field.textProperty().isEmpty());
        if (owner != null) { // never wider than the window it belongs to
            dialog.getDialogPane().setMaxWidth(Math.max(300, owner.getWidth() - 40));
            dialog.getDialogPane().setPrefWidth(Math.min(640, Math.max(300, owner.getWidth() - 40)));
        }
        dialog.getDialogPane().getStylesheets().add(PathDialog.class.getResource("genie.css").toExternalForm());
        dialog.getDialogPane().getStyleClass().addAll("genie-root", "path-dialog");
        dialog.setResultConverter(b -> b == ok ? expand(field.getText()) : null);
        dialog.setOnShown(e -> {
            field.requestFocus();
            field.end();
        });
        return dialog.showAndWait();
    }

    /** The path as typed: surrounding blanks dropped, a leading ~ for the home folder. */
    static Path expand(String typed) {
        String t = typed.strip();
        if (t.equals("~") || t.startsWith("~/")) {
            t = System.getProperty("user.home") + t.substring(1);
        }
        return Path.of(t).toAbsolutePath().normalize();
    }
}
