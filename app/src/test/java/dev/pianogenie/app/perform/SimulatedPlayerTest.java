package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 class 12: {@code bench soak} plays in real time for the time asked. Its player re-stamped each event
 * while waiting for it, so every wait ended after one short sleep: "1 minute" took about 5 s.
 */
class SimulatedPlayerTest {

    @Test
    void realTimePlayingTakesTheTimeAskedAtTheRateItPromises() throws Exception {
        List<ButtonEvent> got = new ArrayList<>();
        ButtonListener out = got::add;
        double seconds = 3;
        long start = System.nanoTime();
        long presses = new SimulatedPlayer(4).play(out, start, seconds, true);
        double took = (System.nanoTime() - start) / 1e9;
        assertTrue(took >= seconds - 0.2 && took < seconds + 1.5, "3 s of playing took " + took + " s");
        assertTrue(presses >= 8 * seconds && presses <= 25 * seconds, presses + " presses in " + seconds + " s");
        double span = (got.get(got.size() - 1).nanos() - got.get(0).nanos()) / 1e9;
        assertTrue(span >= seconds - 0.3, "the events' own times span the time played: " + span + " s");
    }
}
