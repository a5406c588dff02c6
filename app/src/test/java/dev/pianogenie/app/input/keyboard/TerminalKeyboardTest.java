package dev.pianogenie.app.input.keyboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a terminal sends (characters only, no key-up) becomes presses and made-up releases. */
class TerminalKeyboardTest {
    static final long MS = 1_000_000L;
    final List<String> events = new ArrayList<>();
    final AtomicInteger quits = new AtomicInteger();
    final TerminalKeyboard terminal = new TerminalKeyboard(quits::incrementAndGet);

    TerminalKeyboardTest() {
        terminal.attach(e -> events.add(describe(e)));
    }

    static String describe(ButtonEvent e) {
        return switch (e.kind()) {
            case PRESS -> "press " + e.button() + " @" + e.nanos() / MS;
            case RELEASE -> "release " + e.button() + " @" + e.nanos() / MS;
            case PEDAL_DOWN -> "pedal down @" + e.nanos() / MS;
            case PEDAL_UP -> "pedal up @" + e.nanos() / MS;
            case RESET -> "reset @" + e.nanos() / MS;
            case SAMPLING -> "sampling " + e.sampling() + " @" + e.nanos() / MS;
            case DYNAMICS -> "dynamics " + e.velocity() + " @" + e.nanos() / MS;
            case VELOCITY -> "velocity " + e.velocity() + " @" + e.nanos() / MS;
        };
    }

    void type(String chars, long ms) {
        for (char c : chars.toCharArray()) {
            terminal.typed(c, ms * MS);
        }
    }

    @Test
    void aTapSoundsForTheHoldTimeAndATapOfAnotherKeyIsItsOwnNote() {
        type("a", 1000);
        type("k", 1100);
        terminal.releaseDue(1299 * MS);
        assertEquals(List.of("press 0 @1000", "press 5 @1100"), events);
        terminal.releaseDue(1300 * MS);
        terminal.releaseDue(1400 * MS);
        assertEquals(List.of("press 0 @1000", "press 5 @1100", "release 0 @1300", "release 5 @1400"), events);
    }

    @Test
    void theSameKeyAgainEndsTheFirstNoteAndStrikesAgain() {
        type("8", 1000);
        type("8", 1150); // a deliberate second press
        assertEquals(List.of("press 7 @1000", "release 7 @1150", "press 7 @1150"), events);
    }

    @Test
    void aHeldKeysAutoRepeatKeepsTheNoteInsteadOfStrikingAgain() {
        type("s", 1000);
        terminal.releaseDue(1300 * MS); // the terminal's repeat delay: the tap's note ended
        for (long t = 1500; t <= 2500; t += 33) { // then repeats every 33 ms while the key is held
            type("s", t);
            terminal.releaseDue(t * MS);
        }
        terminal.releaseDue(2800 * MS);
        terminal.releaseDue(2900 * MS);
        assertEquals(
                List.of("press 1 @1000", "release 1 @1300", "press 1 @1500", "release 1 @2800"),
                events,
                "one note for the whole run of repeats, released a hold time after the last");
    }

    @Test
    void spaceTogglesThePedalAndItsRepeatsAreIgnored() {
        type(" ", 1000);
        type(" ", 1030); // a repeat
        type("d", 1100);
        type(" ", 2000);
        assertEquals(List.of("pedal down @1000", "press 2 @1100", "pedal up @2000"), events);
    }

    @Test
    void resetKeysResetAndCapitalsWorkToo() {
        type("F", 1000);
        type("r", 1100);
        type("0", 1200);
        type("r", 1500);
        assertEquals(List.of("press 3 @1000", "reset @1100", "reset @1200", "reset @1500"), events);
        terminal.releaseDue(2000 * MS);
        assertEquals("release 3 @2000", events.get(events.size() - 1));
    }

    @Test
    void arrowAndFunctionKeysAreIgnoredButALoneEscapeDoesNotSwallowTheNextKey() {
        type("\u001b[A", 1000); // arrow up: would be 'A' = button 0
        type("\u001bOP", 1001); // F1
        type("\u001b[15~", 1002); // F5
        type("\u001b", 2000); // Esc alone...
        type("j", 2500); // ...then a key, later
        assertEquals(List.of("press 4 @2500"), events);
    }

    @Test
    void ctrlCOrQQuits() {
        type("\u0003", 1000);
        type("q", 1001);
        assertEquals(2, quits.get());
        assertTrue(events.isEmpty());
    }
}
