package dev.pianogenie.app.input.gamepad;

import static dev.pianogenie.app.input.gamepad.GamepadSourceTest.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ControllerSettings;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pad plays the model's number of buttons: a scripted pad through JInput's real polling, into the performer and
 * the real decoder of a model of that count (the tutorial's weights with a config of n buttons: the network's shapes do
 * not depend on n).
 */
class GamepadButtonCountTest {
    /** LT, LB, X, A, B, Y, RB, RT, Select: the indices of {@link FakePadEnvironment.FakePad#IDS}. */
    static final int SELECT = 8;

    @TempDir
    Path dir;

    /** What the performer played and said. */
    final List<PerformerListener.Played> played = new CopyOnWriteArrayList<>();

    final List<String> said = new CopyOnWriteArrayList<>();

    final PerformerListener listener = new PerformerListener() {
        @Override
        public void played(Played note) {
            played.add(note);
        }

        @Override
        public void connection(String source, boolean connected, String detail) {
            said.add(detail);
        }
    };

    @BeforeEach
    @AfterEach
    void newPad() {
        FakePadEnvironment.freshPad();
    }

    @BeforeEach
    void ownSettings() {
        System.setProperty("pianogenie.config", dir.resolve("config").toString());
    }

    static StreamingDecoder decoder(Path folder, int numButtons) throws Exception {
        PianoGenieModel tutorial = ModelFiles.load(SharedData.tutorialModel());
        ModelFiles.save(
                folder, tutorial.config().withName("n" + numButtons).withNumButtons(numButtons), tutorial.tensors());
        return Decoders.open(ModelFiles.load(folder), DecoderEngine.TENSORFLOW, Sampling.greedy());
    }

    /** Presses and releases these pad buttons (indices of the pad's buttons) 100 ms apart, in the recent past. */
    static void play(FakePadEnvironment.FakePad pad, int... indices) {
        long wall = System.currentTimeMillis() * 1_000_000L - 2_000_000_000L;
        for (int i = 0; i < indices.length; i++) {
            pad.press(indices[i], true, wall + i * 100_000_000L);
            pad.press(indices[i], false, wall + i * 100_000_000L + 50_000_000L);
        }
    }

    @Test
    void aFourButtonModelPlaysTheFaceButtonsAndSaysOnceThatTheOthersDoNothing() throws Exception {
        try (StreamingDecoder d = decoder(dir.resolve("four"), 4);
                Performer performer = new Performer(d, listener);
                GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.useButtons(4);
            source.start(performer);
            waitFor(() -> !said.isEmpty());
            assertEquals(
                    "Fake Pad 8: buttons X A B Y, pedal Select (default for 4 buttons; learn to change)", said.get(0));
            play(FakePadEnvironment.PAD, 0, 1, 2, 3, 4, 5, 6, 7); // LT up to RT
            waitFor(() -> played.size() == 4);
            assertTrue(performer.drain(5000));
            assertEquals(
                    List.of(0, 1, 2, 3),
                    played.stream().map(PerformerListener.Played::button).toList(),
                    "X A B Y are buttons 1–4");
            assertTrue(played.get(3).key() > played.get(0).key(), "low to high");
            List<String> nothing =
                    said.stream().filter(s -> s.contains("does nothing")).toList();
            assertEquals(
                    List.of("Left Thumb 2 does nothing: the model has 4 buttons, played with X A B Y"
                            + " (Learn… or --learn picks others)"),
                    nothing,
                    "said once, for the first of LT LB RB RT");
        }
    }

    @Test
    void aTwelveButtonModelReachesTwelveButtonsOnAPadThatHasThem() throws Exception {
        FakePadEnvironment.freshPad(FakePadEnvironment.FakePad.bigger());
        try (StreamingDecoder d = decoder(dir.resolve("twelve"), 12);
                Performer performer = new Performer(d, listener);
                GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.useButtons(12);
            source.start(performer);
            waitFor(() -> !said.isEmpty());
            assertEquals(
                    "Fake Pad 13: buttons Left Thumb 2 Left Thumb X A B Y Right Thumb Right Thumb 2 Left Thumb 3"
                            + " Right Thumb 3 Start Mode, pedal Select (default for 12 buttons; learn to change)",
                    said.get(0),
                    "the 8 where they are, the further buttons above them, Select still the pedal");
            play(FakePadEnvironment.PAD, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12);
            waitFor(() -> played.size() == 12);
            assertTrue(performer.drain(5000));
            assertEquals(
                    IntStream.range(0, 12).boxed().toList(),
                    played.stream().map(PerformerListener.Played::button).toList());
            assertTrue(said.stream().noneMatch(s -> s.contains("does nothing")), said.toString());
        }
    }

    @Test
    void aPadWithTooFewButtonsSaysSoAndPlaysTheLowestOnes() throws Exception {
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.useButtons(12);
            source.start(recorder(events));
            assertEquals(
                    "Fake Pad 8: buttons Left Thumb 2 Left Thumb X A B Y Right Thumb Right Thumb 2, pedal Select"
                            + " (default for 12 buttons; learn to change); Fake Pad 8 has buttons for 8 of the model's"
                            + " 12: it plays buttons 1–8 (9–12 only from the keyboard or the screen)",
                    said.get(0));
            play(FakePadEnvironment.PAD, 7, SELECT);
            waitFor(() -> events.size() == 4);
            assertEquals(ButtonEvent.press(7, 0).button(), events.get(0).button());
            assertEquals(ButtonEvent.Kind.PEDAL_DOWN, events.get(2).kind(), "the pedal stays the pedal");
        }
    }

    @Test
    void learningOnAPadWithTooFewButtonsLearnsWhatItHasForThatCount() throws Exception {
        Path eight = writeOldEightButtonFile();
        String before = Files.readString(eight);
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.useButtons(12);
            source.start(recorder(new CopyOnWriteArrayList<>()));
            assertEquals(8, source.buttonsLearnt(), "9 buttons: 8 and the pedal (12 would wait for ever)");
            List<GamepadMapping> learnt = new CopyOnWriteArrayList<>();
            source.learn(true, n -> {}, learnt::add);
            play(FakePadEnvironment.PAD, 0, 1, 2, 3, 4, 5, 6, 7, SELECT);
            waitFor(() -> !learnt.isEmpty());
            assertEquals(8, learnt.get(0).count());
        }
        assertEquals(before, Files.readString(eight), "saved for 12, not over the 8-button mapping");
        said.clear();
        try (GamepadSource again = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            again.useButtons(12);
            again.start(recorder(new CopyOnWriteArrayList<>()));
            assertTrue(said.get(0).contains("(learnt); Fake Pad 8 has buttons for 8 of the model's 12"), said.get(0));
        }
    }

    @Test
    void learningFourButtonsSavesThemForFourAndKeepsTheEightButtonMapping() throws Exception {
        Path eight = writeOldEightButtonFile();
        String before = Files.readString(eight);
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.useButtons(4);
            source.start(recorder(events));
            assertTrue(
                    said.get(0)
                            .endsWith("(default for 4 buttons; learn to change) (learnt for 8 buttons, not this"
                                    + " model's 4: Learn… (--learn) learns 4)"),
                    said.get(0));
            assertEquals(5, source.learnSteps());
            List<GamepadMapping> learnt = new CopyOnWriteArrayList<>();
            List<Integer> progress = new CopyOnWriteArrayList<>();
            source.learn(true, progress::add, learnt::add);
            play(FakePadEnvironment.PAD, 7, 6, 1, 0, 2); // RT RB LB LT, then X as the pedal
            waitFor(() -> !learnt.isEmpty());
            assertEquals(List.of(1, 2, 3, 4, 5), progress);
            assertEquals(
                    new GamepadMapping(List.of("Right Thumb 2", "Right Thumb", "Left Thumb", "Left Thumb 2"), "X"),
                    learnt.get(0));
            // (the release of the last learnt button may come after learning ended: a release plays nothing)
            assertTrue(
                    events.stream()
                            .noneMatch(
                                    e -> e.kind() == ButtonEvent.Kind.PRESS || e.kind() == ButtonEvent.Kind.PEDAL_DOWN),
                    "learning does not play: " + events);
        }
        assertEquals(before, Files.readString(eight), "the 8-button mapping is left alone");
        said.clear();
        try (GamepadSource again = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            again.useButtons(4);
            again.start(recorder(new CopyOnWriteArrayList<>()));
            assertEquals(
                    "Fake Pad 8: buttons Right Thumb 2 Right Thumb Left Thumb Left Thumb 2, pedal X (learnt)",
                    said.get(0));
        }
        said.clear();
        try (GamepadSource twelve = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            twelve.useButtons(12);
            twelve.start(recorder(new CopyOnWriteArrayList<>()));
            assertTrue(
                    said.get(0).contains(" (learnt for 4, 8 buttons, not this model's 12: Learn… (--learn) learns 12)"),
                    said.get(0));
        }
    }

    @Test
    void anOldEightButtonMappingFileStillLoadsForEight() throws Exception {
        writeOldEightButtonFile();
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        try (GamepadSource source = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            source.start(recorder(events)); // no useButtons: the default 8, as before models had counts
            assertEquals(
                    "Fake Pad 8: buttons Select Right Thumb 2 Right Thumb Y B A X Left Thumb, pedal Left Thumb 2"
                            + " (learnt)",
                    said.get(0));
            play(FakePadEnvironment.PAD, SELECT);
            waitFor(() -> !events.isEmpty());
            assertEquals(0, events.get(0).button(), "Select is button 1, as learnt");
        }
    }

    @Test
    void theDefaultOfEachCountIsTheMiddleOfTheEightOrMoreAboveThemNeverThePedal() {
        FakePadEnvironment.FakePad pad = FakePadEnvironment.FakePad.bigger();
        List<String> row = List.of("Left Thumb 2", "Left Thumb", "X", "A", "B", "Y", "Right Thumb", "Right Thumb 2");
        assertEquals(List.of("A", "B"), DefaultGamepadMapping.forButtons(pad, 2).buttons());
        assertEquals(
                List.of("X", "A", "B"), DefaultGamepadMapping.forButtons(pad, 3).buttons());
        assertEquals(row.subList(1, 7), DefaultGamepadMapping.forButtons(pad, 6).buttons());
        assertEquals(row, DefaultGamepadMapping.forButtons(pad, 8).buttons());
        for (int n = 2; n <= 16; n++) {
            GamepadMapping m = DefaultGamepadMapping.forButtons(pad, n);
            assertEquals(Math.min(n, 12), m.count(), "the bigger pad has 12 buttons besides Select");
            assertEquals("Select", m.pedal());
        }
        assertEquals(
                List.of("Left Thumb 3", "Right Thumb 3", "Start", "Mode"),
                DefaultGamepadMapping.forButtons(pad, 16).buttons().subList(8, 12));
    }

    @Test
    void devicesShowsThePadForTheDefaultModelAndHowOtherCountsDiffer() throws Exception {
        writeOldEightButtonFile();
        assertEquals(
                List.of("Fake Pad 8 (Gamepad, 9 buttons): the default 8-button model plays Select Right Thumb 2 Right"
                        + " Thumb Y B A X Left Thumb, pedal Left Thumb 2 (learnt); a model of fewer buttons plays the"
                        + " middle of these, one of more adds the pad's further buttons above them (Learn… or --learn"
                        + " learns each count)"),
                GamepadSource.devices(new FakePadEnvironment()));
    }

    /** A mapping file as genie wrote it before models had counts: Select lowest, reversed, LT the pedal. */
    private static Path writeOldEightButtonFile() throws Exception {
        Path file = ControllerSettings.file(GamepadMapping.KIND, "Fake Pad 8");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {
                  "buttons" : [ "Select", "Right Thumb 2", "Right Thumb", "Y", "B", "A", "X", "Left Thumb" ],
                  "pedal" : "Left Thumb 2"
                }""");
        return file;
    }

    private ButtonListener recorder(List<ButtonEvent> events) {
        return new ButtonListener() {
            @Override
            public void onEvent(ButtonEvent e) {
                events.add(e);
            }

            @Override
            public void onConnection(String source, boolean connected, String detail) {
                said.add(detail);
            }
        };
    }
}
