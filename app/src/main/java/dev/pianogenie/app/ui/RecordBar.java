package dev.pianogenie.app.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * Recording along the bottom: Record (each take runs from Record to Stop and is saved when it stops),
 * Save as…, Export WAV (beside the take, offline — no sound card needed), All notes off; the output level and
 * the latency. Wraps onto a second row in a narrow window.
 */
final class RecordBar extends FlowPane {
    private final ProgressBar level = new ProgressBar(0);
    private final Label levelText = new Label("–∞ dBFS");

    RecordBar(AppState state) {
        super(10, 6);
        getStyleClass().add("bottom-bar");
        setPadding(new Insets(8, 12, 4, 12));
        setAlignment(Pos.CENTER_LEFT);
        ToggleButton record = new ToggleButton("● Record (F5)");
        record.setId("record");
        record.setFocusTraversable(false);
        record.setTooltip(new Tooltip("start a take; press again to stop — the take is saved when it stops"
                + " (and every few seconds while it runs)"));
        record.setOnAction(e -> state.toggleRecording());
        state.recording().addListener((o, a, on) -> {
            record.setSelected(on);
            record.setText(on ? "■ Stop (F5)" : "● Record (F5)");
        });
        Button saveAs = new Button("Save as… (Ctrl+S)");
        saveAs.setId("save-as");
        saveAs.setFocusTraversable(false);
        saveAs.setOnAction(e -> saveAs(state));
        Button wav = new Button("Export WAV");
        wav.setId("export-wav");
        wav.setFocusTraversable(false);
        wav.setTooltip(new Tooltip("render the last take through the built-in synth to a WAV file beside it"
                + " (offline: works without a sound card)"));
        wav.setOnAction(e -> state.exportWav());
        Button panic = new Button("All notes off (Esc)");
        panic.setFocusTraversable(false);
        panic.setOnAction(e -> state.panic());
        for (Control c : new Control[] {record, saveAs, wav, panic}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        level.setPrefWidth(90);
        level.setMinWidth(Region.USE_PREF_SIZE);
        level.setTooltip(new Tooltip("output level of the built-in synthesizer (dBFS)"));
        levelText.getStyleClass().add("dim");
        levelText.setMinWidth(Region.USE_PREF_SIZE);
        Label latency = new Label();
        latency.getStyleClass().add("dim");
        latency.setMinWidth(Region.USE_PREF_SIZE);
        latency.textProperty().bind(state.latency());
        HBox meter = new HBox(8, level, levelText, latency);
        meter.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(record, saveAs, wav, panic, meter);
    }

    /** Once per frame. */
    void showLevel(double peakDbfs) {
        level.setProgress(LevelMeter.fraction(peakDbfs));
        levelText.setText(peakDbfs <= LevelMeter.FLOOR_DBFS ? "–∞ dBFS" : String.format(Locale.ROOT, "%.0f dBFS", peakDbfs));
    }

    static void saveAs(AppState state) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the take as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid"));
        state.lastTake().get().ifPresent(p -> {
            if (p.getParent() != null && p.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(p.getParent().toFile());
            }
            chooser.setInitialFileName(p.getFileName().toString());
        });
        var f = chooser.showSaveDialog(null);
        if (f != null) {
            state.saveTakeAs(f.toPath());
        }
    }
}
