package dev.pianogenie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Key lists from the command line: {@code --scale ROOT:NAME} and {@code --range LOW-HIGH}. */
class KeyListParseTest {

    @Test
    void everyScaleParsesByItsCliNameAndLabel() {
        for (Scale s : Scale.values()) {
            for (int root = 0; root < 12; root++) {
                RootedScale parsed = Scale.parse(Scale.ROOT_NAMES[root] + ":" + s.cliName());
                assertEquals(new RootedScale(s, root), parsed);
                assertEquals(parsed, Scale.parse(parsed.toString()), "toString reads back");
            }
            assertEquals(s, Scale.byName(s.label().toUpperCase()));
            assertEquals(s, Scale.byName(s.name()));
        }
        assertEquals(new RootedScale(Scale.NATURAL_MINOR, 10), Scale.parse(" Bb : natural minor "));
        assertEquals(new RootedScale(Scale.BLUES, 6), Scale.parse("f#:blues"));
        assertEquals(new RootedScale(Scale.BLUES, 6), Scale.parse("Gb:BLUES"));
    }

    @Test
    void unknownNamesAreRefusedWithTheValidOnes() {
        IllegalArgumentException scale = assertThrows(IllegalArgumentException.class, () -> Scale.parse("C:lydian"));
        assertTrue(scale.getMessage().contains("unknown scale 'lydian'"), scale.getMessage());
        for (Scale s : Scale.values()) {
            assertTrue(scale.getMessage().contains(s.cliName()), scale.getMessage());
        }
        IllegalArgumentException root = assertThrows(IllegalArgumentException.class, () -> Scale.parse("H:major"));
        assertTrue(
                root.getMessage().contains("unknown root 'H'")
                        && root.getMessage().contains("C#/Db"),
                root.getMessage());
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class, () -> Scale.parse("major"));
        assertTrue(
                form.getMessage().contains("ROOT:NAME")
                        && form.getMessage().contains("major pentatonic".replace(' ', '-')),
                form.getMessage());
    }

    @Test
    void pitchNamesReadBack() {
        for (int pitch = Keys.LOWEST_PITCH; pitch <= Keys.HIGHEST_PITCH; pitch++) {
            assertEquals(pitch, Keys.parsePitch(Keys.pitchName(pitch)));
        }
        assertEquals(21, Keys.parsePitch("A0"));
        assertEquals(60, Keys.parsePitch("c4"));
        assertEquals(58, Keys.parsePitch("Bb3"));
        assertEquals(59, Keys.parsePitch("Cb4"));
        assertEquals(60, Keys.parsePitch("B#3"));
        assertEquals(108, Keys.parsePitch("C8"));
    }

    @Test
    void rangesParseAndBadOnesAreRefused() {
        assertEquals(new PitchRange(33, 96), Keys.parseRange("A1-C7"));
        assertEquals(PitchRange.FULL, Keys.parseRange(PitchRange.FULL.toString()));
        assertEquals(new PitchRange(60, 60), Keys.parseRange("C4-C4"));
        assertMessage("runs downwards", () -> Keys.parseRange("C7-A1"));
        assertMessage("off the piano", () -> Keys.parseRange("A1-C9"));
        assertMessage("off the piano", () -> Keys.parseRange("G#0-C4"));
        assertMessage("not a note name", () -> Keys.parseRange("A1-X7"));
        assertMessage("LOW-HIGH", () -> Keys.parseRange("A1"));
        assertMessage("LOW-HIGH", () -> Keys.parseRange(""));
    }

    @Test
    void aScaleWithinARangeGivesOnlyItsKeys() {
        BitSet keys = Scale.parse("D:dorian").keys(Keys.parseRange("A1-C7"));
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            int pitch = Keys.pitch(k);
            assertEquals(
                    pitch >= 33 && pitch <= 96 && Scale.DORIAN.contains(pitch, 2), keys.get(k), Keys.pitchName(pitch));
        }
        assertMessage("no key of", () -> Scale.parse("D:major").keys(Keys.parseRange("C4-C4")));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
