package dev.pianogenie.app.input.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {

    /** Was: stopping a replay fired its next pending event at once — a press that never happened, never released. */
    @RepeatedTest(3)
    void nothingIsDeliveredAfterClose(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("take" + SessionFile.EXTENSION);
        Files.write(
                session,
                List.of(
                        "{\"t_ns\": 0, \"kind\": \"press\", \"button\": 1, \"velocity\": 80}",
                        "{\"t_ns\": 50000000, \"kind\": \"release\", \"button\": 1}",
                        "{\"t_ns\": 400000000, \"kind\": \"press\", \"button\": 5, \"velocity\": 80}",
                        "{\"t_ns\": 450000000, \"kind\": \"release\", \"button\": 5}"),
                StandardCharsets.UTF_8);
        List<ButtonEvent> got = new CopyOnWriteArrayList<>();
        CountDownLatch twoIn = new CountDownLatch(2);
        CountDownLatch finished = new CountDownLatch(1);
        ReplaySource replay = new ReplaySource(session, true, finished::countDown);
        replay.start(new ButtonListener() {
            @Override
            public void onEvent(ButtonEvent e) {
                got.add(e);
                twoIn.countDown();
            }
        });
        assertTrue(twoIn.await(5, TimeUnit.SECONDS), "the first press and release arrive");
        replay.close(); // the press at 0.4 s is pending
        int atClose = got.size();
        replay.join(2000);
        Thread.sleep(100);
        assertEquals(2, atClose);
        assertEquals(2, got.size(), "after close nothing more: " + got);
        assertEquals(1, finished.getCount(), "a stopped replay is not a finished one");
    }

    @org.junit.jupiter.api.Test
    void aPipeOrADeviceIsRefusedNotReadForEver(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo" + SessionFile.EXTENSION);
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        for (Path p : new Path[] {fifo, Path.of("/dev/zero")}) {
            var e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(10),
                    () -> org.junit.jupiter.api.Assertions.assertThrows(
                            dev.pianogenie.app.input.ControllerException.class, () -> SessionFile.read(p)));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }
}
