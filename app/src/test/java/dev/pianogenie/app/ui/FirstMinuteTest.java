package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.model.Scale;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Text;
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
 * A new player's first minute, on Monocle: a first start with no gamepad and no sound card looks calm, settings
 * never come from another copy of the app, and every label and menu item fits a 1024×600 screen.
 */
@ExtendWith(ApplicationExtension.class)
class FirstMinuteTest {
    @TempDir
    static Path takes;

    Stage stage;
    AppState state;
    MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (state != null) {
            state.close();
        }
        FakePadEnvironment.plug(true);
    }

    static Preferences freshPrefs() {
        return Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
    }

    void open(FxRobot robot, LiveSetup setup, Preferences prefs, double w, double h) {
        show(robot, setup, prefs, w, h);
        robot.interact(state::start);
    }

    void show(FxRobot robot, LiveSetup setup, Preferences prefs, double w, double h) {
        robot.interact(() -> {
            state = new AppState(setup, prefs, takes);
            view = new MainView(state);
            MainView.show(stage, view);
            stage.setWidth(w);
            stage.setHeight(h);
        });
    }

    List<String> redTexts() {
        List<String> red = new ArrayList<>();
        for (Node n : all(stage.getScene().getRoot())) {
            if (n instanceof Text t
                    && t.isVisible()
                    && !t.getText().isBlank()
                    && t.getFill() instanceof Color c
                    && red(c)) {
                red.add(t.getText());
            }
            if (n instanceof Circle dot
                    && dot.getStyleClass().contains("status-light")
                    && dot.getFill() instanceof Color c
                    && red(c)) {
                red.add("the status light " + c);
            }
        }
        return red;
    }

    static boolean soundCard() {
        return javax.sound.sampled.AudioSystem.getSourceLineInfo(
                                new javax.sound.sampled.Line.Info(javax.sound.sampled.SourceDataLine.class))
                        .length
                > 0;
    }

    /** Reddish: the colour of an error (hue near 0, saturated). */
    static boolean red(Color c) {
        double hue = c.getHue();
        return c.getSaturation() > 0.35 && c.getBrightness() > 0.3 && (hue < 20 || hue > 340);
    }

    static List<Node> all(Node n) {
        List<Node> out = new ArrayList<>();
        out.add(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(all(c));
            }
        }
        return out;
    }

    @Test
    void aFirstStartWithNoGamepadAndNoSoundCardShowsNoErrorColourAndSaysItOnce(FxRobot robot) throws Exception {
        // the player chose nothing: the built-in synth by default, which cannot play without a sound card
        show(robot, PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString()), freshPrefs(), 1024, 600);
        // No gamepad plugged in: the news the gamepad source sends when it finds none at start (the scripted pad of
        // these tests is found once per test JVM and cannot be hidden from JInput's cached enumeration)
        state.events().connection("gamepad", false, "no gamepad yet: plug one in (the keyboard plays)");
        robot.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(state.controllerConnected().get());
        assertFalse(state.message().get().problem(), state.message().get().text());
        assertEquals(List.of(), redTexts(), "no gamepad yet is no error");
        robot.interact(state::start);
        MainViewTest.waitFor(
                () -> state.modelReady().get()
                        && !state.busy().get()
                        && !state.outputStatus().get().isEmpty(),
                "started");
        robot.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(
                state.message().get().problem(),
                "the status line is no problem: " + state.message().get().text());
        assertTrue(
                state.message().get().text().startsWith("Ready"),
                state.message().get().text());
        assertEquals(List.of(), redTexts(), "nothing in an error colour at a first start");
        if (!soundCard()) {
            assertTrue(
                    state.outputStatus().get().contains("no sound card"),
                    "said once, beside Output: " + state.outputStatus().get());
            assertFalse(state.outputAlarm().get(), "in a calm colour: the player did not choose the synth");
            assertFalse(
                    state.message().get().text().contains("sound"),
                    "and not again below: " + state.message().get().text());
        }
        // messages of one and two lines, and the busy spinner, do not move the piano
        javafx.scene.Node piano = view.piano;
        double y = piano.localToScene(piano.getBoundsInLocal()).getMinY();
        double hPiano = piano.getBoundsInLocal().getHeight();
        robot.interact(() -> state.say(Message.info("Short.")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(y, piano.localToScene(piano.getBoundsInLocal()).getMinY(), 0.5, "a short message: no jump");
        assertEquals(hPiano, piano.getBoundsInLocal().getHeight(), 0.5);
        robot.interact(() ->
                state.say(Message.info("A longer message that takes two lines at this width: " + "la ".repeat(60))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(y, piano.localToScene(piano.getBoundsInLocal()).getMinY(), 0.5, "a two-line message: no jump");
        assertEquals(hPiano, piano.getBoundsInLocal().getHeight(), 0.5, "a two-line message: no jump");
        robot.interact(() -> state.chooseOutput(OutputSpec.NONE)); // the player chooses none
        MainViewTest.waitFor(
                () -> !state.busy().get() && state.outputs().get().equals(List.of(OutputSpec.NONE)), "none");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(
                state.message().get().text().startsWith("Opening"),
                "none opened, and the status line says so: "
                        + state.message().get().text());
        assertTrue(
                state.message().get().text().contains("silent"),
                state.message().get().text());
        assertEquals(y, piano.localToScene(piano.getBoundsInLocal()).getMinY(), 0.5, "no jump as the output changes");
    }

    @Test
    void settingsOfAnotherCopysModelFolderAreNotLoadedAndAGoneFolderIsSaid(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path ours = dir.resolve("ours");
        Path other = dir.resolve("other-checkout");
        copyModel(ours.resolve("assets/model"));
        copyModel(other.resolve("assets/model"));
        Path mine = dir.resolve("my-models/fine-tuned");
        copyModel(mine);
        String was = System.getProperty("genie.home");
        System.setProperty("genie.home", ours.toString());
        try {
            LiveSetup setup = PlayCommand.setupFrom("--output", "none");
            // an older version remembered the other checkout's shipped model by its path, and its settings beside it
            Preferences prefs = freshPrefs();
            prefs.put("model", other.resolve("assets/model").toString());
            prefs.putDouble("temperature", 0.9);
            prefs.put("scale", Scale.BLUES.name());
            AppState a = new AppState(setup, prefs, takes);
            assertEquals(
                    ours.resolve("assets/model").toAbsolutePath(),
                    a.initialModel().toAbsolutePath(),
                    "this copy plays its own shipped model, never the other's");
            assertEquals(0.25, a.temperature().get(), 1e-9, "nor takes the temperature remembered beside it");
            assertEquals(Scale.CHROMATIC, a.keys().get().scale().scale(), "nor its scale");
            a.close();
            // a folder of the player's own, with its settings: remembered by path, its settings come with it
            prefs.put("model", mine.toString());
            prefs.node("models")
                    .node(RememberedModel.keyOf(mine, ours.resolve("assets/model")))
                    .putDouble("temperature", 0.6);
            AppState b = new AppState(setup, prefs, takes);
            assertEquals(mine.toAbsolutePath(), b.initialModel().toAbsolutePath());
            assertEquals(0.6, b.temperature().get(), 1e-9, "the model's own temperature");
            b.close();
            // the shipped model is remembered as "the shipped model", not by this copy's path
            RememberedModel.remember(prefs, ours.resolve("assets/model"), ours.resolve("assets/model"));
            assertEquals(RememberedModel.SHIPPED, prefs.get("model", ""));
            // a remembered folder that is gone: the shipped model, and the window says so
            prefs.put("model", dir.resolve("deleted/model").toString());
            open(robot, setup, prefs, 1024, 600);
            MainViewTest.waitFor(() -> state.modelReady().get() && !state.busy().get(), "started");
            WaitForAsyncUtils.waitForFxEvents();
            String said = state.message().get().text();
            assertTrue(said.contains("is gone") && said.contains("deleted"), said);
            assertEquals(
                    ours.resolve("assets/model").toAbsolutePath(),
                    state.initialModel().toAbsolutePath());
        } finally {
            if (was == null) {
                System.clearProperty("genie.home");
            } else {
                System.setProperty("genie.home", was);
            }
        }
    }

    static void copyModel(Path to) throws Exception {
        Files.createDirectories(to);
        try (var s = Files.list(SharedData.tutorialModel())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /**
     * Every label, button and menu item shown: its text whole (or wrapped), never cut to "…" — except a long name
     * or path that gives way on a small screen (style class "shrinks") with its whole text in its tooltip.
     */
    static List<String> cut(Node root) {
        List<String> cut = new ArrayList<>();
        for (Node n : all(root)) {
            if (n instanceof Labeled l
                    && l.getStyleClass().contains("shrinks")
                    && l.getTooltip() != null
                    && l.getTooltip().getText() != null
                    && l.getTooltip().getText().contains(l.getText())) {
                continue;
            }
            if (n instanceof Labeled l
                    && l.isVisible()
                    && l.getText() != null
                    && !l.getText().isEmpty()) {
                for (Node c : all(l)) {
                    if (c instanceof Text t
                            && !t.getText()
                                    .replace("\n", " ")
                                    .replaceAll("\\s+", " ")
                                    .strip()
                                    .equals(l.getText()
                                            .replace("\n", " ")
                                            .replaceAll("\\s+", " ")
                                            .strip())) {
                        cut.add("'" + l.getText() + "' shown as '" + t.getText() + "'");
                    }
                }
            }
        }
        return cut;
    }

    @Test
    void everyLabelAndMenuItemFitsAt1024x600(FxRobot robot) throws Exception {
        open(
                robot,
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none"),
                freshPrefs(),
                1024,
                600);
        MainViewTest.waitFor(() -> state.modelReady().get() && !state.busy().get(), "started");
        robot.type(javafx.scene.input.KeyCode.DIGIT3); // the latency figures appear
        robot.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1024, stage.getScene().getWidth(), 1);
        List<String> cut = new ArrayList<>(cut(stage.getScene().getRoot()));
        for (String id : List.of("#scale", "#root", "#controller", "#output")) {
            ComboBox<?> box = robot.lookup(id).queryAs(ComboBox.class);
            robot.interact(box::show);
            WaitForAsyncUtils.waitForFxEvents();
            robot.sleep(100);
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w != stage && w.isShowing() && w.getScene() != null) {
                    for (Node n : all(w.getScene().getRoot())) {
                        if (n instanceof ListCell<?> cell
                                && cell.getItem() != null
                                && !(cell.getItem() instanceof OutputSpec o
                                        && o.soundfont().isPresent())) {
                            cut.addAll(cut(cell).stream()
                                    .map(c -> id + " item " + c)
                                    .toList());
                        }
                    }
                }
            }
            robot.interact(box::hide);
            // the box itself with each of its items chosen
            for (int i = 0; i < box.getItems().size(); i++) {
                Object item = box.getItems().get(i);
                if (item instanceof OutputSpec o && o.soundfont().isPresent() || id.equals("#controller")) {
                    continue; // soundfont names: another change; the controller box shows a prompt
                }
                @SuppressWarnings("unchecked")
                ComboBox<Object> b = (ComboBox<Object>) box;
                Object was = b.getValue();
                robot.interact(
                        () -> { // measured in the same pulse: an output opening meanwhile may choose another item
                            b.setValue(item);
                            b.applyCss();
                            b.layout();
                            cut.addAll(cut(b).stream()
                                    .map(c -> id + " showing " + c)
                                    .toList());
                        });
                robot.interact(() -> b.setValue(was));
            }
        }
        MainViewTest.waitFor(() -> !state.busy().get(), "settled");
        assertEquals(List.of(), cut, "cut off at 1024×600");
        // the range is spelled in the chosen key too: E♭4 in C minor
        robot.interact(() -> state.setKeys(0, Scale.NATURAL_MINOR, 63, 84));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "E♭4",
                robot.lookup("#low")
                        .queryAs(javafx.scene.control.Spinner.class)
                        .getEditor()
                        .getText());
        // the roll has room: more than a strip
        assertTrue(view.roll.getHeight() >= 70, "the piano roll at 1024×600: " + view.roll.getHeight());
    }

    @Test
    void outputsChosenFasterThanTheyOpenOpenOnlyTheLast(FxRobot robot) throws Exception {
        open(
                robot,
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none"),
                freshPrefs(),
                1024,
                600);
        MainViewTest.waitFor(() -> state.modelReady().get() && !state.busy().get(), "started");
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> state.outputStatus().addListener((o, a, b) -> shown.add(b)));
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> {
            state.engineRoom().run("holding", hold::await); // the background is busy: the choices below wait behind it
            state.chooseOutput(OutputSpec.parse("midi:" + dev.pianogenie.testkit.LoopbackMidi.NAME));
            state.chooseOutput(OutputSpec.SYNTH);
            state.chooseOutput(OutputSpec.NONE);
        });
        hold.countDown();
        MainViewTest.waitFor(
                () -> !state.busy().get() && state.message().get().text().contains("silent"), "the last one opened");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                shown.stream()
                        .noneMatch(
                                t -> t.contains(dev.pianogenie.testkit.LoopbackMidi.NAME) || t.contains("sound card")),
                "the two passed over never opened: " + shown);
        assertEquals(List.of(OutputSpec.NONE), state.outputs().get());
    }

    @Test
    void aMicThatCannotOpenIsSaidInWordsAndTheMenuGoesBackToItsPrompt(FxRobot robot) throws Exception {
        boolean mic = javax.sound.sampled.AudioSystem.getTargetLineInfo(
                                new javax.sound.sampled.Line.Info(javax.sound.sampled.TargetDataLine.class))
                        .length
                > 0;
        org.junit.jupiter.api.Assumptions.assumeFalse(mic, "this machine has an audio input: the mic opens");
        open(
                robot,
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none"),
                freshPrefs(),
                1024,
                600);
        MainViewTest.waitFor(() -> state.modelReady().get() && !state.busy().get(), "started");
        @SuppressWarnings("unchecked")
        ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
        robot.interact(() -> {
            also.getItems().setAll("none", "mic");
            also.setValue("mic");
        });
        MainViewTest.waitFor(() -> !state.busy().get() && state.message().get().problem(), "the mic fails here");
        WaitForAsyncUtils.waitForFxEvents();
        String said = state.message().get().text();
        assertTrue(said.contains("no microphone here"), said);
        assertFalse(
                said.contains("TargetDataLine") || said.contains("PCM_SIGNED") || said.contains("Exception"),
                "no Java Sound text: " + said);
        assertEquals(null, also.getValue(), "the menu does not keep saying mic");
    }

    @Test
    void browseListsTheFolderInsideTheDialogOnASmallScreenAndASecondExportWavDoesNotOverwriteTheFirst(FxRobot robot)
            throws Exception {
        assertFalse(PathDialog.systemChooserFits(1024, 600), "the GTK chooser (1096×822) does not fit 1024×600");
        assertTrue(PathDialog.systemChooserFits(1920, 1080));
        open(
                robot,
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none"),
                freshPrefs(),
                1024,
                600);
        MainViewTest.waitFor(() -> state.modelReady().get() && !state.busy().get(), "started");
        robot.type(javafx.scene.input.KeyCode.F5);
        MainViewTest.waitFor(() -> state.recording().get() && !state.busy().get(), "recording");
        for (javafx.scene.input.KeyCode k :
                List.of(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.D)) {
            robot.type(k);
            robot.sleep(30);
        }
        robot.type(javafx.scene.input.KeyCode.F5);
        MainViewTest.waitFor(
                () -> state.lastTake().get().isPresent() && !state.busy().get(), "a take");
        Path mid = state.lastTake().get().get();
        robot.clickOn("#export-wav");
        Path wav = mid.resolveSibling(mid.getFileName().toString().replace(".mid", ".wav"));
        MainViewTest.waitFor(() -> Files.isRegularFile(wav) && !state.busy().get(), "the first export");
        long first = Files.getLastModifiedTime(wav).toMillis();
        robot.clickOn("#export-wav");
        Path second = mid.resolveSibling(mid.getFileName().toString().replace(".mid", "-2.wav"));
        MainViewTest.waitFor(() -> Files.isRegularFile(second) && !state.busy().get(), "the second export beside it");
        assertEquals(first, Files.getLastModifiedTime(wav).toMillis(), "the first is left as it was");
        assertTrue(
                state.message().get().text().contains(second.toString()),
                "says the file: " + state.message().get().text());
        // Save as… on this small screen: Browse… lists the folder inside the dialog, which stays on the screen
        robot.clickOn("#save-as");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene().lookup("#path-field") != null)
                .findFirst()
                .orElseThrow();
        robot.interact(() -> ((javafx.scene.control.Button) dialog.getScene().lookup("#browse")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> list =
                (javafx.scene.control.ListView<?>) dialog.getScene().lookup("#browse-list");
        assertTrue(list.isVisible(), "the folder's entries, inside the dialog");
        assertTrue(
                list.getItems().stream()
                        .anyMatch(p -> p.toString().endsWith(mid.getFileName().toString())),
                "the take is listed: " + list.getItems());
        assertTrue(
                dialog.getWidth() <= 1024 && dialog.getHeight() <= 600,
                "fits: " + dialog.getWidth() + "×" + dialog.getHeight());
        robot.interact(dialog::hide);
    }
}
