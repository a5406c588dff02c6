package dev.pianogenie.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MidiFileNameTest {
    @Test
    void aTakeIsNamedMidOrMidiInAnyCase() {
        assertTrue(MidiFileName.isMidiName("take.mid"));
        assertTrue(MidiFileName.isMidiName("Take.MIDI"));
        assertFalse(MidiFileName.isMidiName(".mid"), "an extension alone is no name");
        assertFalse(MidiFileName.isMidiName("take.midx"));
        assertFalse(MidiFileName.isMidiName("take.kar"), "read in a dataset, but a take is saved as .mid");
        assertTrue(MidiFileName.hasMidiExtension(".mid"));
    }

    @Test
    void theStemDropsOnlyTheMidiExtension() {
        assertEquals("take", MidiFileName.stem("take.MID"));
        assertEquals("take.session", MidiFileName.stem("take.session.midi"));
        assertEquals("take.wav", MidiFileName.stem("take.wav"));
        assertEquals("take-2", MidiFileName.stem(Path.of("/x/take-2.mid")));
    }
}
