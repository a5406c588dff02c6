package dev.pianogenie.app.input.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29 class 11: a real-time replay whose process stalls (SIGSTOP/SIGCONT, a long GC pause, swapping) goes on
 * with the intervals it was played with — it used to fire every event that fell due meanwhile in one burst, a
 * cluster chord. The stall is made by the replay's own thread being held up in a delivery, as a stopped process is.
 */
class StalledReplayTest {
    static final long GAP = 100_000_000L;

    @Test
    void afterAStallTheOverdueEventsKeepTheirIntervals(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("take" + SessionFile.EXTENSION);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("{\"t_ns\": " + i * GAP + ", \"kind\": \"press\", \"button\": " + i % 8 + "}");
        }
        Files.write(session, lines, StandardCharsets.UTF_8);
        List<ButtonEvent> got = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        ReplaySource replay = new ReplaySource(session, true, finished::countDown);
        replay.start(new ButtonListener() {
            @Override
            public void onEvent(ButtonEvent e) {
                got.add(e);
                if (got.size() == 2) {
                    try {
                        Thread.sleep(750); // the stall: presses 3 to 9 fall due meanwhile
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertEquals(10, got.size());
        for (int i = 2; i < got.size(); i++) {
            long gap = got.get(i).nanos() - got.get(i - 1).nanos();
            if (i == 2) {
                assertTrue(gap >= 700_000_000L, "the stall itself: " + gap / 1e6 + " ms");
            } else {
                assertTrue(
                        gap >= GAP - 20_000_000L,
                        "press " + (i + 1) + " came " + gap / 1e6 + " ms after the one before," + " not 100 ms: "
                                + got.stream()
                                        .map(e -> (e.nanos() - got.get(0).nanos()) / 1_000_000)
                                        .toList());
            }
        }
        replay.close();
    }
}
