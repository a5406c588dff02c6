package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./genie} with DISPLAY set to an X server that does not answer (an ssh session's stale DISPLAY, Xvfb not
 * started): one line saying so and how to play without a window (was: JavaFX's "Unsupported JavaFX configuration"
 * warning over two lines, then "genie play: Unable to open DISPLAY").
 */
class DesktopLauncherTest {

    @Test
    void aDisplayNobodyAnswersIsOneLineSuggestingHeadlessPlay(@TempDir Path dir) throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/tmp/.X11-unix/X77")), "an X server runs on :77 here");
        List<String> lines = windowOn(dir, ":77", null);
        assertTrue(
                lines.get(0).startsWith("genie: the window cannot open on DISPLAY=:77 (")
                        && lines.get(0)
                                .endsWith(
                                        "play without a window: ./genie play --headless --controller keyboard --output midi:NAME"),
                lines.get(0));
    }

    /** Wayland alone: JavaFX needs X (XWayland); said as such, not "DISPLAY=null". */
    @Test
    void waylandWithoutXIsSaidAsSuch(@TempDir Path dir) throws Exception {
        List<String> lines = windowOn(dir, null, "wayland-77");
        assertTrue(
                lines.get(0).startsWith("genie: the window cannot open on WAYLAND_DISPLAY=wayland-77 without DISPLAY"),
                lines.get(0));
    }

    /** What {@code ./genie play} prints with these display variables (null: unset), checking it is one line, exit 2. */
    static List<String> windowOn(Path dir, String display, String wayland) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dai.djl.offline=true",
                "-Xmx512m",
                "-Duser.home=" + System.getProperty("user.home"),
                "-cp",
                System.getProperty("java.class.path"),
                GenieCli.class.getName(),
                "play",
                "--model",
                SharedData.tutorialModel().toString());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        if (wayland != null) {
            pb.environment().put("WAYLAND_DISPLAY", wayland);
        }
        Path log = dir.resolve("stderr.txt");
        Process genie =
                pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(genie.waitFor(60, TimeUnit.SECONDS), "it ended");
        } finally {
            genie.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(DesktopLauncher.NO_DISPLAY, genie.exitValue(), String.join("\n", lines));
        assertEquals(1, lines.size(), "one line: " + String.join("\n", lines));
        return lines;
    }
}
