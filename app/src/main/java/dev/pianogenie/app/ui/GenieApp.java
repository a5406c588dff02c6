package dev.pianogenie.app.ui;

import dev.pianogenie.app.cli.DefaultModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app. Starts on the shipped default model (or the last one used) and the built-in synth;
 * everything is set up in the window, and remembered.
 */
public final class GenieApp extends Application {
    private static volatile Path startModel;
    private static volatile Double startTemperature;
    private static volatile java.util.List<String> extraControllers = java.util.List.of();

    private PlayController controller;

    /** Started from the command line (a plain class, as JavaFX on the classpath requires). */
    public static int launchWith(Path model, Double temperature, java.util.List<String> controllers) {
        startModel = model;
        startTemperature = temperature;
        extraControllers = java.util.List.copyOf(controllers);
        Application.launch(GenieApp.class);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        Preferences prefs = Preferences.userRoot().node("dev/pianogenie");
        AppState state = new AppState(prefs);
        if (startTemperature != null) {
            state.temperature.set(startTemperature);
        }
        UiEvents events = new UiEvents();
        controller = new PlayController(state, events);
        MainView view = new MainView(state, controller, events);
        MainView.show(stage, view);
        controller.loadModel(initialModel(state), state.output.get(), extraControllers);
        stage.setOnCloseRequest(e -> controller.autosave(MainView.AUTOSAVE));
    }

    /** The model from the command line, else the last one used, else the shipped default. */
    static Path initialModel(AppState state) {
        if (startModel != null) {
            return startModel;
        }
        String last = state.modelPath.get();
        if (!last.isEmpty() && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        return DefaultModel.locate();
    }

    @Override
    public void stop() {
        if (controller != null) {
            controller.close();
        }
        Platform.exit();
    }
}
