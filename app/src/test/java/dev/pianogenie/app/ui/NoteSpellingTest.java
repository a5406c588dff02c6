package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.model.RootedScale;
import dev.pianogenie.model.Scale;
import org.junit.jupiter.api.Test;

class NoteSpellingTest {
    @Test
    void blackKeysAreSpelledByTheKeySignatureOfTheChosenScale() {
        assertEquals("E♭4", NoteSpelling.name(63, new RootedScale(Scale.NATURAL_MINOR, 0)), "C minor: three flats");
        assertEquals("B♭3", NoteSpelling.name(58, new RootedScale(Scale.MAJOR, 5)), "F major");
        assertEquals("A♭4", NoteSpelling.name(68, new RootedScale(Scale.BLUES, 0)), "C blues, read in C minor");
        assertEquals("B♭4", NoteSpelling.name(70, new RootedScale(Scale.DORIAN, 0)), "C dorian = B♭ major's notes");
        assertEquals("C♯5", NoteSpelling.name(73, new RootedScale(Scale.MAJOR, 9)), "A major: sharps");
        assertEquals("F♯2", NoteSpelling.name(42, new RootedScale(Scale.MINOR_PENTATONIC, 4)), "E minor: one sharp");
        assertEquals("D♯4", NoteSpelling.name(63, RootedScale.CHROMATIC), "no key signature: sharps");
        assertEquals(
                "D♭4",
                NoteSpelling.name(61, new RootedScale(Scale.MAJOR, 1)),
                "D♭ major rather than C♯'s seven sharps");
        assertEquals("C4", NoteSpelling.name(60, new RootedScale(Scale.NATURAL_MINOR, 0)));
        assertEquals("A0", NoteSpelling.name(21, new RootedScale(Scale.NATURAL_MINOR, 0)));
    }
}
