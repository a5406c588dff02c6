package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The exhibition mode on Monocle: full screen, nothing but the pads to reach, the idle reset, the demo, German. */
@ExtendWith(ApplicationExtension.class)
class KioskTest {
    static final Path DEMO = Path.of("..", "docs", "demo.session.jsonl");

    @TempDir
    static Path takes;

    Stage stage;
    AppState state;
    MainView view;
    Kiosk kiosk;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (kiosk != null) {
            WaitForAsyncUtils.asyncFx(kiosk::close).get();
        }
        if (state != null) {
            state.close();
        }
        FakePadEnvironment.plug(true);
    }

    void open(FxRobot robot, KioskSettings settings, String... args) throws Exception {
        robot.interact(() -> {
            Preferences prefs = Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
            state = new AppState(PlayCommand.setupFrom(args), prefs, takes);
            view = new MainView(state);
            kiosk = Kiosk.show(stage, view, settings);
            state.start();
        });
        waitFor(
                () -> state.modelReady().get()
                        && (state.outputStatus().get().contains("MIDI out")
                                || state.outputs().get().contains(dev.pianogenie.app.live.OutputSpec.NONE)),
                "model loaded, the output open");
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String[] args(String... more) {
        List<String> a = new java.util.ArrayList<>(
                List.of("--model", SharedData.tutorialModel().toString(), "--output", "midi:" + LoopbackMidi.NAME));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        assertTrue(condition.getAsBoolean(), what);
    }

    static List<Node> all(Node n) {
        return FirstMinuteTest.all(n);
    }

    static long noteOns() {
        return LoopbackMidi.received().stream()
                .filter(r -> r.status() == 0x90 && r.data2() > 0)
                .count();
    }

    @Test
    void fullScreenWithOnlyThePadsToPressAndNoDialogReachable(FxRobot robot) throws Exception {
        open(robot, new KioskSettings(Locale.ENGLISH, Duration.ofMinutes(5), Optional.empty(), "Ctrl+Alt+Q"), args());
        assertTrue(stage.isFullScreen(), "full screen");
        List<String> pressable = all(stage.getScene().getRoot()).stream()
                .filter(n -> n instanceof ButtonBase
                        || n instanceof javafx.scene.control.ComboBoxBase
                        || n instanceof javafx.scene.control.Slider
                        || n instanceof javafx.scene.control.TextInputControl)
                .map(Node::getId)
                .toList();
        assertEquals(
                List.of(
                        "genie-button-0",
                        "genie-button-1",
                        "genie-button-2",
                        "genie-button-3",
                        "genie-button-4",
                        "genie-button-5",
                        "genie-button-6",
                        "genie-button-7"),
                pressable,
                "nothing but the 8 pads can be pressed");
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL); // Save As… in the window
        robot.type(KeyCode.F5); // record
        robot.press(KeyCode.ALT).type(KeyCode.F4).release(KeyCode.ALT);
        robot.type(KeyCode.ESCAPE); // would leave full screen
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(300);
        assertEquals(1, Window.getWindows().size(), "no dialog opened: " + Window.getWindows());
        assertFalse(state.recording().get(), "F5 records nothing");
        assertTrue(stage.isShowing() && stage.isFullScreen(), "still the exhibit, full screen");
        assertTrue(
                view.pad.getHeight() > 0.3 * stage.getScene().getHeight(),
                "large pads: " + view.pad.getHeight() + " of "
                        + stage.getScene().getHeight());
        LoopbackMidi.clear();
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT8);
        waitFor(() -> noteOns() == 2, "the visitor's keys play");
        robot.sleep(3300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(javafx.scene.Cursor.NONE, stage.getScene().getCursor(), "the cursor hides without mouse movement");
        robot.moveBy(20, 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(javafx.scene.Cursor.DEFAULT, stage.getScene().getCursor(), "and comes back when the mouse moves");
        robot.press(KeyCode.CONTROL, KeyCode.ALT).type(KeyCode.Q).release(KeyCode.ALT, KeyCode.CONTROL);
        waitFor(() -> !stage.isShowing(), "the chosen combination quits");
    }

    @Test
    void theIdleResetRestoresTheExhibitsSettingsAndTheDemoStopsAtThePress(FxRobot robot) throws Exception {
        open(
                robot,
                new KioskSettings(Locale.ENGLISH, Duration.ofSeconds(2), Optional.of(DEMO), "Ctrl+Alt+Q"),
                args("--temperature", "0.3", "--dynamics", "mp"));
        int dynamics = state.dynamics().get();
        robot.type(KeyCode.UP, KeyCode.UP, KeyCode.RIGHT, KeyCode.RIGHT); // a visitor turns it up
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.4, state.temperature().get(), 1e-9);
        assertTrue(state.dynamics().get() > dynamics);
        waitFor(() -> kiosk.attractPlaying(), "after 2 s without playing: the reset, and the demo");
        assertEquals(0.3, state.temperature().get(), 1e-9, "the exhibit's temperature again");
        assertEquals(dynamics, state.dynamics().get(), "the exhibit's dynamics again");
        assertEquals(0.3, state.engineRoom().session().sampling().temperature(), 1e-9, "in the decoder too");
        assertTrue(robot.lookup("#attract-banner").queryAs(Labeled.class).isVisible(), "the demo's banner shows");
        LoopbackMidi.clear();
        waitFor(() -> noteOns() >= 3, "the demo plays");
        robot.type(KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(kiosk.attractPlaying(), "the first press stops the demo");
        assertFalse(robot.lookup("#attract-banner").queryAs(Labeled.class).isVisible());
        robot.sleep(200); // the visitor's note and the demo's last ones have gone out
        long after = noteOns();
        robot.sleep(1000);
        assertEquals(after, noteOns(), "nothing more from the demo while the visitor is there");
    }

    @Test
    void theDemoStartsEvenWhenTheIdleTimePassedWhileTheModelLoaded(FxRobot robot) throws Exception {
        open(robot, new KioskSettings(Locale.ENGLISH, Duration.ofMillis(100), Optional.of(DEMO), "Ctrl+Alt+Q"), args());
        waitFor(() -> kiosk.attractPlaying(), "the demo plays once the model is there");
    }

    @Test
    void aNoteFromAMidiKeyboardStopsTheDemoToo(FxRobot robot) throws Exception {
        // the loopback port plays back what it is sent: here it is the keyboard only, the genie plays to no output
        open(
                robot,
                new KioskSettings(Locale.ENGLISH, Duration.ofMillis(100), Optional.of(DEMO), "Ctrl+Alt+Q"),
                "--model",
                SharedData.tutorialModel().toString(),
                "--output",
                "none",
                "--controller",
                "midi:" + LoopbackMidi.NAME);
        waitFor(() -> kiosk.attractPlaying(), "the demo plays");
        robot.sleep(1500); // some of its notes: they do not stop it
        assertTrue(kiosk.attractPlaying(), "the demo's own notes are not a visitor");
        LoopbackMidi.play(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 0, 60, 90));
        waitFor(() -> !kiosk.attractPlaying(), "a visitor's key on the MIDI keyboard stops the demo");
    }

    @Test
    void aDemoThatChangesTheTemperatureLeavesTheExhibitsOwnToTheVisitor(FxRobot robot) throws Exception {
        Path demo = takes.resolve("hot.session.jsonl");
        java.util.List<String> lines =
                new java.util.ArrayList<>(List.of("{\"t_ns\": 0, \"kind\": \"sampling\", \"temperature\": 0.9}"));
        lines.addAll(java.nio.file.Files.readAllLines(DEMO));
        java.nio.file.Files.write(demo, lines);
        open(
                robot,
                new KioskSettings(Locale.ENGLISH, Duration.ofMillis(100), Optional.of(demo), "Ctrl+Alt+Q"),
                args("--temperature", "0.3"));
        waitFor(() -> kiosk.attractPlaying() && state.temperature().get() == 0.9, "the demo plays at its own 0.9");
        robot.type(KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(kiosk.attractPlaying());
        robot.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.3, state.temperature().get(), 1e-9, "the visitor plays at the exhibit's temperature");
        assertEquals(0.3, state.engineRoom().session().sampling().temperature(), 1e-9, "in the decoder too");
    }

    @Test
    void theVisitorsTextsAreInTheirLanguage(FxRobot robot) throws Exception {
        open(robot, new KioskSettings(Locale.GERMAN, Duration.ofMinutes(5), Optional.of(DEMO), "Ctrl+Alt+Q"), args());
        String hint = robot.lookup("#hint").queryAs(Labeled.class).getText();
        assertTrue(hint.startsWith("Drück die 8 großen Tasten"), hint);
        assertTrue(robot.lookup("#next-legend").queryAs(Labeled.class).getText().startsWith("Farbige Punkte"));
        assertTrue(robot.lookup("#heat-legend").queryAs(Labeled.class).getText().startsWith("Blaue Balken"));
        assertTrue(
                robot.lookup("#attract-banner").queryAs(Labeled.class).getText().startsWith("Vorführung"));
        assertEquals(Locale.GERMAN, Kiosk.bundle(Locale.GERMAN).getLocale());
        for (String key : Kiosk.bundle(Locale.ENGLISH).keySet()) {
            if (!key.equals("title")) {
                assertFalse(
                        Kiosk.bundle(Locale.GERMAN)
                                .getString(key)
                                .equals(Kiosk.bundle(Locale.ENGLISH).getString(key)),
                        "German has its own " + key);
            }
        }
        assertTrue(Kiosk.bundle(Locale.FRENCH).getString("hint").startsWith("Press"), "no French yet: English");
        assertNull(stage.getScene().getRoot().lookup("#record"), "the record bar is not there");
    }
}
