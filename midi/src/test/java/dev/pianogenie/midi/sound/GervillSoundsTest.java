package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gervill's own sound set lives in genie's cache folder, not in ~/.gervill. */
class GervillSoundsTest {
    @Test
    void madeOnceThenLoadedFromTheCache(@TempDir Path cache) throws Exception {
        Path file = cache.resolve("gervill").resolve(GervillSounds.FILE);
        Soundbank made = GervillSounds.loadOrMake(file);
        assertTrue(Files.size(file) > 100_000, "saved: " + file);
        Soundbank loaded = GervillSounds.loadOrMake(file);
        assertEquals(names(made), names(loaded));
        Files.write(file, new byte[] {1, 2, 3}); // damaged: made again, not a failure
        assertEquals(names(made), names(GervillSounds.loadOrMake(file)));
        assertTrue(Files.size(file) > 100_000);
    }

    /** A fresh home and cache, as a first start: the synth plays Gervill's set and writes it only to the cache. */
    @Test
    void aFirstStartWritesNothingIntoTheHomeFolder(@TempDir Path tmp) throws Exception {
        assumeFalse(GervillSounds.gervillFindsASoundfont(), "this machine has a soundfont Gervill plays instead");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path cache = tmp.resolve("cache");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-opens",
                        "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                        "-Djava.awt.headless=true",
                        "-Duser.home=" + home,
                        "-Dpianogenie.cache=" + cache,
                        "-cp",
                        System.getProperty("java.class.path"),
                        PlaysANote.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, child.exitValue(), out);
        String[] lines = out.split("\n");
        assertEquals(BuiltInSynth.GERVILL_SOUNDS + " peak>0", lines[lines.length - 1], out);
        assertFalse(Files.exists(home.resolve(".gervill")), "Gervill wrote its set into the home folder");
        assertTrue(Files.isRegularFile(cache.resolve("gervill").resolve(GervillSounds.FILE)));
    }

    private static java.util.List<String> names(Soundbank bank) {
        // an SF2 file keeps 20 characters of a name
        return Arrays.stream(bank.getInstruments())
                .map(i -> i.getName().substring(0, Math.min(20, i.getName().length())))
                .toList();
    }

    /** Opens the built-in synth as the app does, plays a note, prints the sound and whether it was heard. */
    static final class PlaysANote {
        public static void main(String[] args) throws Exception {
            try (BuiltInSynth.Rendering synth = BuiltInSynth.openRendering(48_000f, Optional.empty())) {
                synth.receiver().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), -1);
                byte[] pcm = synth.stream().readNBytes(4800 * 8);
                java.nio.FloatBuffer f = java.nio.ByteBuffer.wrap(pcm)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .asFloatBuffer();
                float peak = 0;
                while (f.hasRemaining()) {
                    peak = Math.max(peak, Math.abs(f.get()));
                }
                System.out.println(synth.sound().description() + (peak > 0 ? " peak>0" : " silent"));
            }
        }
    }
}
