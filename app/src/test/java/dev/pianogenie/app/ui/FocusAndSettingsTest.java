package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 29 classes 10 and 14, in the window on Monocle: a key (or a pad held with the mouse) down while the window
 * loses focus is released — its key-up goes to the other window, and the note used to stick; a damaged remembered
 * setting (a temperature of NaN) gives way to the default instead of leaving the window on "loading".
 */
@ExtendWith(ApplicationExtension.class)
class FocusAndSettingsTest {
    static final String OUT = "midi:" + LoopbackMidi.NAME;

    @TempDir
    static Path takes;

    Stage stage;
    AppState state;
    Stage other;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    void open(LiveSetup setup, Preferences prefs) {
        state = new AppState(setup, prefs, takes);
        MainView.show(stage, new MainView(state));
        state.start();
    }

    static Preferences fresh() {
        return Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (other != null) {
                other.close();
            }
            if (state != null) {
                state.close();
            }
        });
    }

    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        assertTrue(condition.getAsBoolean(), what);
    }

    static List<LoopbackMidi.Received> noteOns() {
        return LoopbackMidi.received().stream()
                .filter(r -> r.status() == 0x90 && r.data2() > 0)
                .toList();
    }

    static boolean noteOff(int pitch) {
        return LoopbackMidi.received().stream()
                .anyMatch(r -> r.data1() == pitch && (r.status() == 0x80 || r.status() == 0x90 && r.data2() == 0));
    }

    void ready(FxRobot robot) throws Exception {
        robot.interact(() -> open(
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", OUT), fresh()));
        waitFor(
                () -> state.modelReady().get() && state.outputStatus().get().contains("MIDI out"),
                "model loaded and MIDI out open");
        WaitForAsyncUtils.waitForFxEvents();
        LoopbackMidi.clear();
    }

    /**
     * Another window takes the focus (Alt-Tab, a dialog). Monocle moves no focus between windows by itself: the
     * window is told it lost the focus as the toolkit's peer tells it when the desktop moves the focus away.
     */
    void focusElsewhere(FxRobot robot) {
        robot.interact(() -> {
            other = new Stage();
            other.setScene(new Scene(new Label("another window"), 200, 100));
            other.show();
            other.requestFocus();
            if (stage.isFocused()) {
                com.sun.javafx.stage.WindowHelper.setFocused(stage, false);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aKeyHeldWhileTheWindowLosesFocusIsReleased(FxRobot robot) throws Exception {
        ready(robot);
        robot.press(KeyCode.A);
        try {
            waitFor(() -> noteOns().size() == 1, "a held key plays");
            int pitch = noteOns().get(0).data1();
            robot.sleep(100);
            assertFalse(noteOff(pitch), "still held");
            focusElsewhere(robot);
            assertFalse(stage.isFocused(), "the window lost the focus");
            waitFor(() -> noteOff(pitch), "losing the focus released the note");
        } finally {
            robot.release(KeyCode.A);
        }
    }

    @Test
    void aPadHeldWithTheMouseWhileTheWindowLosesFocusIsReleased(FxRobot robot) throws Exception {
        ready(robot);
        robot.moveTo("#genie-button-4").press(MouseButton.PRIMARY);
        waitFor(() -> noteOns().size() == 1, "a pad held with the mouse plays");
        int pitch = noteOns().get(0).data1();
        focusElsewhere(robot);
        waitFor(() -> noteOff(pitch), "losing the focus released the note");
        robot.release(MouseButton.PRIMARY);
    }

    @Test
    void aRememberedTemperatureOfNanGivesWayToTheDefault(FxRobot robot) throws Exception {
        Preferences damaged = fresh();
        damaged.put("temperature", "NaN");
        damaged.putInt("velocity", 900);
        damaged.put("scale", "NO_SUCH_SCALE");
        robot.interact(() -> open(
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none"), damaged));
        waitFor(() -> state.modelReady().get(), "the window loads and plays (was: stuck on loading)");
        assertEquals(0.25, state.temperature().get(), 1e-9, "the default temperature");
        assertEquals(80, state.velocity().get());
    }

    /** Issue 29 class 13: the idle window re-rendered an empty piano roll 60 times a second (~25 % of a core). */
    @Test
    void anEmptyPianoRollIsDrawnOnceNotEveryFrame(FxRobot robot) throws Exception {
        boolean[] drawn = new boolean[6];
        robot.interact(() -> {
            PianoRoll roll = new PianoRoll();
            roll.resize(400, 100);
            roll.layout();
            drawn[0] = roll.draw(1.0);
            drawn[1] = roll.draw(1.016); // the next frame: nothing changed
            roll.noteOn(40, 90, 1.1);
            drawn[2] = roll.draw(1.2); // a note scrolls: every frame
            roll.noteOff(40, 1.3);
            drawn[3] = roll.draw(5.0);
            drawn[4] = roll.draw(20.0); // the note has left the roll: drawn empty once more
            drawn[5] = roll.draw(20.016);
        });
        assertEquals("[true, false, true, true, true, false]", java.util.Arrays.toString(drawn));
    }

    /** Issue 29 class 3: the window's first take went to --record's file even when a take was there already. */
    @Test
    void theWindowsTakesNeverReplaceAnExistingTake(FxRobot robot, @TempDir Path dir) throws Exception {
        Path mine = java.nio.file.Files.write(dir.resolve("mine.mid"), "an earlier take".getBytes());
        java.nio.file.Files.write(dir.resolve("mine-2.mid"), "and another".getBytes());
        robot.interact(() -> open(
                PlayCommand.setupFrom(
                        "--model", SharedData.tutorialModel().toString(), "--output", OUT, "--record", mine.toString()),
                fresh()));
        waitFor(
                () -> state.modelReady().get() && state.outputStatus().get().contains("MIDI out"),
                "loaded, recording at once");
        WaitForAsyncUtils.waitForFxEvents();
        LoopbackMidi.clear();
        robot.type(KeyCode.S);
        waitFor(() -> noteOns().size() == 1, "a note in the take");
        robot.interact(state::toggleRecording); // stop: saved
        waitFor(() -> state.lastTake().get().isPresent(), "the take is saved");
        assertEquals(dir.resolve("mine-3.mid"), state.lastTake().get().get(), "numbered past both");
        assertEquals("an earlier take", java.nio.file.Files.readString(mine));
        assertEquals("and another", java.nio.file.Files.readString(dir.resolve("mine-2.mid")));
        robot.interact(state::toggleRecording);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.D);
        robot.interact(state::toggleRecording);
        waitFor(
                () -> state.lastTake()
                        .get()
                        .map(p -> p.equals(dir.resolve("mine-4.mid")))
                        .orElse(false),
                "the next take goes on from there: " + state.lastTake().get());
    }
}
