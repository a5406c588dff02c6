package dev.pianogenie.app.input.keyboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The computer keyboard plays the model's buttons 1..n: the same layout for 8, the middle of it for fewer, musical typing for more. */
class KeyboardLayoutTest {

    static int button(KeyboardLayout l, String key) {
        Optional<KeyboardLayout.Action> a = l.action(key);
        return a.isPresent() && a.get().kind() == KeyboardLayout.Action.Kind.BUTTON
                ? a.get().button()
                : -1;
    }

    @Test
    void eightButtonsKeepTheUsualLayout() {
        KeyboardLayout l = KeyboardLayout.forButtons(8);
        String[] letters = {"a", "s", "d", "f", "j", "k", "l", ";"};
        for (int b = 0; b < 8; b++) {
            assertEquals(b, button(l, letters[b]));
            assertEquals(b, button(l, String.valueOf(b + 1)));
        }
        assertEquals(-1, button(l, "9"));
        assertEquals(
                "keys 1-8 or a s d f j k l ; = buttons 0-7 (low to high), space = sustain pedal, 0 or r = reset",
                l.legend());
    }

    @Test
    void fourButtonsPlayTheMiddleOfTheRowAndKeysBeyondDoNothing() {
        KeyboardLayout l = KeyboardLayout.forButtons(4);
        assertEquals(List.of(0, 1, 2, 3), List.of(button(l, "d"), button(l, "f"), button(l, "j"), button(l, "k")));
        assertEquals(List.of(0, 1, 2, 3), List.of(button(l, "1"), button(l, "2"), button(l, "3"), button(l, "4")));
        for (String beyond : new String[] {"5", "8", "a", "s", "l", ";"}) {
            assertTrue(l.action(beyond).isEmpty(), beyond + " does nothing with 4 buttons");
        }
        assertEquals(KeyboardLayout.Action.Kind.PEDAL, l.action(" ").get().kind());
        assertEquals(KeyboardLayout.Action.Kind.RESET, l.action("r").get().kind());
        assertEquals(
                "keys 1-4 or d f j k = buttons 0-3 (low to high), space = sustain pedal, 0 or r = reset", l.legend());
        assertEquals(
                List.of(0, 1, 2),
                List.of(
                        button(KeyboardLayout.forButtons(3), "d"),
                        button(KeyboardLayout.forButtons(3), "f"),
                        button(KeyboardLayout.forButtons(3), "j")));
    }

    @Test
    void moreThanEightButtonsUseMusicalTyping() {
        KeyboardLayout l = KeyboardLayout.forButtons(16);
        String[] letters = {"a", "w", "s", "e", "d", "f", "t", "g", "y", "h", "u", "j", "k", "o", "l", "p"};
        for (int b = 0; b < 16; b++) {
            assertEquals(b, button(l, letters[b]), letters[b]);
        }
        assertEquals(8, button(l, "9"));
        assertEquals(
                KeyboardLayout.Action.Kind.RESET,
                l.action("r").get().kind(),
                "r still resets: musical typing skips it");
        assertTrue(
                l.legend()
                        .startsWith(
                                "keys a w s e d f t g y h u j k o l p = buttons 0-15 (low to high; 1-9 = buttons 0-8)"),
                l.legend());
    }

    @Test
    void theComputerKeyboardFollowsTheModelsCount() {
        ComputerKeyboard keyboard = new ComputerKeyboard();
        List<ButtonEvent> events = new ArrayList<>();
        keyboard.start(new dev.pianogenie.app.input.ButtonListener() {
            @Override
            public void onEvent(ButtonEvent event) {
                events.add(event);
            }

            @Override
            public void onConnection(String source, boolean connected, String detail) {}
        });
        assertTrue(keyboard.keyDown("a", 1));
        keyboard.keyUp("a", 2);
        keyboard.useButtons(4);
        assertFalse(keyboard.keyDown("a", 3), "a is not a key of 4 buttons: left to the window");
        assertTrue(keyboard.keyDown("k", 4));
        assertEquals(List.of(0, 0, 3), events.stream().map(ButtonEvent::button).toList());
    }
}
