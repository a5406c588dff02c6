package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
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
import org.junit.jupiter.api.io.TempDir;
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

    @TempDir
    static Path takes;

    Stage stage;
    MainView view;
    AppState state;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        open(PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", OUT));
    }

    /** The window on a setup, as {@code ./genie play ARGS} opens it (fresh preferences: nothing remembered). */
    void open(LiveSetup setup) {
        Preferences prefs = Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
        state = new AppState(setup, prefs, takes);
        view = new MainView(state);
        MainView.show(stage, view);
        state.start();
    }

    @AfterEach
    void stop() {
        state.close();
        FakePadEnvironment.plug(true);
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

    void ready() throws Exception {
        waitFor(
                () -> state.modelReady().get() && state.outputStatus().get().contains("MIDI out"),
                "model loaded and MIDI out open");
        WaitForAsyncUtils.waitForFxEvents();
        LoopbackMidi.clear();
    }

    void type(FxRobot robot, KeyCode... keys) {
        for (KeyCode k : keys) {
            robot.type(k);
            robot.sleep(20);
        }
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
        type(
                robot,
                KeyCode.DIGIT1,
                KeyCode.DIGIT2,
                KeyCode.DIGIT3,
                KeyCode.DIGIT4,
                KeyCode.DIGIT5,
                KeyCode.DIGIT6,
                KeyCode.DIGIT7,
                KeyCode.DIGIT8);
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
        robot.sleep(50); // the performer takes the new sampling before the next press
        assertEquals(0.0, state.engineRoom().session().sampling().temperature());
        for (int i = 0; i < 40; i++) {
            robot.type(new KeyCode[] {
                        KeyCode.A, KeyCode.S, KeyCode.D, KeyCode.F, KeyCode.J, KeyCode.K, KeyCode.L, KeyCode.SEMICOLON
                    }
                    [i % 8]);
        }
        waitFor(() -> noteOns().size() == 40, "40 notes");
        for (LoopbackMidi.Received r : noteOns()) {
            assertTrue(Scale.MAJOR.contains(r.data1(), 0), "every note in C major: " + r.data1());
        }
    }

    @Test
    void eachPadIsLabelledWithTheNoteItPlaysNextAndFollowsTemperatureAndScale(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> state.setTemperature(0)); // greedy: the look-ahead is exactly what a press gives
        // presses at a steady pace (stamped in the past): the look-ahead assumes the last interval again
        long step = 180_000_000L;
        long t = System.nanoTime() - 30_000_000_000L;
        int[] buttons = {3, 5, 2, /* each pad once: */ 6, 0, 7, 2, 4, 1, 5, 3};
        for (int i = 0; i < buttons.length; i++) {
            int b = buttons[i];
            int before = i;
            waitFor(
                    () -> view.notesShown() == before && view.lookaheadIsCurrent(),
                    "the look-ahead after press " + before);
            String label = view.pad.nextNote(b);
            int marked = view.piano.marked(b);
            state.input().onEvent(dev.pianogenie.app.input.ButtonEvent.press(b, t + i * step));
            state.input().onEvent(dev.pianogenie.app.input.ButtonEvent.release(b, t + i * step + step / 2));
            waitFor(() -> noteOns().size() == before + 1, "press " + i + " plays");
            int pitch = noteOns().get(i).data1();
            if (i >= 3) {
                assertEquals(
                        NoteSpelling.name(pitch, state.keys().get().scale()),
                        label,
                        "pad " + (b + 1) + " said what it plays (press " + i + ")");
                assertEquals(pitch - 21, marked, "its dot marks that key");
                assertTrue(!view.pad.oddsShown(b), "no odds at temperature 0: the label is certain");
            }
        }
        robot.interact(
                () -> state.setKeys(2, Scale.DORIAN, 50, 74)); // D dorian, D3-D5: the labels follow, no press needed
        waitFor(
                () -> java.util.stream.IntStream.range(0, 8).allMatch(b -> {
                    int p = dev.pianogenie.model.Keys.parsePitch(view.pad.nextNote(b));
                    return Scale.DORIAN.contains(p, 2) && p >= 50 && p <= 74 && view.piano.marked(b) == p - 21;
                }),
                "every pad's next note in the new key list, marked on the keys");
        robot.interact(() -> state.setTemperature(0.6));
        waitFor(() -> view.pad.oddsShown(0) && view.pad.odds(0).endsWith("%"), "under sampling the odds show");
    }

    @Test
    void recordStopsAndEachTakeHoldsExactlyTheNotesBetweenStartAndStop(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#record");
        type(robot, KeyCode.DIGIT1, KeyCode.DIGIT3, KeyCode.DIGIT5);
        waitFor(() -> noteOns().size() == 3, "3 notes");
        List<Integer> first =
                noteOns().stream().map(LoopbackMidi.Received::data1).toList();
        robot.type(KeyCode.F5); // stop
        waitFor(
                () -> state.lastTake().get().isPresent() && !state.busy().get(),
                "the first take is saved when it stops");
        Path take1 = state.lastTake().get().get();
        type(robot, KeyCode.DIGIT8, KeyCode.DIGIT7); // not recorded
        waitFor(() -> noteOns().size() == 5, "5 notes");
        robot.clickOn("#record");
        waitFor(() -> state.recording().get() && !state.busy().get(), "the second take started");
        type(robot, KeyCode.DIGIT2, KeyCode.DIGIT4, KeyCode.DIGIT6, KeyCode.DIGIT8);
        waitFor(() -> noteOns().size() == 9, "9 notes");
        List<Integer> second = noteOns().subList(5, 9).stream()
                .map(LoopbackMidi.Received::data1)
                .toList();
        robot.clickOn("#record");
        waitFor(
                () -> !state.lastTake().get().get().equals(take1)
                        && !state.busy().get(),
                "the second take is saved");
        Path take2 = state.lastTake().get().get();
        type(robot, KeyCode.DIGIT1); // after the stop: in no take
        waitFor(() -> noteOns().size() == 10, "10 notes");

        assertEquals(
                first,
                MidiFileReader.read(take1).notes().stream().map(Note::pitch).toList(),
                "take 1: exactly its notes");
        assertEquals(
                second,
                MidiFileReader.read(take2).notes().stream().map(Note::pitch).toList(),
                "take 2: exactly its notes");
        List<String> session = Files.readAllLines(SessionFile.besideMidi(take2));
        assertTrue(
                session.get(0).contains("\"seed\"")
                        && session.get(0).contains("\"temperature\"")
                        && session.get(0).contains("\"model_id\""),
                "the session says what reproduces the take: " + session.get(0));
        assertEquals(4, session.stream().filter(l -> l.contains("\"press\"")).count(), "and holds exactly its presses");
        assertTrue(
                view.messageBar.text().contains(take2.toString()),
                "the message names the file: " + view.messageBar.text());
        assertEquals(take2, view.messageBar.file(), "whose path can be copied or opened");
    }

    @Test
    void aTakeWhoseTemperatureAndKeysChangedMidwayReplaysToTheSameNotes(FxRobot robot) throws Exception {
        ready();
        robot.type(KeyCode.F5);
        waitFor(() -> state.recording().get() && !state.busy().get(), "recording");
        type(robot, KeyCode.DIGIT1, KeyCode.DIGIT4, KeyCode.DIGIT2, KeyCode.DIGIT7, KeyCode.DIGIT5, KeyCode.DIGIT8);
        waitFor(() -> noteOns().size() == 6, "6 notes");
        type(robot, KeyCode.UP, KeyCode.UP); // T 0.25 → 0.35 with ↑, as a player does
        robot.interact(() -> state.setKeys(7, Scale.MAJOR_PENTATONIC, 55, 79)); // G major pentatonic, G3–G5
        type(
                robot,
                KeyCode.DIGIT3,
                KeyCode.DIGIT6,
                KeyCode.DIGIT1,
                KeyCode.DIGIT8,
                KeyCode.DIGIT2,
                KeyCode.DIGIT5,
                KeyCode.DIGIT4,
                KeyCode.DIGIT7);
        waitFor(() -> noteOns().size() == 14, "14 notes");
        type(robot, KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN, KeyCode.DOWN); // → T 0.10
        type(robot, KeyCode.DIGIT8, KeyCode.DIGIT2, KeyCode.DIGIT6, KeyCode.DIGIT3, KeyCode.DIGIT1, KeyCode.DIGIT7);
        waitFor(() -> noteOns().size() == 20, "20 notes");
        robot.type(KeyCode.F5);
        waitFor(() -> state.lastTake().get().isPresent() && !state.busy().get(), "the take is saved");
        List<Integer> played =
                noteOns().stream().map(LoopbackMidi.Received::data1).toList();
        for (int pitch : played.subList(6, 20)) {
            assertTrue(
                    Scale.MAJOR_PENTATONIC.contains(pitch, 7) && pitch >= 55 && pitch <= 79,
                    "the change took effect: " + played);
        }
        assertEquals(0.10, state.temperature().get(), 1e-9);
        Path session = SessionFile.besideMidi(state.lastTake().get().get());
        assertEquals(
                8,
                Files.readAllLines(session).stream()
                        .filter(l -> l.contains("\"sampling\""))
                        .count(),
                "each change is in the session where it fell");

        LoopbackMidi.clear();
        assertEquals(
                0,
                dev.pianogenie.app.cli.GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--model",
                                SharedData.tutorialModel().toString(),
                                "--output",
                                OUT,
                                "--controller",
                                "replay:" + session + "@fast"));
        assertEquals(
                played,
                noteOns().stream().map(LoopbackMidi.Received::data1).toList(),
                "the replay changes the settings at the same points: the same notes");
    }

    @Test
    void theDynamicsKeysSliderAndAFixedVelocityAreHeardRecordedAndReplayed(FxRobot robot) throws Exception {
        ready();
        robot.type(KeyCode.F5);
        waitFor(() -> state.recording().get() && !state.busy().get(), "recording");
        Slider dynamics = robot.lookup("#dynamics").queryAs(Slider.class);
        javafx.scene.control.Label mark = robot.lookup("#dynamics-value").query();
        assertEquals(80, dynamics.getValue(), "mf to begin with");
        type(robot, KeyCode.DIGIT1);
        type(robot, KeyCode.LEFT, KeyCode.LEFT); // mf → mp → p, as a player does
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(48, dynamics.getValue());
        assertEquals("p", mark.getText());
        type(robot, KeyCode.DIGIT2);
        type(
                robot,
                KeyCode.RIGHT,
                KeyCode.RIGHT,
                KeyCode.RIGHT,
                KeyCode.RIGHT,
                KeyCode.RIGHT); // up to ff, and no further
        type(robot, KeyCode.DIGIT3);
        robot.interact(() -> dynamics.setValue(60)); // the slider: any level
        type(robot, KeyCode.DIGIT4);
        robot.clickOn("#velocity-fixed");
        robot.interact(() -> robot.lookup("#velocity").queryAs(Slider.class).setValue(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dynamics.isDisabled(), "while the velocity is fixed the dynamics slider is not used");
        type(robot, KeyCode.DIGIT5);
        robot.clickOn("#velocity-fixed");
        type(robot, KeyCode.DIGIT6);
        waitFor(() -> noteOns().size() == 6, "6 notes");
        // the tutorial model has no velocity output: 80 scaled by the dynamics, i.e. the level itself
        List<Integer> velocities =
                noteOns().stream().map(LoopbackMidi.Received::data2).toList();
        assertEquals(List.of(80, 48, 112, 60, 100, 60), velocities);
        robot.type(KeyCode.F5);
        waitFor(() -> state.lastTake().get().isPresent() && !state.busy().get(), "the take is saved");
        Path session = SessionFile.besideMidi(state.lastTake().get().get());
        assertTrue(
                Files.readAllLines(session).stream()
                                .filter(l -> l.contains("\"kind\": \"dynamics\""))
                                .count()
                        >= 3,
                "each change of dynamics is in the session");

        LoopbackMidi.clear();
        assertEquals(
                0,
                dev.pianogenie.app.cli.GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--model",
                                SharedData.tutorialModel().toString(),
                                "--output",
                                OUT,
                                "--controller",
                                "replay:" + session + "@fast"));
        assertEquals(
                velocities, noteOns().stream().map(LoopbackMidi.Received::data2).toList(), "replayed note for note");
    }

    @Test
    void outputOffersNoneMidiAndSynthAndWorksWithNoAudioDevice(FxRobot robot) throws Exception {
        ready();
        @SuppressWarnings("unchecked")
        ComboBox<dev.pianogenie.app.live.OutputSpec> output =
                robot.lookup("#output").queryAs(ComboBox.class);
        robot.interact(output::show);
        List<String> offered = output.getItems().stream().map(Object::toString).toList();
        robot.interact(output::hide);
        assertTrue(offered.containsAll(List.of("none", "synth", OUT)), "every output the command line has: " + offered);
        boolean soundCard = javax.sound.sampled.AudioSystem.getSourceLineInfo(
                                new javax.sound.sampled.Line.Info(javax.sound.sampled.SourceDataLine.class))
                        .length
                > 0;
        if (!soundCard) { // as on the build machines: the synth cannot play, and the window says what works
            robot.interact(() -> output.setValue(dev.pianogenie.app.live.OutputSpec.SYNTH));
            waitFor(() -> state.outputProblem().get() && !state.busy().get(), "the synth cannot open");
            String said = state.message().get().text();
            assertTrue(said.contains("MIDI output") && said.contains("none") && said.contains("Export WAV"), said);
        }
        robot.interact(() -> output.setValue(dev.pianogenie.app.live.OutputSpec.NONE));
        waitFor(
                () -> state.outputs().get().equals(List.of(dev.pianogenie.app.live.OutputSpec.NONE))
                        && !state.outputProblem().get()
                        && !state.busy().get(),
                "none opens");
        robot.type(KeyCode.F5);
        waitFor(() -> state.recording().get() && !state.busy().get(), "recording");
        type(robot, KeyCode.A, KeyCode.S, KeyCode.D);
        robot.type(KeyCode.F5);
        waitFor(() -> state.lastTake().get().isPresent() && !state.busy().get(), "saved");
        assertEquals(
                3, MidiFileReader.read(state.lastTake().get().get()).notes().size(), "silent, and recorded");
        assertTrue(noteOns().isEmpty(), "nothing went to the MIDI port");
        robot.clickOn("#export-wav");
        Path wav = state.lastTake()
                .get()
                .get()
                .resolveSibling(
                        state.lastTake().get().get().getFileName().toString().replace(".mid", ".wav"));
        waitFor(() -> Files.isRegularFile(wav) && !state.busy().get(), "Export WAV renders it without a sound card");
        assertTrue(Files.size(wav) > 44_100, "a WAV with sound: " + Files.size(wav));
        assertTrue(
                state.message().get().text().contains("normalised"),
                "says it is normalised: " + state.message().get().text());
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] pcm = in.readAllBytes(); // 16-bit little-endian
            int peak = 0;
            for (int i = 0; i + 1 < pcm.length; i += 2) {
                peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
            }
            double dbfs = 20 * Math.log10(peak / 32768.0);
            assertEquals(-1.0, dbfs, 0.2, "normalised like ./genie render: peak at -1 dBFS");
        }
    }

    @Test
    void theWindowPlaysAReplayedSessionWithTheSameKeysAsHeadless(FxRobot robot, @TempDir Path dir) throws Exception {
        ready();
        robot.interact(() -> state.close());
        Path session = dir.resolve("take" + SessionFile.EXTENSION);
        List<String> lines = new java.util.ArrayList<>();
        lines.add(
                "{\"genie_session\": 1, \"model\": \"x\", \"temperature\": 0.9, \"seed\": 11, \"scale\": \"D:dorian\", \"range\": \"C3-C6\"}");
        for (int i = 0; i < 24; i++) {
            lines.add("{\"t_ns\": " + i * 60_000_000L + ", \"kind\": \"press\", \"button\": " + (i * 5 % 8) + "}");
            lines.add("{\"t_ns\": " + (i * 60_000_000L + 40_000_000L) + ", \"kind\": \"release\", \"button\": "
                    + (i * 5 % 8) + "}");
        }
        Files.write(session, lines);
        for (String[] extra : new String[][] {{"--seed", "3", "--temperature", "0"}, {}}) {
            List<String> args = new java.util.ArrayList<>(List.of(
                    "--model",
                    SharedData.tutorialModel().toString(),
                    "--output",
                    OUT,
                    "--controller",
                    "replay:" + session + "@fast"));
            args.addAll(List.of(extra));
            LoopbackMidi.clear();
            List<String> headless = new java.util.ArrayList<>(List.of("play", "--headless"));
            headless.addAll(args);
            assertEquals(0, dev.pianogenie.app.cli.GenieCli.commandLine().execute(headless.toArray(String[]::new)));
            List<Integer> keysHeadless =
                    noteOns().stream().map(LoopbackMidi.Received::data1).toList();
            assertEquals(24, keysHeadless.size());

            LoopbackMidi.clear();
            LiveSetup setup = PlayCommand.setupFrom(args.toArray(String[]::new)).followingReplay(s -> {});
            robot.interact(() -> open(setup));
            waitFor(() -> noteOns().size() == 24, "the window replays the session");
            List<Integer> keysWindow =
                    noteOns().stream().map(LoopbackMidi.Received::data1).toList();
            assertEquals(keysHeadless, keysWindow, "the window plays the same keys as headless " + args);
            double t = extra.length > 0 ? 0 : 0.9;
            assertEquals(
                    t,
                    state.engineRoom().session().sampling().temperature(),
                    "the window's temperature is the command line's");
            assertEquals(
                    extra.length > 0 ? 3 : 11,
                    state.engineRoom().session().sampling().seed().getAsLong());
            for (int pitch : keysWindow) {
                assertTrue(
                        Scale.DORIAN.contains(pitch, 2) && pitch >= 48 && pitch <= 84,
                        "the take's keys: D dorian C3-C6: " + pitch);
            }
            robot.interact(() -> state.close());
        }
        robot.interact(() ->
                open(PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", OUT)));
    }

    @Test
    void aReplayedTakesDynamicsAreHeardAndShown(FxRobot robot, @TempDir Path dir) throws Exception {
        ready();
        robot.interact(() -> state.close());
        Path session = dir.resolve("loud" + SessionFile.EXTENSION);
        List<String> lines = new java.util.ArrayList<>();
        lines.add("{\"genie_session\": 2, \"model\": \"x\", \"seed\": 5, \"dynamics\": 48}");
        for (int i = 0; i < 24; i++) {
            long t = i * 60_000_000L;
            if (i == 6) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"dynamics\", \"dynamics\": 96}");
            } else if (i == 12) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"velocity\", \"velocity\": 70}");
            } else if (i == 18) {
                lines.add("{\"t_ns\": " + (t - 1) + ", \"kind\": \"velocity\", \"velocity\": null}");
            }
            lines.add("{\"t_ns\": " + t + ", \"kind\": \"press\", \"button\": " + (i * 5 % 8) + "}");
            lines.add("{\"t_ns\": " + (t + 40_000_000L) + ", \"kind\": \"release\", \"button\": " + (i * 5 % 8) + "}");
        }
        Files.write(session, lines);
        LoopbackMidi.clear();
        LiveSetup setup = PlayCommand.setupFrom(
                        "--model",
                        SharedData.tutorialModel().toString(),
                        "--output",
                        OUT,
                        "--controller",
                        "replay:" + session + "@fast")
                .followingReplay(s -> {});
        robot.interact(() -> open(setup));
        waitFor(() -> noteOns().size() == 24, "the window replays the session");
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            expected.add(i < 6 ? 48 : i < 12 || i >= 18 ? 96 : 70);
        }
        assertEquals(
                expected,
                noteOns().stream().map(LoopbackMidi.Received::data2).toList(),
                "the take's p, f, fixed 70, f again");
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                96, robot.lookup("#dynamics").queryAs(Slider.class).getValue(), "the window shows the take's dynamics");
        assertEquals(
                "f",
                robot.lookup("#dynamics-value")
                        .queryAs(javafx.scene.control.Label.class)
                        .getText());
        assertTrue(!state.velocityFixed().get(), "the fixed velocity was lifted again");
        robot.interact(() -> state.close());
        robot.interact(() ->
                open(PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", OUT)));
    }

    @Test
    void at1024x600AllEightPadsTheRecordBarAndTheMessageShow(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(600);
            state.say(Message.problem(
                    "No sound device here, so the built-in synth cannot play. Without a sound card: choose a"
                            + " MIDI output (a DAW or a hardware synth) under Output, or \"none\". The buttons, the keys on screen and"
                            + " Record still work, and Export WAV renders a take through the synth offline."));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.sleep(200);
        javafx.scene.Scene scene = stage.getScene();
        assertEquals(1024, scene.getWidth(), 1);
        assertEquals(600, scene.getHeight(), 1);
        List<String> ids = new java.util.ArrayList<>(List.of(
                "#record",
                "#save-as",
                "#export-wav",
                "#status",
                "#output",
                "#sustain",
                "#temperature",
                "#scale",
                "#high",
                "#model-name",
                "#dynamics",
                "#velocity-fixed"));
        for (int b = 0; b < 8; b++) {
            ids.add("#genie-button-" + b);
        }
        for (String id : ids) {
            javafx.scene.Node n = robot.lookup(id).query();
            var box = n.localToScene(n.getBoundsInLocal());
            assertTrue(
                    n.isVisible()
                            && box.getMinX() >= 0
                            && box.getMinY() >= 0
                            && box.getMaxX() <= 1024.5
                            && box.getMaxY() <= 600.5
                            && box.getWidth() > 10
                            && box.getHeight() > 10,
                    id + " inside the 1024×600 window: " + box);
        }
        for (int b = 0; b < 8; b++) {
            var pad = view.pad.button(b);
            assertTrue(
                    pad.getHeight() >= 50 && pad.getWidth() >= 60,
                    "pad " + b + " big enough to hit: " + pad.getLayoutBounds());
        }
        robot.clickOn("#save-as");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
                state.message().get().text().startsWith("Nothing recorded yet"),
                "said at once, before a name is asked: " + state.message().get().text());
        assertTrue(
                javafx.stage.Window.getWindows().stream().noneMatch(w -> w != stage && w.isShowing()), "and no dialog");
        robot.type(KeyCode.F5);
        type(robot, KeyCode.A, KeyCode.S);
        robot.type(KeyCode.F5);
        waitFor(() -> state.lastTake().get().isPresent() && !state.busy().get(), "a take to save");
        robot.interact(
                () -> state.say(
                        Message.problem(
                                "No sound device here, so the built-in synth cannot play. Without a"
                                        + " sound card: choose a MIDI output (a DAW or a hardware synth) under Output, or \"none\". The buttons, the"
                                        + " keys on screen and Record still work, and Export WAV renders a take through the synth offline.")));
        robot.clickOn(
                "#save-as"); // our own dialog: the system's GTK chooser opens at 1096×822, larger than this screen
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = javafx.stage.Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene().lookup("#path-field") != null)
                .findFirst()
                .orElseThrow();
        assertTrue(
                dialog.getWidth() <= 1024 && dialog.getHeight() <= 600,
                "Save as… fits: " + dialog.getWidth() + "×" + dialog.getHeight());
        robot.interact(dialog::hide);
        javafx.scene.control.Label status = robot.lookup("#status").query();
        assertTrue(
                status.getHeight() > 1.5 * status.getFont().getSize() * 1.2,
                "a long message wraps onto more lines: " + status.getHeight());
        assertTrue(
                status.getHeight() >= status.prefHeight(status.getWidth()) - 1,
                "shown whole: " + status.getHeight() + " for " + status.prefHeight(status.getWidth()));
        // tooltips that repeat long texts (this message, a model's provenance, its folder) wrap inside the screen
        for (String id : List.of("#status", "#model-name", "#model-folder", "#controller-status")) {
            javafx.scene.control.Control owner = robot.lookup(id).query();
            javafx.scene.control.Tooltip tip = owner.getTooltip();
            robot.interact(() -> tip.show(stage, stage.getX(), stage.getY()));
            WaitForAsyncUtils.waitForFxEvents();
            double width = tip.getWidth();
            robot.interact(tip::hide);
            assertTrue(
                    width > 10 && width <= SetupBar.TOOLTIP_WIDTH + 40,
                    id + "'s tooltip " + width + " wide for: " + tip.getText());
        }
    }

    @Test
    void aFailingModelLoadShowsAnErrorAndPlayGoesOnWithTheOldModel(FxRobot robot, @TempDir Path dir) throws Exception {
        ready();
        String before = state.modelName().get();
        Files.writeString(dir.resolve("weights_manifest.json"), "[{\"paths\": [\"missing.bin\"], \"weights\": []}]");
        robot.interact(() -> state.loadModel(dir));
        waitFor(
                () -> state.message().get().problem()
                        && state.message().get().text().contains("failed"),
                "the failure is shown");
        assertTrue(
                state.message().get().text().contains("missing.bin"),
                state.message().get().text());
        assertEquals(before, state.modelName().get(), "the old model is kept");
        robot.type(KeyCode.DIGIT4);
        waitFor(() -> noteOns().size() == 1, "play goes on");
    }

    @Test
    void aMidiKeyboardChosenInTheWindowPlaysAndTheOnScreenPedalHoldsAndShows(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> {
            state.setTemperature(0); // greedy: button 0 from a fresh phrase is a low key, far below C4..C5
            @SuppressWarnings("unchecked")
            ComboBox<String> also = robot.lookup("#controller").queryAs(ComboBox.class);
            // 8 white keys from C4 (not every key, the default): the loopback plays the decoded notes back into the
            // keyboard, and a decoded note outside C4..C5 must not play again
            also.getItems().setAll("midi:" + LoopbackMidi.NAME + "@60");
            also.setValue("midi:" + LoopbackMidi.NAME + "@60");
        });
        waitFor(
                () -> state.message().get().text().startsWith("Playing from MIDI keyboard"),
                "the MIDI keyboard is connected");
        waitFor(
                () -> state.controllerStatus().get().contains("keys C4 D4 E4 F4 G4 A4 B4 C5"),
                "the window shows its keys: " + state.controllerStatus().get());
        robot.clickOn("#sustain");
        LoopbackMidi.play(
                new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 0, 60, 90)); // C4 = button 0
        waitFor(() -> noteOns().size() == 2, "the played key comes back out as a decoded note");
        // (the loopback is both the keyboard and the output: the keyboard's own C4 plus the decoded note)
        LoopbackMidi.play(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 0, 60, 0));
        robot.sleep(200);
        long offsBeforePedalUp = LoopbackMidi.received().stream()
                .filter(r -> r.status() == 0x80 && r.data1() != 60)
                .count();
        assertEquals(0, offsBeforePedalUp, "the pedal holds the decoded note");
        robot.clickOn("#sustain");
        waitFor(
                () -> LoopbackMidi.received().stream().anyMatch(r -> r.status() == 0x80 && r.data1() != 60),
                "pedal up releases it");
        robot.press(KeyCode.SPACE);
        javafx.scene.control.ToggleButton sustain = robot.lookup("#sustain").query();
        waitFor(sustain::isSelected, "the Sustain button shows the pedal held with space");
        robot.release(KeyCode.SPACE);
        waitFor(() -> !sustain.isSelected(), "and lifted");
    }

    @Test
    void aControllerDisconnectShowsInTheStatus(FxRobot robot) throws Exception {
        ready();
        waitFor(() -> state.controllerConnected().get(), "the (scripted) gamepad is found at start");
        FakePadEnvironment.plug(false);
        waitFor(
                () -> !state.controllerConnected().get()
                        && state.controllerStatus().get().contains("unplugged"),
                "the unplug shows");
        robot.type(KeyCode.DIGIT2);
        waitFor(() -> noteOns().size() == 1, "the keyboard still plays");
    }
}
