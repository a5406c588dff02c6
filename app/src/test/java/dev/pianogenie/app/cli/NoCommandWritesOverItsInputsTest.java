package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29 classes 4 and 5: {@code render} never writes over its inputs (the MIDI file, the soundfont — by any
 * name: a link, a relative path), and a render stopped by Ctrl-C or a kill leaves no hidden {@code .part} file: a
 * signal removes it at once, a {@code kill -9}'s is removed by the next write of that file.
 */
class NoCommandWritesOverItsInputsTest {
    static final String LONG = "2004/MIDI-Unprocessed_XP_06_R1_2004_01_ORIG_MID--AUDIO_06_R1_2004_01_Track01_wav.midi";

    @Test
    void renderRefusesToWriteOverTheMidiItRendersOrItsSoundfont(@TempDir Path dir) throws Exception {
        Path mid = Files.copy(SharedData.maestroFile(LONG), dir.resolve("x.mid"));
        byte[] before = Files.readAllBytes(mid);
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), mid);
        Path sf2 = Files.write(dir.resolve("piano.sf2"), new byte[] {1, 2, 3});
        for (String[] args : new String[][] {
            {"render", mid.toString(), "--out", mid.toString()},
            {"render", mid.toString(), "--out", dir.resolve("sub/../x.mid").toString()},
            {"render", mid.toString(), "--out", link.toString()},
            {"render", mid.toString(), "--soundfont", sf2.toString(), "--out", sf2.toString()}
        }) {
            GenieRun run = GenieRun.of(args);
            assertEquals(1, run.code(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains("writing it would destroy it"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertArrayEquals(before, Files.readAllBytes(mid), "the MIDI file is as it was");
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(sf2));
    }

    static Process render(Path mid, Path wav, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Xmx512m",
                "-Duser.home=" + System.getProperty("user.home")));
        for (String p : List.of("pianogenie.cache", "pianogenie.shared")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                GenieCli.class.getName(),
                "render",
                mid.toString(),
                "--out",
                wav.toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
    }

    static List<Path> parts(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    static void awaitPart(Process p, Path dir) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (parts(dir).isEmpty() && p.isAlive() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertFalse(parts(dir).isEmpty(), "the render is under way: " + Files.readString(dir.resolve("log.txt")));
    }

    @Test
    void aRenderStoppedBySignalOrKilledLeavesNoPartFile(@TempDir Path dir) throws Exception {
        Path mid = SharedData.maestroFile(LONG);
        Path wav = dir.resolve("x.wav");
        Process signalled = render(mid, wav, dir);
        try {
            awaitPart(signalled, dir);
            signalled.destroy(); // SIGTERM, as Ctrl-C
            assertTrue(signalled.waitFor(30, TimeUnit.SECONDS));
        } finally {
            signalled.destroyForcibly();
        }
        assertEquals(List.of(), parts(dir), "a signal leaves nothing behind");
        assertFalse(Files.exists(wav), "and no WAV half made");

        Process killed = render(mid, wav, dir);
        try {
            awaitPart(killed, dir);
            killed.destroyForcibly(); // SIGKILL: nothing runs in the process
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        } finally {
            killed.destroyForcibly();
        }
        assertEquals(1, parts(dir).size(), "kill -9 leaves its temporary file");
        Path small = Files.copy(SharedData.maestroFile(LONG), dir.resolve("in.mid"));
        assertEquals(
                0,
                GenieRun.of("render", small.toString(), "--out", wav.toString(), "--no-normalise")
                        .code());
        assertEquals(List.of(), parts(dir), "the next render of that file removes the dead render's");
        assertTrue(Files.size(wav) > 44);
    }
}
