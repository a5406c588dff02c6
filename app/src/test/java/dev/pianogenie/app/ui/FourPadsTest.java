package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.FourButtonModel;
import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.testkit.LoopbackMidi;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import net.java.games.input.ControllerEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with a 4-button model (Monocle, the loopback MIDI port): 4 pads labelled with their keys (1–4, D F J K),
 * each with its next note; D F J K and 1–4 play, A and 5 do not; the piano marks 4 keys in the pads' colours.
 */
@ExtendWith(ApplicationExtension.class)
class FourPadsTest {
    @TempDir
    static Path dir;

    Stage stage;
    MainView view;
    AppState state;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the gamepad's learnt mappings go here, not beside other tests'
        System.setProperty(
                "pianogenie.config", dir.resolve("config" + System.nanoTime()).toString());
        FakePadEnvironment.plug(true);
        Path model = FourButtonModel.write(dir.resolve("m" + System.nanoTime()));
        var setup =
                PlayCommand.setupFrom("--model", model.toString(), "--output", MainViewTest.OUT, "--temperature", "0");
        state = new AppState(setup, Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime()), dir);
        view = new MainView(state);
        MainView.show(stage, view);
        state.start();
    }

    @AfterEach
    void stop() {
        state.close();
        System.clearProperty("pianogenie.config");
    }

    @Test
    void theGamepadLearnsFourButtonsAndLearnSaysFour(FxRobot robot) throws Exception {
        MainViewTest.waitFor(
                () -> state.modelReady().get() && state.controllerConnected().get(),
                "model loaded, the (scripted) gamepad connected");
        WaitForAsyncUtils.waitForFxEvents();
        String tip = robot.lookup("#learn").queryAs(Button.class).getTooltip().getText();
        assertTrue(tip.startsWith("learn which 4 buttons of the gamepad") && tip.contains("folded into 4 zones"), tip);
        robot.clickOn("#learn");
        MainViewTest.waitFor(
                () -> state.message()
                        .get()
                        .text()
                        .equals("Learning: press the 4 pad buttons from lowest to highest, then the pedal button"),
                "asks for 4: " + state.message().get());
        // the window's pad: JInput's default environment enumerates once per JVM, holding the pad of that moment
        FakePadEnvironment.FakePad pad = (FakePadEnvironment.FakePad)
                ControllerEnvironment.getDefaultEnvironment().getControllers()[0];
        long t = System.currentTimeMillis() * 1_000_000L;
        for (int i : new int[] {7, 6, 5, 4, 8}) { // RT RB Y B, then Select as the pedal
            pad.press(i, true, t);
            pad.press(i, false, t);
        }
        MainViewTest.waitFor(
                () -> state.message()
                        .get()
                        .text()
                        .equals("Learnt and saved (4 buttons): Right Thumb 2 Right Thumb Y B, pedal Select"),
                "learnt 4 and said: " + state.message().get());
    }

    @Test
    void fourPadsPlayWithTheirKeysAndTheOthersDoNothing(FxRobot robot) throws Exception {
        MainViewTest.waitFor(
                () -> state.modelReady().get() && state.outputStatus().get().contains("MIDI out"), "model loaded");
        MainViewTest.waitFor(() -> !view.pad.nextNote(3).isEmpty(), "the look-ahead labels the pads");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, view.pad.count());
        assertTrue(robot.lookup("#genie-button-4").tryQuery().isEmpty(), "no fifth pad");
        assertEquals(
                "Play: 1–4 or D F J K  ·  space sustain  ·  0 new phrase  ·  F5 record  ·  ↑↓ temperature  ·  ←→ dynamics"
                        + "  ·  Esc all off",
                robot.lookup("#hint").queryAs(Label.class).getText());
        for (int b = 0; b < 4; b++) {
            assertTrue(view.piano.marked(b) >= 0, "the piano marks button " + b + "'s next key");
        }
        assertEquals(ButtonPad.COLOURS[0], ButtonPad.colour(0, 4));
        assertEquals(ButtonPad.COLOURS[7], ButtonPad.colour(3, 4), "the highest of 4 has the highest's colour");
        assertNotEquals(ButtonPad.colour(1, 4), ButtonPad.colour(2, 4));

        LoopbackMidi.clear();
        for (KeyCode k : new KeyCode[] {KeyCode.D, KeyCode.F, KeyCode.J, KeyCode.K, KeyCode.DIGIT4}) {
            robot.type(k);
            robot.sleep(30);
        }
        MainViewTest.waitFor(() -> MainViewTest.noteOns().size() == 5, "D F J K and 4 play: " + MainViewTest.noteOns());
        int[] greedy = MainViewTest.noteOns().stream()
                .mapToInt(LoopbackMidi.Received::data1)
                .toArray();
        for (KeyCode k : new KeyCode[] {KeyCode.A, KeyCode.DIGIT5, KeyCode.SEMICOLON}) {
            robot.type(k);
            robot.sleep(30);
        }
        robot.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, MainViewTest.noteOns().size(), "A, 5 and ; are no keys of a 4-button model");
        assertFalse(greedy.length == 0);
    }
}
