package dev.pianogenie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --scale ROOT:NAME} and {@code --range LOW-HIGH}: the one parser the commands share. */
class KeyChoiceParsingTest {

    @Test
    void scalesAndRootsByName() {
        assertEquals(new Scale.Rooted(0, Scale.MAJOR), Scale.parseRooted("C:major"));
        assertEquals(new Scale.Rooted(6, Scale.BLUES), Scale.parseRooted("F#:Blues"));
        assertEquals(new Scale.Rooted(10, Scale.MINOR_PENTATONIC), Scale.parseRooted("Bb:minor-pentatonic"));
        assertEquals(Scale.NATURAL_MINOR, Scale.parse("natural minor"));
        assertEquals(Scale.NATURAL_MINOR, Scale.parse("minor"));
        for (Scale s : Scale.values()) {
            assertEquals(s, Scale.parse(s.optionName()), "every scale's own name parses");
            assertEquals(new Scale.Rooted(3, s), Scale.parseRooted(new Scale.Rooted(3, s).toString()), "round trip");
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Scale.parse("lydian"));
        assertTrue(e.getMessage().contains("'lydian'") && e.getMessage().contains("major, natural-minor"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scale.parseRooted("H:major"));
        assertTrue(e.getMessage().contains("unknown root 'H'"), e.getMessage());
    }

    @Test
    void rangesByNoteNameOrNumber() {
        assertEquals(new Keys.Range(33, 96), Keys.parseRange("A1-C7"));
        assertEquals(new Keys.Range(21, 108), Keys.parseRange("A0 - C8"));
        assertEquals(new Keys.Range(61, 70), Keys.parseRange("C#4-Bb4"));
        assertEquals(new Keys.Range(48, 84), Keys.parseRange("48-84"));
        assertEquals("A1-C7", Keys.parseRange("a1-c7").toString());
        assertEquals(60, Keys.parsePitch("C4"));
        for (String bad : new String[] {"C7-A1", "G8-C9", "A1", "A1-", "X1-C7", "A1-C7-D7"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Keys.parseRange(bad), bad);
            assertTrue(e.getMessage().contains("range") || e.getMessage().contains("note"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Keys.parseRange("C7-A1")).getMessage().contains("low note first"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Keys.parseRange("A1-D8")).getMessage().contains("leaves the piano"));
    }
}
