package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --output midi:NAME / --controller midi:NAME: a name picks one port, or is refused saying which ones it could mean. */
class MidiDevicesChoiceTest {
    /** What Java lists on Linux with snd-virmidi loaded (four ports of one card) and a USB keyboard. */
    static final List<MidiDevices.Port> PORTS = List.of(
            port("VirMIDI [hw:2,0,0]", "VirMIDI, VirMIDI 2-0, Virtual Raw MIDI"),
            port("VirMIDI [hw:2,0,1]", "VirMIDI, VirMIDI 2-1, Virtual Raw MIDI"),
            port("Keystation [hw:1,0,0]", "Keystation, USB MIDI"),
            port("Keystation Mini [hw:3,0,0]", "Keystation Mini, USB MIDI"));

    static MidiDevices.Port port(String name, String description) {
        return new MidiDevices.Port(name, "ALSA (http://www.alsa-project.org)", description, true, null);
    }

    @Test
    void aNameMatchingOnePortPicksIt() throws Exception {
        assertEquals(
                "VirMIDI [hw:2,0,1]",
                MidiDevices.choose("hw:2,0,1", PORTS, "MIDI output").name());
        assertEquals(
                "Keystation Mini [hw:3,0,0]",
                MidiDevices.choose("mini", PORTS, "MIDI output").name());
        // an exact name wins over the longer names that contain it
        List<MidiDevices.Port> nested = List.of(port("Keys", ""), port("Keys 2", ""));
        assertEquals("Keys", MidiDevices.choose("keys", nested, "MIDI input").name());
    }

    @Test
    void aNameMatchingSeveralPortsIsRefusedWithTheMatches() {
        MidiDeviceException e =
                assertThrows(MidiDeviceException.class, () -> MidiDevices.choose("virmidi", PORTS, "MIDI output"));
        assertTrue(e.getMessage().startsWith("'virmidi' matches 2 MIDI outputs: 'VirMIDI [hw:2,0,0]'"), e.getMessage());
        assertTrue(
                e.getMessage().contains("'VirMIDI [hw:2,0,1]'")
                        && e.getMessage().contains("give more of the name"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("Keystation"), e.getMessage());
        MidiDeviceException k =
                assertThrows(MidiDeviceException.class, () -> MidiDevices.choose("keystation", PORTS, "MIDI input"));
        assertTrue(k.getMessage().contains("matches 2 MIDI inputs"), k.getMessage());
        List<MidiDevices.Port> twins = List.of(port("Pad", "first"), port("Pad", "second"));
        assertTrue(assertThrows(MidiDeviceException.class, () -> MidiDevices.choose("pad", twins, "MIDI input"))
                .getMessage()
                .contains("these share it"));
    }

    @Test
    void aNameMatchingNothingListsWhatThereIs() {
        MidiDeviceException e =
                assertThrows(MidiDeviceException.class, () -> MidiDevices.choose("roland", PORTS, "MIDI output"));
        assertTrue(
                e.getMessage().startsWith("no MIDI output named 'roland'; available: 'VirMIDI [hw:2,0,0]'"),
                e.getMessage());
        assertTrue(assertThrows(MidiDeviceException.class, () -> MidiDevices.choose("x", List.of(), "MIDI output"))
                .getMessage()
                .contains("snd-virmidi"));
    }
}
