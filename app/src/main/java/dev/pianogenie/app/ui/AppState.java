package dev.pianogenie.app.ui;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Scale;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.prefs.Preferences;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the window shows and the player sets, as properties the views bind to; settings are remembered
 * between runs (Java preferences). Changed on the JavaFX thread only.
 */
final class AppState {
    final DoubleProperty temperature = new SimpleDoubleProperty(0.25);
    final ObjectProperty<Scale> scale = new SimpleObjectProperty<>(Scale.CHROMATIC);
    final IntegerProperty root = new SimpleIntegerProperty(0);
    final IntegerProperty lowPitch = new SimpleIntegerProperty(Keys.LOWEST_PITCH);
    final IntegerProperty highPitch = new SimpleIntegerProperty(Keys.HIGHEST_PITCH);
    final IntegerProperty velocity = new SimpleIntegerProperty(80);
    final StringProperty output = new SimpleStringProperty("synth");
    final StringProperty outputStatus = new SimpleStringProperty("");
    final StringProperty modelName = new SimpleStringProperty("(loading)");
    final StringProperty modelDetail = new SimpleStringProperty("");
    final StringProperty modelPath = new SimpleStringProperty("");
    final StringProperty status = new SimpleStringProperty("Starting…");
    final BooleanProperty statusIsProblem = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final StringProperty controllerStatus = new SimpleStringProperty("keyboard ready");
    final BooleanProperty controllerConnected = new SimpleBooleanProperty(false);
    final StringProperty latency = new SimpleStringProperty("");
    final BooleanProperty recording = new SimpleBooleanProperty(false);
    final BooleanProperty modelReady = new SimpleBooleanProperty(false);

    private final Preferences prefs;

    AppState(Preferences prefs) {
        this.prefs = prefs;
        temperature.set(prefs.getDouble("temperature", 0.25));
        try {
            scale.set(Scale.valueOf(prefs.get("scale", Scale.CHROMATIC.name())));
        } catch (IllegalArgumentException e) {
            scale.set(Scale.CHROMATIC);
        }
        root.set(prefs.getInt("root", 0));
        lowPitch.set(prefs.getInt("low", Keys.LOWEST_PITCH));
        highPitch.set(prefs.getInt("high", Keys.HIGHEST_PITCH));
        velocity.set(prefs.getInt("velocity", 80));
        output.set(prefs.get("output", "synth"));
        modelPath.set(prefs.get("model", ""));
        temperature.addListener((o, a, b) -> prefs.putDouble("temperature", b.doubleValue()));
        scale.addListener((o, a, b) -> prefs.put("scale", b.name()));
        root.addListener((o, a, b) -> prefs.putInt("root", b.intValue()));
        lowPitch.addListener((o, a, b) -> prefs.putInt("low", b.intValue()));
        highPitch.addListener((o, a, b) -> prefs.putInt("high", b.intValue()));
        velocity.addListener((o, a, b) -> prefs.putInt("velocity", b.intValue()));
        output.addListener((o, a, b) -> prefs.put("output", b));
    }

    /** The keys the decoder may choose; the whole piano if the scale and range leave none. */
    BitSet allowedKeys() {
        try {
            return scale.get().keys(root.get(), lowPitch.get(), highPitch.get());
        } catch (IllegalArgumentException e) {
            return Keys.all();
        }
    }

    void busy(String what) {
        busy.set(true);
        say(capitalise(what) + "…", false);
    }

    void done() {
        busy.set(false);
    }

    void problem(String message) {
        busy.set(false);
        say(message, true);
    }

    void say(String message, boolean isProblem) {
        status.set(message);
        statusIsProblem.set(isProblem);
    }

    void modelLoaded(PianoGenieModel model, Path dir) {
        modelName.set(model.config().name());
        modelDetail.set(model.describe() + " · " + model.config().encoding().name().toLowerCase() + " features · LSTM "
                + model.config().rnnLayers() + "×" + model.config().rnnDim()
                + (model.config().provenance().containsKey("licence") ? " · " + model.config().provenance().get("licence") : ""));
        modelPath.set(dir.toString());
        prefs.put("model", dir.toString());
        modelReady.set(true);
        say("Ready: " + model.config().name() + ". Play with keys 1–8 or A S D F J K L ;, space = pedal.", false);
    }

    void outputOpened(String spec, String description) {
        outputStatus.set(description);
        output.set(spec);
    }

    void outputFailed(String spec, String message) {
        outputStatus.set("no sound: " + spec + " failed");
        say(message, true);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
