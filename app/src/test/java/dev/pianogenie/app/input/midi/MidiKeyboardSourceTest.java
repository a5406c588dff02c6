package dev.pianogenie.app.input.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.testkit.LoopbackMidi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;

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
    void learnModeTakesTheNextEightDifferentKeys() throws Exception {
        List<ButtonEvent> events = new CopyOnWriteArrayList<>();
        List<MidiKeyMapping> learnt = new CopyOnWriteArrayList<>();
        try (MidiKeyboardSource source = new MidiKeyboardSource(LoopbackMidi.NAME, MidiKeyMapping.whiteKeysFrom(60))) {
            source.start(events::add);
            source.learn(learnt::add);
            for (int pitch : new int[] {48, 50, 50, 52, 55, 57, 59, 60, 62, 62}) { // a repeat; then D4 plays
                LoopbackMidi.play(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 80));
            }
        }
        assertEquals(1, learnt.size());
        assertEquals("C3 D3 E3 G3 A3 B3 C4 D4", learnt.get(0).toString());
        assertEquals(1, events.stream().filter(e -> e.kind() == ButtonEvent.Kind.PRESS).count(),
                "learning does not play; the key after it plays (D4 = button 7)");
        assertEquals(7, events.get(events.size() - 1).button());
    }

    @Test
    void learntMappingsAndBadChoicesAreChecked() {
        MidiKeyMapping learnt = MidiKeyMapping.learnt(new int[] {36, 38, 40, 41, 43, 45, 47, 48});
        assertEquals(3, learnt.button(41));
        assertEquals(-1, learnt.button(60));
        assertThrows(IllegalArgumentException.class, () -> MidiKeyMapping.whiteKeysFrom(61), "C#4 is not a white key");
        assertThrows(IllegalArgumentException.class, () -> MidiKeyMapping.learnt(new int[] {60, 60, 62, 64, 65, 67, 69, 71}));
        ControllerException e = assertThrows(ControllerException.class,
                () -> new MidiKeyboardSource("Nope", MidiKeyMapping.whiteKeysFrom(60)).start(x -> { }));
        assertTrue(e.getMessage().contains("Nope"), e.getMessage());
    }
}
