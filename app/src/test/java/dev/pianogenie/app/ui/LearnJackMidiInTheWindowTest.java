package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.app.input.midi.JackMidiKeyboardSource;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.jack.JackHost;
import dev.pianogenie.midi.jack.JackMidiInput;
import dev.pianogenie.midi.jack.JackMonitor;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Learn… with JACK's MIDI input as the window's extra controller, as with a {@code midi:} keyboard: a click learns 8
 * keys, Shift-click the range; the mapping plays at once and is saved under the JACK input's own name, and the input
 * chosen again starts with it. Keys come from a second JACK client (as a keyboard routed through JACK would) into
 * {@code piano-genie:midi_in}; the genie plays into the loopback MIDI port. Needs a JACK server (CI starts a dummy
 * one); skipped, visibly, when none answers.
 */
@ExtendWith(ApplicationExtension.class)
class LearnJackMidiInTheWindowTest {
    static final String IN = JackHost.CLIENT_NAME + ":" + JackMidiInput.PORT;

    @TempDir
    static Path dir;

    Stage stage;
    AppState state;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // the learnt mappings go here, a folder per test
        System.setProperty(
                "pianogenie.config", dir.resolve("config" + System.nanoTime()).toString());
        Preferences prefs = Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
        state = new AppState(
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", MainViewTest.OUT),
                prefs,
                dir);
        MainView.show(stage, new MainView(state));
        state.start();
    }

    @BeforeEach
    void server() {
        assumeTrue(JackHost.probe().isPresent(), "JACK tests skipped: " + JackHost.NO_SERVER);
    }

    @AfterEach
    void stop() {
        state.close();
        System.clearProperty("pianogenie.config");
        FakePadEnvironment.plug(true);
    }

    /** Chooses JACK's MIDI input in the window and routes the monitor's MIDI output into it. */
    private void chooseJackMidi(FxRobot robot, JackMonitor keyboard) throws Exception {
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
            also.getItems().setAll("none", "jack-midi");
            also.setValue("jack-midi");
        });
        LearnZonesInTheWindowTest.waitFor(
                () -> state.message().get().text().equals("Playing from JACK MIDI in " + IN),
                "JACK's MIDI input is the extra controller: " + state.message().get());
        long until = System.nanoTime() + 2_000_000_000L; // PipeWire's libjack sees a new port a moment later
        while (true) {
            try {
                keyboard.connect(keyboard.midiOutPort(), IN);
                return;
            } catch (MidiDeviceException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    private static void strike(JackMonitor keyboard, int pitch) {
        keyboard.send(Midi.NOTE_ON, pitch, 90);
        LockSupport.parkNanos(30_000_000L);
        keyboard.send(Midi.NOTE_OFF, pitch, 0);
        LockSupport.parkNanos(30_000_000L);
    }

    @Test
    void learnLearnsEightKeysOfTheJackInputAndSavesThemUnderItsName(FxRobot robot) throws Exception {
        try (JackMonitor keyboard = new JackMonitor(4096)) {
            keyboard.recordAudio(false);
            LearnZonesInTheWindowTest.waitFor(() -> state.modelReady().get(), "model loaded");
            chooseJackMidi(robot, keyboard);
            LearnZonesInTheWindowTest.waitFor(
                    () -> state.controllerStatus().get().contains("every key, C3..C5 in 8 zones"),
                    "nothing learnt: every key of C3..C5 — "
                            + state.controllerStatus().get());
            robot.clickOn("#learn");
            WaitForAsyncUtils.waitForFxEvents();
            LearnZonesInTheWindowTest.waitFor(
                    () -> state.message()
                            .get()
                            .text()
                            .equals("Learning: play the 8 keys you want as buttons, lowest first"),
                    "it asks for the JACK input's 8 keys: " + state.message().get());
            int[] keys = {48, 49, 50, 51, 52, 53, 54, 55}; // C3..G3, chromatic
            String learnt = MidiKeyMapping.learnt(keys).toString();
            for (int i = 0; i < keys.length; i++) {
                strike(keyboard, keys[i]);
                if (i == 2) {
                    LearnZonesInTheWindowTest.waitFor(
                            () -> state.message().get().text().equals("Learning: 3 of 8 keys"),
                            "counts the keys: " + state.message().get());
                }
            }
            LearnZonesInTheWindowTest.waitFor(
                    () -> state.message().get().text().equals("Learnt: " + learnt),
                    "learnt and said: " + state.message().get());
            Optional<MidiKeyMapping> saved = MidiKeyMapping.saved(JackMidiKeyboardSource.MAPPING_NAME);
            assertTrue(saved.isPresent(), "saved under " + JackMidiKeyboardSource.MAPPING_NAME);
            assertEquals(Arrays.toString(keys), Arrays.toString(saved.get().pitches()));

            // the learnt keys play at once: A#4 (a key the default zones would play) does nothing, C3 plays
            LoopbackMidi.clear();
            strike(keyboard, 70);
            LockSupport.parkNanos(300_000_000L);
            assertEquals(0, MainViewTest.noteOns().size(), "not a learnt key: " + MainViewTest.noteOns());
            strike(keyboard, 48);
            LearnZonesInTheWindowTest.waitFor(
                    () -> MainViewTest.noteOns().size() == 1, "a learnt key plays: " + MainViewTest.noteOns());

            // chosen again, the JACK input starts with what it learnt
            robot.interact(() -> {
                @SuppressWarnings("unchecked")
                ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
                also.setValue("none");
            });
            LearnZonesInTheWindowTest.waitFor(() -> !state.busy().get(), "the JACK input removed");
            chooseJackMidi(robot, keyboard);
            LearnZonesInTheWindowTest.waitFor(
                    () -> state.controllerStatus().get().contains("keys " + learnt + " (learnt)"),
                    "reloaded from its own file: " + state.controllerStatus().get());
        }
    }

    @Test
    void shiftClickLearnsTheJackInputsRange(FxRobot robot) throws Exception {
        try (JackMonitor keyboard = new JackMonitor(4096)) {
            keyboard.recordAudio(false);
            LearnZonesInTheWindowTest.waitFor(() -> state.modelReady().get(), "model loaded");
            chooseJackMidi(robot, keyboard);
            LearnZonesInTheWindowTest.shiftClickLearn(robot);
            LearnZonesInTheWindowTest.waitFor(
                    () -> state.message()
                            .get()
                            .text()
                            .equals("Learning: press the keyboard's lowest key, then its highest (every key will play,"
                                    + " folded into 8 zones)"),
                    "it asks for the lowest key: " + state.message().get());
            strike(keyboard, 36); // a 61-key keyboard
            strike(keyboard, 96);
            LearnZonesInTheWindowTest.waitFor(
                    () -> state.message().get().text().startsWith("Learnt: every key, C2..C7 in 8 zones"),
                    "learnt and said: " + state.message().get());
            Optional<MidiKeyMapping> saved = MidiKeyMapping.saved(JackMidiKeyboardSource.MAPPING_NAME);
            assertTrue(
                    saved.isPresent() && saved.get().isZones(), "saved under " + JackMidiKeyboardSource.MAPPING_NAME);
            assertEquals(36, saved.get().low());
            assertEquals(96, saved.get().high());
        }
    }
}
