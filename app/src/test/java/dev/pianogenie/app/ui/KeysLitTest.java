package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.model.Keys;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.prefs.Preferences;
import javafx.scene.input.KeyCode;
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
 * What is lit is what sounds: the window's keyboard and roll against the notes that really went out of the loopback
 * MIDI port, through re-strikes under the pedal, two buttons held on at once, pedal up and Esc (all notes off).
 */
@ExtendWith(ApplicationExtension.class)
class KeysLitTest {
    static final KeyCode[] PADS = {
        KeyCode.A, KeyCode.S, KeyCode.D, KeyCode.F, KeyCode.J, KeyCode.K, KeyCode.L, KeyCode.SEMICOLON
    };

    @TempDir
    static Path takes;

    Stage stage;
    MainView view;
    AppState state;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        var setup = PlayCommand.setupFrom(
                "--model", SharedData.tutorialModel().toString(), "--output", MainViewTest.OUT, "--temperature", "0");
        state = new AppState(setup, Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime()), takes);
        view = new MainView(state);
        MainView.show(stage, view);
        state.start();
    }

    @AfterEach
    void stop() {
        state.close();
    }

    /**
     * The keys sounding at the MIDI port now (0..87), and the re-strikes: note-offs while the pedal is down (the
     * performer defers a released note under the pedal, so a note-off then only ends a key struck again).
     */
    record Port(Set<Integer> sounding, int restrikes) {
        static Port now() {
            Set<Integer> on = new TreeSet<>();
            int restrikes = 0;
            boolean pedal = false;
            for (LoopbackMidi.Received r : LoopbackMidi.received()) {
                int key = r.data1() - Keys.LOWEST_PITCH;
                if (r.status() == 0x90 && r.data2() > 0) {
                    on.add(key);
                } else if (r.status() == 0x80 || r.status() == 0x90) {
                    on.remove(key);
                    restrikes += pedal ? 1 : 0;
                } else if (r.status() == 0xB0 && r.data1() == 64) {
                    pedal = r.data2() >= 64;
                } else if (r.status() == 0xB0 && (r.data1() == 123 || r.data1() == 120)) {
                    on.clear();
                }
            }
            return new Port(on, restrikes);
        }
    }

    Set<Integer> lit() {
        Set<Integer> lit = new TreeSet<>();
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (view.piano.isSounding(k)) {
                lit.add(k);
            }
        }
        return lit;
    }

    Set<Integer> drawnSounding() {
        Set<Integer> open = new TreeSet<>();
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (view.roll.isOpen(k)) {
                open.add(k);
            }
        }
        return open;
    }

    /** Waits until the window shows what the port says sounds (the keys lit and the notes the roll still draws). */
    void litIsWhatSounds(String when) throws Exception {
        state.engineRoom().session().performer().drain(5000);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            MainViewTest.waitFor(
                    () -> lit().equals(Port.now().sounding())
                            && drawnSounding().equals(Port.now().sounding()),
                    when);
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(Port.now().sounding(), lit(), when + ": the keys lit");
            assertEquals(Port.now().sounding(), drawnSounding(), when + ": the notes the roll draws on");
        }
    }

    @Test
    void reStrikesUnderThePedalTwoButtonsOnOneKeyPedalUpAndEscLeaveNothingLitThatDoesNotSound(FxRobot robot)
            throws Exception {
        MainViewTest.waitFor(
                () -> state.modelReady().get() && state.outputStatus().get().contains("MIDI out"), "ready");
        WaitForAsyncUtils.waitForFxEvents();
        LoopbackMidi.clear();
        robot.press(KeyCode.SPACE); // the pedal down
        for (int i = 0; i < 40; i++) { // two neighbouring buttons at temperature 0: the same keys again and again
            robot.type(PADS[3 + i % 2]);
        }
        robot.press(PADS[2]).press(PADS[5]); // two buttons held at once, and another key struck over them
        robot.type(PADS[2 + 1]);
        litIsWhatSounds("under the pedal");
        assertTrue(
                Port.now().restrikes() > 0,
                "the run re-struck keys under the pedal: "
                        + LoopbackMidi.received().size());
        assertTrue(!lit().isEmpty(), "the pedal holds notes");
        robot.release(PADS[2]).release(PADS[5]);
        robot.release(KeyCode.SPACE); // pedal up: only what a button holds sounds on; none is held
        litIsWhatSounds("after the pedal came up");
        assertEquals(Set.of(), lit(), "nothing lit once the pedal is up and every button released");

        robot.press(KeyCode.SPACE);
        for (int i = 0; i < 12; i++) {
            robot.type(PADS[i % 3]);
        }
        robot.press(PADS[6]);
        robot.press(PADS[6 + 1]);
        litIsWhatSounds("under the pedal again, two buttons held");
        assertTrue(!lit().isEmpty());
        robot.type(KeyCode.ESCAPE); // all notes off, with the pedal and two buttons still down
        litIsWhatSounds("after Esc");
        assertEquals(Set.of(), lit(), "Esc leaves nothing lit");
        assertEquals(Set.of(), drawnSounding(), "and the roll stops drawing every note");
        robot.release(PADS[6]).release(PADS[6 + 1]).release(KeyCode.SPACE);
        litIsWhatSounds("after letting go");
        assertEquals(Set.of(), lit());
    }
}
