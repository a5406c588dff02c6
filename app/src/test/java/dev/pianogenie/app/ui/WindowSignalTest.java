package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.GenieCli;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window stopped by a signal (Ctrl-C in its terminal, a logout's SIGTERM) while a take runs: the take is saved
 * whole, every note ended — as closing the window saves it (was: the JVM just went, leaving the take as of its last
 * autosave, up to three seconds short).
 */
class WindowSignalTest {
    static final long S = 1_000_000_000L;

    @Test
    void aSignalSavesTheTakeUnderWayWhole(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // a minute of presses, 100 ms apart: the signal comes long before its end
            lines.add("{\"t_ns\": " + i * S / 10 + ", \"kind\": \"press\", \"button\": " + i % 8 + "}");
            lines.add("{\"t_ns\": " + (i * S / 10 + S / 20) + ", \"kind\": \"release\", \"button\": " + i % 8 + "}");
        }
        Path session = Files.write(dir.resolve("in" + SessionFile.EXTENSION), lines);
        Path mid = dir.resolve("take.mid");
        Path taken = dir.resolve("take" + SessionFile.EXTENSION);
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Dai.djl.offline=true",
                "-Xmx1g",
                "-Duser.home=" + System.getProperty("user.home"),
                "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless",
                "-Dprism.order=sw",
                "-Djava.awt.headless=true"));
        for (String p : List.of("pianogenie.cache", "pianogenie.shared")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                GenieCli.class.getName(),
                "play",
                "--controller",
                "replay:" + session,
                "--output",
                "none",
                "--record",
                mid.toString(),
                "--model",
                SharedData.tutorialModel().toString()));
        Path log = dir.resolve("stderr.txt");
        Process genie = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int autosaved;
        try {
            long deadline = System.nanoTime() + 120 * S;
            while (!Files.exists(taken) && System.nanoTime() < deadline && genie.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(taken), "the take was autosaved while playing: " + Files.readString(log));
            Thread.sleep(1500); // half an autosave period after the first one: presses the autosave has not seen yet
            autosaved = Files.readAllLines(taken).size();
            long signalled = System.nanoTime();
            genie.destroy(); // SIGTERM
            assertTrue(genie.waitFor(60, TimeUnit.SECONDS), "the window closed");
            double seconds = (System.nanoTime() - signalled) / 1e9;
            assertTrue(seconds < 10, "saved and gone promptly, not after a wait: " + seconds + " s");
        } finally {
            genie.destroyForcibly();
        }
        int saved = Files.readAllLines(taken).size();
        // 1.5 s of presses after the last autosave, 20 lines a second: about 30 more lines — not the same number (the
        // take as autosaved), nor hundreds (saved long after the signal)
        assertTrue(
                saved >= autosaved + 10 && saved <= autosaved + 100,
                "saved whole at the signal: " + saved + " lines, the last autosave had " + autosaved + "\n"
                        + Files.readString(log));
        Performance take = MidiFileReader.read(mid);
        assertTrue(
                take.notes().size() >= (saved - 1) / 2 - 1,
                take.notes().size() + " notes for " + saved + " session lines");
        for (Note n : take.notes()) {
            assertTrue(n.durationSeconds() < 0.5, "every note ended: " + n);
        }
        assertEquals(
                0,
                Files.readString(log).lines().filter(l -> l.contains("\tat ")).count(),
                Files.readString(log));
    }
}
