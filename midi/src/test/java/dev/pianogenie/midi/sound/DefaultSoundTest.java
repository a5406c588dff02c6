package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.media.sound.AudioSynthesizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default sound while the piano builds, and the soundfonts offered. Real Gervill, offline. */
class DefaultSoundTest {
    @AfterEach
    void forgetThePiano() {
        DefaultSound.configure(null, null);
    }

    /** A synth opened while the piano was building plays Gervill's set, then the piano once it is loaded. */
    @org.junit.jupiter.api.Timeout(120)
    @Test
    void anOpenSynthSwitchesToThePianoWhenItIsReady(@TempDir Path cache) throws Exception {
        AudioSynthesizer synth = BuiltInSynth.newSynth();
        try {
            AudioInputStream stream = BuiltInSynth.openStream(synth);
            assertEquals(
                    BuiltInSynth.GERVILL_SOUNDS,
                    BuiltInSynth.loadSounds(synth, Optional.empty()).description());
            Receiver r = synth.getReceiver();
            r.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), -1);
            double before = brightnessOfANote(stream, r);

            DefaultSound.configure(
                    Path.of(getClass().getResource("/piano-fixture").toURI()), cache);
            // the window: the piano builds on another thread; looking at the sound meanwhile never waits for it, and a
            // synth that asks while it builds is switched when it is ready
            java.util.concurrent.CountDownLatch building = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch goOn = new java.util.concurrent.CountDownLatch(1);
            Thread builder = new Thread(() -> DefaultSound.prepare(
                    (d, n) -> {
                        building.countDown();
                        try {
                            goOn.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    s -> {}));
            builder.start();
            assertTrue(building.await(30, java.util.concurrent.TimeUnit.SECONDS));
            long t = System.nanoTime();
            assertTrue(DefaultSound.loaded().isEmpty());
            assertEquals(BuiltInSynth.GERVILL_SOUNDS, BuiltInSynth.describe(Optional.empty()));
            assertTrue((System.nanoTime() - t) / 1e6 < 500, "a look at the sound does not wait for the build");
            java.util.concurrent.CompletableFuture<Soundbank> switched = new java.util.concurrent.CompletableFuture<>();
            DefaultSound.whenLoaded(p -> {
                BuiltInSynth.switchTo(synth, p);
                switched.complete(p);
            });
            goOn.countDown();
            builder.join(60_000);
            assertTrue(switched.get(1, java.util.concurrent.TimeUnit.SECONDS) != null, "switched when ready");
            double after = brightnessOfANote(stream, r);
            // Gervill's C4 has nothing above ~2.9 kHz; the piano's loudest layer at velocity 127 has plenty
            assertTrue(after - before > 6, "brightness " + before + " dB -> " + after + " dB");
        } finally {
            synth.close();
        }
    }

    private static double brightnessOfANote(AudioInputStream stream, Receiver r) throws Exception {
        r.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 127), -1);
        int rate = (int) BuiltInSynth.SAMPLE_RATE;
        byte[] pcm = new byte[rate / 2 * 4];
        stream.readNBytes(pcm, 0, pcm.length);
        r.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), -1);
        stream.readNBytes(new byte[rate * 4], 0, rate * 4); // its release, before the next note
        int n = 16384;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            int at = 4 * (i + rate / 20);
            double mono = ((short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8))
                            + (short) ((pcm[at + 2] & 0xFF) | (pcm[at + 3] << 8)))
                    / 65536.0;
            re[i] = mono * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
        }
        SoundBench.fft(re, im);
        double high = 1e-30;
        double all = 1e-30;
        for (int k = 1; k < n / 2; k++) {
            double e = re[k] * re[k] + im[k] * im[k];
            all += e;
            high += (double) k * rate / n >= 2000 ? e : 0;
        }
        return 10 * Math.log10(high / all);
    }

    @Test
    void eachSoundfontIsOfferedOnceWithAShortName(@TempDir Path dir) throws Exception {
        Path folder = Soundfonts.SEARCH.get(
                Soundfonts.SEARCH.size() - 1); // ~/.local/share/soundfonts: under target/ in tests
        Files.createDirectories(folder);
        Path real = folder.resolve("FluidR3_GM_with_a_long_name.sf2");
        Path link = folder.resolve("default-GM.sf2");
        try {
            Files.write(real, new byte[] {0});
            Files.createSymbolicLink(link, real);
            List<Path> found = Soundfonts.found().stream()
                    .filter(p -> p.startsWith(folder))
                    .toList();
            assertEquals(List.of(real), found, "the link to it is not a second soundfont");
            assertTrue(Soundfonts.sameFile(link, real));
            String name = Soundfonts.shortName(real);
            assertTrue(name.length() <= 20 && name.startsWith("FluidR3 GM"), name);
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(real);
        }
    }
}
