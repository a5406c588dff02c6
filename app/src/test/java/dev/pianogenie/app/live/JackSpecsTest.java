package dev.pianogenie.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JACK names of outputs and controllers parse, print back the same, and bad ones are refused in words. */
class JackSpecsTest {

    @Test
    void jackOutputsParseAndPrintBack() {
        for (String s : new String[] {
            "jack",
            "jack:none",
            "jack:system:playback_3,system:playback_4",
            "jack-midi",
            "jack-midi:Ardour:MIDI in",
            "jack-midi@10",
            "jack-midi:fluidsynth:midi_00@2"
        }) {
            assertEquals(s, OutputSpec.parse(s).toString(), s);
        }
        OutputSpec o = OutputSpec.parse("jack-midi:fluidsynth:midi_00@2");
        assertEquals(OutputSpec.Kind.JACK_MIDI, o.kind());
        assertEquals("fluidsynth:midi_00", o.device());
        assertEquals(2, o.channel());
        assertEquals(OutputSpec.Kind.JACK, OutputSpec.parse("jack").kind());
        assertTrue(OutputSpec.HELP.contains("jack-midi"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutputSpec.parse("jack-midi@17"))
                .getMessage()
                .contains("1-16"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutputSpec.parse("jack:"))
                .getMessage()
                .contains("playback ports"));
    }

    @Test
    void jackMidiControllerParsesAndPrintsBack() {
        for (String s :
                new String[] {"jack-midi", "jack-midi:a2j:Keystation", "jack-midi@48", "jack-midi:Ardour:out@60"}) {
            assertEquals(s, ControllerSpec.parse(s).toString(), s);
        }
        ControllerSpec c = ControllerSpec.parse("jack-midi:a2j:Keystation@48");
        assertEquals(ControllerSpec.Kind.JACK_MIDI, c.kind());
        assertEquals("a2j:Keystation", c.name());
        assertEquals(48, c.baseNote());
        assertThrows(
                IllegalArgumentException.class, () -> ControllerSpec.parse("jack-midi@61"), "C#4 is not a white key");
    }
}
