package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.LoopbackMidi;
import java.util.List;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MIDI out through a loopback port registered by the MIDI SPI (test resources of testkit). */
class MidiOutTest {
    @AfterEach
    void plugBackIn() {
        LoopbackMidi.unplug(false);
        LoopbackMidi.clear();
    }

    @Test
    void sendsExactlyTheExpectedMessages() throws Exception {
        assertTrue(
                MidiDevices.outputs().stream().anyMatch(p -> p.name().equals(LoopbackMidi.NAME)), "the port is listed");
        LoopbackMidi.clear();
        try (ReceiverSink sink = MidiDevices.outputSink("genie loop", 2)) { // matched by part of its name
            sink.noteOn(60, 100, 0);
            sink.pedal(true, 0);
            sink.noteOff(60, 0);
            sink.pedal(false, 0);
            List<LoopbackMidi.Received> got = LoopbackMidi.received();
            assertEquals(4, got.size());
            check(got.get(0), ShortMessage.NOTE_ON, 2, 60, 100);
            check(got.get(1), ShortMessage.CONTROL_CHANGE, 2, 64, 127);
            check(got.get(2), ShortMessage.NOTE_OFF, 2, 60, 0);
            check(got.get(3), ShortMessage.CONTROL_CHANGE, 2, 64, 0);
            LoopbackMidi.clear();
            sink.allNotesOff(0);
            got = LoopbackMidi.received();
            // on the channel in use only: on a multitimbral synth the other 15 are other parts (was all 16)
            assertEquals(3, got.size(), "sustain off, all notes off, all sound off on channel 3 only: " + got.size());
            check(got.get(0), ShortMessage.CONTROL_CHANGE, 2, 64, 0);
            check(got.get(1), ShortMessage.CONTROL_CHANGE, 2, 123, 0);
            check(got.get(2), ShortMessage.CONTROL_CHANGE, 2, 120, 0);
            LoopbackMidi.clear();
        }
        assertEquals(3, LoopbackMidi.received().size(), "closing panics on the same channel only");
        assertTrue(LoopbackMidi.received().stream().allMatch(r -> r.channel() == 2));
    }

    @Test
    void aMissingOrVanishedPortIsAClearError() throws Exception {
        MidiDeviceException e =
                assertThrows(MidiDeviceException.class, () -> MidiDevices.outputSink("No Such Synth", 0));
        assertTrue(
                e.getMessage().contains("No Such Synth") && e.getMessage().contains(LoopbackMidi.NAME), e.getMessage());
        ReceiverSink sink = MidiDevices.outputSink(LoopbackMidi.NAME, 0);
        LoopbackMidi.unplug(true);
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> sink.noteOn(60, 90, 0));
        assertTrue(gone.getMessage().contains("unplugged"), gone.getMessage());
        sink.close(); // closing a vanished port does not throw
    }

    static void check(LoopbackMidi.Received r, int status, int channel, int d1, int d2) {
        assertEquals(status, r.status());
        assertEquals(channel, r.channel());
        assertEquals(d1, r.data1());
        assertEquals(d2, r.data2());
    }
}
