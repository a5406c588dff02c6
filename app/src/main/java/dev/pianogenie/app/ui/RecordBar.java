package dev.pianogenie.app.ui;

import dev.pianogenie.midi.MidiFileName;
import java.nio.file.Path;
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
        saveAs.setOnAction(e -> saveAs(state, getScene().getWindow()));
        Button wav = new Button("Export WAV");
        wav.setId("export-wav");
        wav.setFocusTraversable(false);
        wav.setTooltip(new Tooltip("render the last take through the built-in synth to a WAV file beside it"
                + " (offline: works without a sound card), normalised to a -1 dBFS peak as ./genie render does"));
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
        // one width from the first figure on: the bar does not wrap onto a second row when the figures appear
        latency.setPrefWidth(260);
        latency.setMinWidth(260);
        latency.setMaxWidth(260);
        latency.setTooltip(
                new Tooltip("the decoder's step (median) and press → note out (median, p99), as ./genie bench"
                        + " latency measures them"));
        latency.textProperty().bind(state.latency());
        HBox meter = new HBox(8, level, levelText, latency);
        meter.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(record, saveAs, wav, panic, meter);
    }

    /** Once per frame. */
    void showLevel(double peakDbfs) {
        level.setProgress(LevelMeter.fraction(peakDbfs));
        levelText.setText(
                peakDbfs <= LevelMeter.FLOOR_DBFS ? "–∞ dBFS" : String.format(Locale.ROOT, "%.0f dBFS", peakDbfs));
    }

    /** Save as…: the take's path to edit (Browse… for the system's chooser), then saved there. */
    static void saveAs(AppState state, javafx.stage.Window owner) {
        if (state.lastTake().get().isEmpty() && !state.recording().get()) { // said before a name is asked, not after
            state.say(Message.problem("Nothing recorded yet: press Record (F5), play, then Save as…"));
            return;
        }
        Path initial = state.lastTake().get().orElse(AppState.TAKES.resolve("take.mid"));
        PathDialog.ask(
                        owner,
                        "Save the take as",
                        "Save the last take (or the one under way) as a MIDI file, with its"
                                + " button session beside it:",
                        "Save",
                        initial,
                        typed -> {
                            FileChooser chooser = new FileChooser();
                            chooser.setTitle("Save the take as");
                            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI files", "*.mid"));
                            Path dir = typed.getParent();
                            if (dir != null && dir.toFile().isDirectory()) {
                                chooser.setInitialDirectory(dir.toFile());
                            }
                            chooser.setInitialFileName(
                                    typed.getFileName() == null
                                            ? "take.mid"
                                            : typed.getFileName().toString());
                            return chooser.showSaveDialog(owner);
                        })
                .ifPresent(p -> state.saveTakeAs(
                        MidiFileName.hasMidiExtension(p.getFileName().toString())
                                ? p
                                : p.resolveSibling(p.getFileName() + ".mid")));
    }
}
