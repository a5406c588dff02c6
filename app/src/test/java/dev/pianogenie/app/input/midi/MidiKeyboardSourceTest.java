package dev.pianogenie.app.input.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.testkit.LoopbackMidi;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A MIDI keyboard played through the loopback port registered by the MIDI SPI. */
class MidiKeyboardSourceTest {

    @Test
    void mappedKeysPressButtonsWithVelocityAndCc64IsThePedal() throws Exception {
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        MidiKeyMapping whites = MidiKeyMapping.whiteKeysFrom(60);
        assertEquals("C4 D4 E4 F4 G4 A4 B4 C5", whites.toString());
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, whites)) {
            source.start(events::add);
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 64, 77)); // E4 = button 2
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 61, 90)); // C#4: not mapped
            LoopbackMidi.play(new ShortMessage(ShortMessage.CONTROL_CHANGE, 3, 64, 127));
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 64, 0)); // note-on velocity 0 = off
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 72, 20)); // C5 = button 7
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, 72, 0));
            LoopbackMidi.play(new ShortMessage(ShortMessage.CONTROL_CHANGE, 3, 64, 0));
        }
        assertEquals(6, events.size(), events.toString());
        assertEquals(ButtonEvent.press(2, 77, events.get(0).nanos()), events.get(0));
        assertEquals(ButtonEvent.Kind.PEDAL_DOWN, events.get(1).kind());
        assertEquals(ButtonEvent.release(2, events.get(2).nanos()), events.get(2));
        assertEquals(ButtonEvent.press(7, 20, events.get(3).nanos()), events.get(3));
        assertEquals(ButtonEvent.Kind.RELEASE, events.get(4).kind());
        assertEquals(ButtonEvent.Kind.PEDAL_UP, events.get(5).kind());
    }

    @Test
    void learntMappingsAndBadChoicesAreChecked() {
        MidiKeyMapping learnt = MidiKeyMapping.learnt(new int[] {36, 38, 40, 41, 43, 45, 47, 48});
        assertEquals(3, learnt.button(41));
        assertEquals(-1, learnt.button(60));
        assertThrows(IllegalArgumentException.class, () -> MidiKeyMapping.whiteKeysFrom(61), "C#4 is not a white key");
        assertThrows(
                IllegalArgumentException.class,
                () -> MidiKeyMapping.learnt(new int[] {60, 60, 62, 64, 65, 67, 69, 71}));
        ControllerException e = assertThrows(
                ControllerException.class,
                () -> new MidiKeyboardSource("Nope", MidiKeyMapping.whiteKeysFrom(60)).start(x -> {}));
        assertTrue(e.getMessage().contains("Nope"), e.getMessage());
    }

    @Test
    void learnModeTakesTheNext8DifferentKeysAndTheDeviceRemembersThem(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        List<Integer> progress = new CopyOnWriteArrayList<>();
        List<String> learnt = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, Optional.empty())) {
            source.start(events::add);
            assertEquals(
                    "every key, C3..C5 in 8 zones from C3 E3 G3 A#3 C#4 E4 G4 A#4",
                    source.mapping().toString(),
                    "nothing learnt yet: every key of C3..C5 in zones");
            source.learn(progress::add, learnt::add);
            int[] drumPads = {36, 38, 38, 42, 46, 49, 51, 36, 45, 48}; // repeats are skipped
            for (int pitch : drumPads) {
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 9, pitch, 100));
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 9, pitch, 0));
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), progress);
            assertEquals(List.of("C2 D2 F#2 A#2 C#3 D#3 A2 C3"), learnt);
            assertTrue(
                    events.stream().allMatch(e -> e.kind() == ButtonEvent.Kind.RELEASE && e.button() == 7),
                    "learning plays nothing (only the last pad's key-up, now button 7): " + events);
            events.clear();
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 9, 42, 33));
            assertEquals(ButtonEvent.press(2, 33, events.get(0).nanos()), events.get(0));
        }
        List<String> connections = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource again = new MidiKeyboardSource(LoopbackMidi.NAME, Optional.empty())) {
            again.start(new ButtonListener() {
                @Override
                public void onEvent(ButtonEvent event) {}

                @Override
                public void onConnection(String source, boolean connected, String detail) {
                    connections.add(detail);
                }
            });
            assertEquals("C2 D2 F#2 A#2 C#3 D#3 A2 C3", again.mapping().toString(), "saved for this device");
            assertTrue(connections.get(0).contains("(learnt)"), connections.toString());
        }
    }

    @Test
    void zonesFoldAnyKeyboardLeftToRightAndKeysOutsideTheRangePlayTheEdges() {
        MidiKeyMapping piano = MidiKeyMapping.zones(108, 21); // an 88-key keyboard, ends in either order
        assertEquals(21, piano.low());
        int[] count = new int[8];
        for (int p = 21; p <= 108; p++) {
            count[piano.button(p)]++;
        }
        assertEquals("[11, 11, 11, 11, 11, 11, 11, 11]", java.util.Arrays.toString(count), "88 keys: 8 zones of 11");
        MidiKeyMapping small = MidiKeyMapping.zones(48, 72);
        assertEquals(0, small.button(20));
        assertEquals(7, small.button(127));
        for (int p = 48; p < 72; p++) {
            assertTrue(small.button(p + 1) >= small.button(p), "left to right");
        }
        assertThrows(IllegalArgumentException.class, () -> MidiKeyMapping.zones(60, 66), "7 keys cannot make 8 zones");
        assertThrows(IllegalArgumentException.class, () -> MidiKeyMapping.zones(100, 130));
        var spec = dev.pianogenie.app.live.ControllerSpec.parse("midi:Keystation 88@21-108");
        assertEquals("midi:Keystation 88@21-108", spec.toString());
        assertEquals(
                "every key, A0..C8 in 8 zones from A0 G#1 G2 F#3 F4 E5 D#6 D7",
                ((MidiKeyboardSource) spec.open(() -> {})).mapping().toString(),
                "a given range");
        assertThrows(
                IllegalArgumentException.class, () -> dev.pianogenie.app.live.ControllerSpec.parse("midi:X@60-62"));
        var out = dev.pianogenie.app.live.OutputSpec.parse("midi:Keystation 88");
        assertTrue(
                spec.echoRisk(List.of(out)).orElseThrow().contains("both the MIDI keyboard and the output"),
                "the same port both ways: a port that echoes would feed the genie's notes back in");
        assertEquals(Optional.empty(), spec.echoRisk(List.of(dev.pianogenie.app.live.OutputSpec.parse("synth"))));
    }

    @Test
    void learningZonesTakesTheLowestAndHighestKeyAndIsRemembered(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<Integer> progress = new CopyOnWriteArrayList<>();
        List<String> learnt = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, Optional.empty())) {
            source.start(e -> {});
            source.learnZones(true);
            assertEquals(2, source.learnSteps());
            source.learn(progress::add, learnt::add);
            for (int pitch : new int[] {36, 36, 40, 96}) { // a 61-key keyboard: C2 (twice), E2 too near for 8 zones, C7
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 100));
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0));
            }
            assertEquals(List.of(1, 2), progress);
            assertEquals(1, learnt.size());
            assertTrue(learnt.get(0).startsWith("every key, C2..C7 in 8 zones"), learnt.toString());
        }
        assertEquals(
                MidiKeyMapping.zones(36, 96).toString(),
                MidiKeyMapping.saved(LoopbackMidi.NAME).orElseThrow().toString());
        assertEquals(
                MidiKeyMapping.zones(36, 96) + " (learnt); a model of n buttons: the same range in n zones",
                dev.pianogenie.app.cli.DevicesCommand.fold(LoopbackMidi.NAME),
                "./genie devices shows the fold this input gets for 8 buttons, and how another count folds");
        java.nio.file.Files.writeString(
                dev.pianogenie.app.input.ControllerSettings.file(MidiKeyMapping.KIND, LoopbackMidi.NAME),
                "{\"low\": 60, \"high\": 62}");
        java.io.IOException bad =
                assertThrows(java.io.IOException.class, () -> MidiKeyMapping.saved(LoopbackMidi.NAME));
        assertTrue(
                bad.getMessage().contains("at least 8 keys") && bad.getMessage().contains("learn the keyboard again"),
                bad.getMessage());
    }

    @Test
    void aPadGridLearntAsRowsPlaysTheButtonsLeftToRightInEveryRow(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        List<String> learnt = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, Optional.empty())) {
            source.start(events::add);
            source.learnAs(MidiKeyMapping.Kind.ROWS);
            assertEquals(3, source.learnSteps());
            source.learn(n -> {}, learnt::add);
            // a Launchpad in programmer mode: rows 11..18, 21..28, ... 81..88, bottom to top; the player learns on the
            // top row (81, 88), then the row below (71); 84 between them is ignored (inside the row)
            for (int pitch : new int[] {81, 88, 84, 71}) {
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 100));
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0));
            }
            assertEquals(1, learnt.size(), learnt.toString());
            assertTrue(learnt.get(0).startsWith("pad rows: 8 pads a row, one row every 10 notes"), learnt.get(0));
            events.clear();
            for (int row = 1; row <= 8; row++) {
                for (int column = 1; column <= 8; column++) {
                    LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 10 * row + column, 64));
                    LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, 10 * row + column, 0));
                }
                LoopbackMidi.play(
                        new ShortMessage(ShortMessage.NOTE_ON, 0, 10 * row + 9, 64)); // the side buttons: not pads
            }
        }
        List<Integer> pressed = events.stream()
                .filter(e -> e.kind() == ButtonEvent.Kind.PRESS)
                .map(ButtonEvent::button)
                .toList();
        assertEquals(64, pressed.size(), "every pad of the 8×8 grid plays, the side buttons do not");
        for (int i = 0; i < 64; i++) {
            assertEquals(i % 8, pressed.get(i), "column " + (i % 8 + 1) + " is button " + (i % 8 + 1));
        }
        assertEquals(
                MidiKeyMapping.Kind.ROWS,
                MidiKeyMapping.saved(LoopbackMidi.NAME).orElseThrow().kind(),
                "remembered");
        assertEquals(-1, MidiKeyMapping.rows(11, 18, 21).button(19), "the column of the side buttons");
        assertEquals(2, MidiKeyMapping.rows(11, 18, 21).button(93), "a row beyond the learnt ones plays too");
        assertThrows(IllegalArgumentException.class, () -> MidiKeyMapping.rows(11, 18, 15), "rows cannot overlap");
    }

    @Test
    void aKeyHeldWhenLearningStartsIsReleasedWhenItComesUp(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, MidiKeyMapping.zones(48, 72))) {
            source.start(events::add);
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 48, 80)); // held: button 0
            source.learnZones(true);
            source.learn(n -> {}, d -> {});
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, 48, 0)); // up while learning
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 36, 80)); // learnt, plays nothing
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, 36, 0));
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, 96, 80));
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, 96, 0));
            LoopbackMidi.play(
                    new ShortMessage(ShortMessage.NOTE_ON, 0, 37, 80)); // C#2 under the learnt C2..C7: button 0
            LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_OFF, 0, 37, 0));
        }
        assertEquals(
                List.of("PRESS 0", "RELEASE 0", "PRESS 0", "RELEASE 0"),
                events.stream().map(e -> e.kind() + " " + e.button()).toList(),
                "nothing held for ever, nothing stuck");
    }

    @Test
    void aContinuousPedalIsOneDownAndOneUp() throws Exception {
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, MidiKeyMapping.whiteKeysFrom(48))) {
            source.start(events::add);
            for (int v = 0; v <= 127; v += 7) {
                LoopbackMidi.play(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, v));
            }
            for (int v = 127; v >= 0; v -= 9) {
                LoopbackMidi.play(new ShortMessage(ShortMessage.CONTROL_CHANGE, 0, 64, v));
            }
        }
        assertEquals(
                List.of(ButtonEvent.Kind.PEDAL_DOWN, ButtonEvent.Kind.PEDAL_UP),
                events.stream().map(ButtonEvent::kind).toList());
    }
}
