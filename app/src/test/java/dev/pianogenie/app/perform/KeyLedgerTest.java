package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLedgerTest {
    final List<String> heard = new ArrayList<>();
    final KeyLedger keys = new KeyLedger(new KeyLedger.Voice() {
        @Override
        public void noteOn(int key, int velocity, long nanos) {
            heard.add("on " + key + "@" + nanos);
        }

        @Override
        public void noteOff(int key, long nanos) {
            heard.add("off " + key + "@" + nanos);
        }
    });

    @Test
    void everyNoteThatStartsEndsOnceThroughReStrikesThePedalAndReleaseAll() {
        keys.pedal(true, 1);
        keys.strike(0, 40, 80, 2);
        keys.release(0, 3); // held by the pedal
        keys.strike(1, 40, 80, 4); // re-struck under the pedal
        keys.strike(2, 40, 80, 5); // a second button on the same key: re-struck again
        keys.release(1, 6); // button 2 still holds it
        assertTrue(keys.sounding(40));
        keys.release(2, 7); // the pedal holds it
        keys.pedal(false, 8);
        assertFalse(keys.sounding(40));
        keys.strike(3, 50, 80, 9);
        keys.strike(4, 50, 80, 10);
        keys.releaseAll(11);
        keys.release(3, 12); // already released: nothing
        assertEquals(
                List.of(
                        "on 40@2",
                        "off 40@4",
                        "on 40@4",
                        "off 40@5",
                        "on 40@5",
                        "off 40@8",
                        "on 50@9",
                        "off 50@10",
                        "on 50@10",
                        "off 50@11"),
                heard);
        assertEquals(-1, keys.keyOf(3));
        assertThrows(IllegalStateException.class, () -> {
            keys.strike(5, 10, 80, 13);
            keys.strike(5, 11, 80, 14); // a button strikes once until it is released
        });
    }
}
