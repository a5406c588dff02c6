package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Shift-click on Learn… with a MIDI keyboard: its lowest and highest key, and every key plays; the window says the fold. */
@ExtendWith(ApplicationExtension.class)
class LearnZonesInTheWindowTest {
    @TempDir
    static Path takes;

    @TempDir
    static Path config;

    Stage stage;
    AppState state;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        System.setProperty("pianogenie.config", config.toString());
        Preferences prefs = Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
        // no output: the loopback port would play the genie's notes back into the keyboard
        state = new AppState(
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none"),
                prefs,
                takes);
        MainView.show(stage, new MainView(state));
        state.start();
    }

    @AfterEach
    void stop() {
        state.close();
        System.clearProperty("pianogenie.config");
        FakePadEnvironment.plug(true);
    }

    /** Shift-click on Learn…: learn the keyboard's range (a button does not fire with Shift held; SetupBar's own). */
    static void shiftClickLearn(FxRobot robot) {
        robot.press(KeyCode.SHIFT);
        robot.clickOn("#learn");
        robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            // said below, with what was there
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void shiftClickOnLearnLearnsTheKeyboardsRange(FxRobot robot) throws Exception {
        waitFor(() -> state.modelReady().get(), "model loaded");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
            also.getItems().setAll("midi:" + LoopbackMidi.NAME);
            also.setValue("midi:" + LoopbackMidi.NAME);
        });
        waitFor(
                () -> state.message().get().text().startsWith("Playing from MIDI keyboard"),
                "the MIDI keyboard is connected: " + state.message().get());
        waitFor(
                () -> state.controllerStatus().get().contains("every key, C3..C5 in 8 zones"),
                "nothing learnt: every key of C3..C5 — "
                        + state.controllerStatus().get());
        shiftClickLearn(robot);
        waitFor(
                () -> state.message().get().text().contains("lowest key"),
                "it asks for the lowest key: " + state.message().get());
        for (int pitch : new int[] {36, 96}) { // a 61-key keyboard
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 90));
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0));
        }
        waitFor(
                () -> state.message().get().text().startsWith("Learnt: every key, C2..C7 in 8 zones"),
                "learnt and said: " + state.message().get());
    }
}
