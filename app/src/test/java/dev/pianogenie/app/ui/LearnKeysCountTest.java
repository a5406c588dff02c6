package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.app.cli.FourButtonModel;
import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.testkit.LoopbackMidi;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

/**
 * Learn… with a MIDI keyboard and a 4-button model: the tooltip and the messages say the real counts — the keyboard
 * learns 8 chosen keys (whatever the model) of which the model plays the first 4, the range folds into 4 zones.
 */
@ExtendWith(ApplicationExtension.class)
class LearnKeysCountTest {
    @TempDir
    static Path dir;

    Stage stage;
    AppState state;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        System.setProperty(
                "pianogenie.config", dir.resolve("config" + System.nanoTime()).toString());
        Path model = FourButtonModel.write(dir.resolve("m" + System.nanoTime()));
        // no output: the loopback port would play the genie's notes back into the keyboard
        state = new AppState(
                PlayCommand.setupFrom("--model", model.toString(), "--output", "none"),
                Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime()),
                dir);
        MainView.show(stage, new MainView(state));
        state.start();
    }

    @AfterEach
    void stop() {
        state.close();
        System.clearProperty("pianogenie.config");
        FakePadEnvironment.plug(true);
    }

    private static void strike(int pitch) throws Exception {
        LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 90));
        LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0));
    }

    @Test
    void learnSaysTheKeysItLearnsAndWhatAFourButtonModelPlays(FxRobot robot) throws Exception {
        LearnZonesInTheWindowTest.waitFor(() -> state.modelReady().get(), "model loaded");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "learn which 4 buttons of the gamepad (or 8 keys of the chosen MIDI keyboard; this 4-button model plays"
                        + " the first 4) to use; Shift-click: every key of the MIDI keyboard plays, folded into 4 zones"
                        + " (press its lowest and highest key)",
                robot.lookup("#learn").queryAs(Button.class).getTooltip().getText());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
            also.getItems().setAll("midi:" + LoopbackMidi.NAME);
            also.setValue("midi:" + LoopbackMidi.NAME);
        });
        LearnZonesInTheWindowTest.waitFor(
                () -> state.controllerStatus().get().contains("every key, C3..C5 in 4 zones"),
                "the MIDI keyboard is connected: " + state.controllerStatus().get());

        robot.clickOn("#learn");
        WaitForAsyncUtils.waitForFxEvents();
        LearnZonesInTheWindowTest.waitFor(
                () -> state.message()
                        .get()
                        .text()
                        .equals("Learning: play the 8 keys you want as buttons, lowest first (this 4-button model"
                                + " plays the first 4)"),
                "asks for 8 keys, says the model plays 4: " + state.message().get());
        strike(60);
        strike(62);
        LearnZonesInTheWindowTest.waitFor(
                () -> state.message().get().text().equals("Learning: 2 of 8 keys"),
                "counts to 8: " + state.message().get());
        for (int p : new int[] {64, 65, 67, 69, 71, 72}) {
            strike(p);
        }
        LearnZonesInTheWindowTest.waitFor(
                () -> state.message().get().text().equals("Learnt: C4 D4 E4 F4 G4 A4 B4 C5"),
                "learnt: " + state.message().get());

        LearnZonesInTheWindowTest.shiftClickLearn(robot);
        LearnZonesInTheWindowTest.waitFor(
                () -> state.message()
                        .get()
                        .text()
                        .equals("Learning: press the keyboard's lowest key, then its highest (every key will play,"
                                + " folded into 4 zones)"),
                "the range folds into 4 zones: " + state.message().get());
        strike(36);
        strike(96);
        LearnZonesInTheWindowTest.waitFor(
                () -> state.message().get().text().startsWith("Learnt: every key, C2..C7 in 4 zones"),
                "learnt: " + state.message().get());
    }
}
