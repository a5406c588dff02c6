package dev.pianogenie.app.ui;

import java.io.File;
import java.nio.file.Files;
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
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A small dialog of our own for a file or folder: the path in a text field (to type, paste or edit), Browse…
 * for the system's chooser, and the action. The system's GTK chooser opens at a fixed size that can be larger
 * than a small screen (1096×822 on a 1024×600 one, its buttons out of reach); this one is sized to the window
 * that owns it, and on a screen too small for the system's chooser Browse… lists the folder's entries inside it.
 */
final class PathDialog {
    private PathDialog() {}

    /**
     * Asks for a path; empty if cancelled.
     *
     * @param browse opens the system's chooser from the path typed so far (null: cancelled there)
     */
    static Optional<Path> ask(
            Window owner, String title, String what, String action, Path initial, Function<Path, File> browse) {
        Dialog<Path> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        TextField field = new TextField(initial.toString());
        field.setId("path-field");
        field.setPrefColumnCount(36);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button choose = new Button("Browse…");
        choose.setId("browse");
        ListView<Path> list = new ListView<>(); // the chooser that fits a small screen, inside this dialog
        list.setId("browse-list");
        list.setPrefHeight(220);
        list.setVisible(false);
        list.setManaged(false);
        choose.setOnAction(e -> {
            javafx.geometry.Rectangle2D screen = owner == null
                    ? javafx.stage.Screen.getPrimary().getVisualBounds()
                    : javafx.stage.Screen.getScreensForRectangle(
                                    owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                            .stream()
                            .findFirst()
                            .orElse(javafx.stage.Screen.getPrimary())
                            .getVisualBounds();
            if (systemChooserFits(screen.getWidth(), screen.getHeight())) {
                File f = browse.apply(expand(field.getText()));
                if (f != null) {
                    field.setText(f.getAbsolutePath());
                }
                return;
            }
            list.setVisible(true);
            list.setManaged(true);
            fill(list, expand(field.getText()));
            list.getScene().getWindow().sizeToScene();
        });
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(
                        empty || p == null
                                ? null
                                : p.equals(UP) ? "⬑ .." : p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
            }
        });
        list.setOnMouseClicked(e -> {
            Path p = list.getSelectionModel().getSelectedItem();
            if (p == null) {
                return;
            }
            Path typed = expand(field.getText());
            Path dir = Files.isDirectory(typed) ? typed : typed.getParent();
            Path target = p.equals(UP) ? (dir == null || dir.getParent() == null ? dir : dir.getParent()) : p;
            if (Files.isDirectory(target)) {
                // a folder: open it (keeping a file name typed for a Save as)
                boolean keepName = !Files.isDirectory(typed) && typed.getFileName() != null && !Files.exists(typed)
                        || Files.isRegularFile(typed);
                field.setText((keepName ? target.resolve(typed.getFileName()) : target).toString());
                fill(list, target);
            } else {
                field.setText(target.toString());
            }
            field.end();
        });
        Label label = new Label(what);
        label.setWrapText(true);
        VBox content = new VBox(8, label, new HBox(8, field, choose), list);
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
        dialog.getDialogPane()
                .getStylesheets()
                .add(PathDialog.class.getResource("genie.css").toExternalForm());
        dialog.getDialogPane().getStyleClass().addAll("genie-root", "path-dialog");
        dialog.setResultConverter(b -> b == ok ? expand(field.getText()) : null);
        dialog.setOnShown(e -> {
            field.requestFocus();
            field.end();
        });
        return dialog.showAndWait();
    }

    /** The GTK chooser opens at 1096×822: on a smaller screen its buttons would be out of reach. */
    static boolean systemChooserFits(double screenWidth, double screenHeight) {
        return screenWidth >= 1100 && screenHeight >= 830;
    }

    private static final Path UP = Path.of("..");

    /** The folder's entries (folders first, hidden ones left out), with ".." to go up. */
    private static void fill(ListView<Path> list, Path typed) {
        Path dir = Files.isDirectory(typed) ? typed : typed.getParent();
        java.util.List<Path> entries = new java.util.ArrayList<>();
        if (dir != null) {
            entries.add(UP);
            try (var s = Files.list(dir)) {
                s.filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(java.util.Comparator.comparing((Path p) -> !Files.isDirectory(p))
                                .thenComparing(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)))
                        .forEach(entries::add);
            } catch (java.io.IOException | SecurityException e) {
                // an unreadable folder lists only ".."
            }
        }
        list.getItems().setAll(entries);
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
