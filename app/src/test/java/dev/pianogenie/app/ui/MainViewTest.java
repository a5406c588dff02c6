package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.model.Scale;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on Monocle (headless JavaFX), playing the tutorial's checkpoint into the loopback MIDI port:
 * what a player does with the mouse and the keyboard reaches the decoder and comes out as notes.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    static final String OUT = "midi:" + LoopbackMidi.NAME;
    MainView view;
    AppState state;
    PlayController controller;

    @Start
    void start(Stage stage) throws Exception {
        Preferences prefs = Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
        state = new AppState(prefs);
        UiEvents events = new UiEvents();
        controller = new PlayController(state, events);
        view = new MainView(state, controller, events);
        MainView.show(stage, view);
        controller.loadModel(SharedData.tutorialModel(), OUT);
    }

    @AfterEach
    void stop() {
        controller.close();
        FakePadEnvironment.plug(true);
    }

    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        assertTrue(condition.getAsBoolean(), what);
    }

    List<LoopbackMidi.Received> noteOns() {
        return LoopbackMidi.received().stream().filter(r -> r.status() == 0x90 && r.data2() > 0).toList();
    }

    void ready() throws Exception {
        waitFor(() -> state.modelReady.get() && state.outputStatus.get().contains("MIDI out"), "model loaded and MIDI out open");
        WaitForAsyncUtils.waitForFxEvents();
        LoopbackMidi.clear();
    }

    @Test
    void clickingAButtonAndTypingOneToEightPlayNotesAndLightKeys(FxRobot robot) throws Exception {
        ready();
        robot.moveTo("#genie-button-2").press(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(() -> noteOns().size() == 1, "a click on a button plays a note");
        int key = noteOns().get(0).data1() - 21;
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(100);
        assertTrue(view.piano.isSounding(key), "the key lights up");
        assertTrue(view.pad.isLit(2), "the button lights up");
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        waitFor(() -> LoopbackMidi.received().stream().anyMatch(r -> r.status() == 0x80), "release ends the note");
        for (KeyCode k : new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
                KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8}) {
            robot.type(k);
        }
        waitFor(() -> noteOns().size() == 9, "typing 1..8 plays 8 more notes");
    }

    @Test
    void temperatureAndScaleReachTheDecoder(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> {
            robot.lookup("#temperature").queryAs(Slider.class).setValue(0);
            @SuppressWarnings("unchecked")
            ComboBox<Scale> scale = robot.lookup("#scale").queryAs(ComboBox.class);
            scale.setValue(Scale.MAJOR);
            @SuppressWarnings("unchecked")
            ComboBox<String> root = robot.lookup("#root").queryAs(ComboBox.class);
            root.getSelectionModel().select(0);
        });
        assertEquals(0.0, controller.session().performer().decoder().sampling().temperature());
        for (int i = 0; i < 40; i++) {
            robot.type(new KeyCode[] {KeyCode.A, KeyCode.S, KeyCode.D, KeyCode.F, KeyCode.J, KeyCode.K, KeyCode.L, KeyCode.SEMICOLON}[i % 8]);
        }
        waitFor(() -> noteOns().size() == 40, "40 notes");
        for (LoopbackMidi.Received r : noteOns()) {
            assertTrue(Scale.MAJOR.contains(r.data1(), 0), "every note in C major: " + r.data1());
        }
    }

    @Test
    void recordSaveAndTheFileReReadsWithTheSameNotes(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ready();
        robot.clickOn("#record");
        for (KeyCode k : new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT3, KeyCode.DIGIT5, KeyCode.DIGIT8}) {
            robot.type(k);
            robot.sleep(30);
        }
        waitFor(() -> noteOns().size() == 4, "4 notes");
        robot.clickOn("#record");
        Path mid = dir.resolve("take.mid");
        robot.interact(() -> view.saveTo(mid));
        waitFor(() -> Files.exists(mid) && Files.exists(dir.resolve("take.session.jsonl")), "saved with its session");
        Performance p = MidiFileReader.read(mid);
        assertEquals(noteOns().stream().map(LoopbackMidi.Received::data1).toList(), p.notes().stream().map(Note::pitch).toList());
        assertTrue(state.status.get().contains("Saved"), state.status.get());
    }

    @Test
    void aFailingModelLoadShowsAnErrorAndPlayGoesOnWithTheOldModel(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ready();
        String before = state.modelName.get();
        Files.writeString(dir.resolve("weights_manifest.json"), "[{\"paths\": [\"missing.bin\"], \"weights\": []}]");
        robot.interact(() -> controller.loadModel(dir, OUT));
        waitFor(() -> state.statusIsProblem.get() && state.status.get().contains("failed"), "the failure is shown");
        assertTrue(state.status.get().contains("missing.bin"), state.status.get());
        assertEquals(before, state.modelName.get(), "the old model is kept");
        robot.type(KeyCode.DIGIT4);
        waitFor(() -> noteOns().size() == 1, "play goes on");
    }

    @Test
    void aMidiKeyboardChosenInTheWindowPlaysAndTheOnScreenPedalHolds(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> {
            state.temperature.set(0); // greedy: button 0 from a fresh phrase is a low key, far below C4..C5
            @SuppressWarnings("unchecked")
            ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
            also.getItems().setAll("midi:" + LoopbackMidi.NAME);
            also.setValue("midi:" + LoopbackMidi.NAME);
        });
        waitFor(() -> state.status.get().startsWith("Playing from MIDI keyboard"), "the MIDI keyboard is connected");
        robot.clickOn("#sustain");
        LoopbackMidi.play(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 0, 60, 90)); // C4 = button 0
        waitFor(() -> noteOns().size() == 2, "the played key comes back out as a decoded note");
        // (the loopback is both the keyboard and the output: the keyboard's own C4 plus the decoded note)
        LoopbackMidi.play(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 0, 60, 0));
        robot.sleep(200);
        long offsBeforePedalUp = LoopbackMidi.received().stream().filter(r -> r.status() == 0x80 && r.data1() != 60).count();
        assertEquals(0, offsBeforePedalUp, "the pedal holds the decoded note");
        robot.clickOn("#sustain");
        waitFor(() -> LoopbackMidi.received().stream().anyMatch(r -> r.status() == 0x80 && r.data1() != 60), "pedal up releases it");
    }

    @Test
    void aControllerDisconnectShowsInTheStatus(FxRobot robot) throws Exception {
        ready();
        waitFor(() -> state.controllerConnected.get(), "the (scripted) gamepad is found at start");
        FakePadEnvironment.plug(false);
        waitFor(() -> !state.controllerConnected.get() && state.controllerStatus.get().contains("unplugged"),
                "the unplug shows");
        robot.type(KeyCode.DIGIT2);
        waitFor(() -> noteOns().size() == 1, "the keyboard still plays");
    }
}
