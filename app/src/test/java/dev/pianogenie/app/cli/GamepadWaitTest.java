package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --controller gamepad} with none plugged in: said, waited for visibly, given up on (was: silent for ever). */
class GamepadWaitTest {
    @AfterEach
    void plugBackIn() {
        FakePadEnvironment.freshPad();
    }

    @Test
    void noPadIsSaidThenGivenUpOnAfterTheLimit() throws Exception {
        FakePadEnvironment.plug(false);
        List<String> said = new CopyOnWriteArrayList<>();
        try (GamepadSource pad = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            pad.start(e -> {});
            ControllerException e = assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () -> assertThrows(
                            ControllerException.class, () -> GamepadWait.await(pad, 1, said::add, () -> false)));
            assertEquals("waiting up to 1 s for a gamepad (--gamepad-wait 0: as long as it takes)", said.get(0));
            assertTrue(
                    e.getMessage()
                            .startsWith("no gamepad connected within 1 s (JInput sees no game controller at all)"),
                    e.getMessage());
        }
    }

    @Test
    void withNoLimitItWaitsUntilOneIsPluggedIn() throws Exception {
        FakePadEnvironment.plug(false);
        List<String> said = new CopyOnWriteArrayList<>();
        try (GamepadSource pad = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            pad.start(e -> {});
            Thread plugger = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException ignored) {
                    return;
                }
                FakePadEnvironment.plug(true);
            });
            plugger.start();
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> GamepadWait.await(pad, 0, said::add, () -> false));
            assertTrue(pad.connected());
            assertTrue(said.get(0).contains("as long as it takes"), said.toString());
        }
    }

    @Test
    void headlessPlayWithNoPadEndsWithAClearError(@TempDir Path dir) {
        // JInput's default environment enumerates once per JVM: let it hold a pad, then unplug that pad — a
        // listed pad that does not answer is no pad (whichever test made the default environment first)
        net.java.games.input.ControllerEnvironment.getDefaultEnvironment().getControllers();
        FakePadEnvironment.plug(false);
        StringWriter err = new StringWriter();
        CommandLine cli = GenieCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> cli.execute(
                        "play",
                        "--headless",
                        "--controller",
                        "gamepad",
                        "--gamepad-wait",
                        "1",
                        "--output",
                        "none",
                        "--record",
                        dir.resolve("take.mid").toString(),
                        "--model",
                        SharedData.tutorialModel().toString()));
        assertEquals(1, code);
        assertTrue(err.toString().contains("genie play: no gamepad connected within 1 s"), err.toString());
        assertTrue(!Files.exists(dir.resolve("take.mid")), "no empty take saved");
    }

    /**
     * Where JInput cannot see any pad whatever is plugged in — its native library missing from the class path, as
     * in this JVM without the natives jar — headless play ends at once saying why, rather than wait the 30 s for a
     * pad that cannot come.
     */
    @Test
    void withNoWayToSeeAPadHeadlessPlayEndsAtOnceSayingWhy(@TempDir Path dir) throws Exception {
        String classPath = String.join(
                java.io.File.pathSeparator,
                java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(e -> !e.contains("natives-all"))
                        .toList());
        List<String> cmd = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dai.djl.offline=true",
                "-Xmx1g",
                "-Duser.home=" + System.getProperty("user.home"),
                "-Dpianogenie.cache=" + dev.pianogenie.files.Caches.root(),
                "-cp",
                classPath,
                GenieCli.class.getName(),
                "play",
                "--headless",
                "--controller",
                "gamepad",
                "--output",
                "none",
                "--record",
                dir.resolve("take.mid").toString(),
                "--model",
                SharedData.tutorialModel().toString()));
        Path log = dir.resolve("stderr.txt");
        long start = System.nanoTime();
        Process genie = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertTrue(genie.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "ended");
        } finally {
            genie.destroyForcibly();
        }
        String out = Files.readString(log);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, genie.exitValue(), out);
        assertTrue(
                out.contains("genie play: gamepads cannot work here: JInput's native library ")
                        && out.contains("is not on the class path"),
                out);
        assertTrue(!out.contains("waiting up to"), "no wait for a pad that cannot come: " + out);
        assertTrue(
                seconds < GamepadWait.DEFAULT_SECONDS,
                "at once (the model's loading aside), not after the wait: " + seconds);
        assertTrue(!out.contains("\tat "), "no stack trace: " + out);
    }
}
