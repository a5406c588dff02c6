package dev.pianogenie.midi.sound.piano;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.media.sound.SF2LayerRegion;
import com.sun.media.sound.SF2Region;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.midi.sound.DefaultSound;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.OfflineRenderer;
import dev.pianogenie.midi.sound.SoundBench;
import dev.pianogenie.midi.sound.Soundfonts;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sampled piano built from real Salamander samples (four, cut short: test resources {@code piano-fixture}),
 * decoded by JOrbis, written and read back by Gervill, rendered offline through Gervill.
 */
class PianoSoundbankTest {
    static Path fixture() throws URISyntaxException {
        return Path.of(PianoSoundbankTest.class.getResource("/piano-fixture").toURI());
    }

    @AfterEach
    void forgetThePiano() {
        DefaultSound.configure(null, null); // other test classes hear Gervill's set, as configured by nobody
    }

    @Test
    void findsTheLayersAndKeysAsTheNpmPackagesLayThemOut() throws Exception {
        PianoSamples s = PianoSamples.in(fixture());
        assertEquals(
                List.of(3, 12),
                s.layers().stream().map(PianoSamples.Layer::number).toList());
        assertEquals(
                List.of(60, 66),
                s.layers().get(0).samples().stream()
                        .map(PianoSamples.Sample::key)
                        .toList());
        assertEquals(21, PianoSamples.key("A", false, 0));
        assertEquals(108, PianoSamples.key("C", false, 8));
        assertEquals(63, PianoSamples.key("D", true, 4));
    }

    @Test
    void theBuiltPianoHasVelocityRangesStereoPairsLinearModulatorsAndTrimmedStarts(@TempDir Path cache)
            throws Exception {
        PianoCache.Entry e = PianoCache.ensure(PianoSamples.in(fixture()), cache, (d, n) -> {}, s -> {});
        Soundbank loaded = Soundfonts.load(e.sf2());
        SF2Soundbank bank = (SF2Soundbank) loaded;
        assertTrue(PianoSoundbankBuilder.isOurs(bank));
        assertEquals(1, bank.getInstruments().length, "only the piano");
        assertTrue(bank.getInstrument(new Patch(0, 0)) != null, "the piano is program 0 of bank 0");

        List<SF2LayerRegion> regions = bank.getLayers()[0].getRegions();
        assertEquals(2 * 2 * 2, regions.size(), "2 keys x 2 layers x 2 channels");
        Set<String> velRanges = new TreeSet<>();
        for (SF2LayerRegion r : regions) {
            byte[] vel = r.getBytes(SF2Region.GENERATOR_VELRANGE);
            velRanges.add(vel[0] + "-" + vel[1]);
            assertEquals(500, Math.abs(r.getShort(SF2Region.GENERATOR_PAN)), "each channel hard to its side");
            // no modulator at all, so none that Gervill misreads (concave/convex as switches) and none that replaces
            // its
            // smooth velocity curve; the level across layers is in the samples themselves
            assertTrue(r.getModulators().isEmpty(), "no modulator");
            assertEquals(0, r.getShort(SF2Region.GENERATOR_INITIALATTENUATION));
        }
        // layers 3 and 12 of 16 stand for velocities 24 and 95: they hand over half way
        assertEquals(Set.of("1-59", "60-127"), velRanges);

        for (SF2Sample s : bank.getSamples()) {
            short[] pcm = pcm(s);
            int peak = 0;
            for (short v : pcm) {
                peak = Math.max(peak, Math.abs(v));
            }
            int attack = 0;
            while (Math.abs(pcm[attack]) < 0.1 * peak) {
                attack++;
            }
            double leadMs = 1000.0 * attack / s.getSampleRate();
            // the attack is found on both channels together: this channel may reach its own a little later than the 1
            // ms lead,
            // never the ~14 ms of room noise the files hold before it
            assertTrue(leadMs <= 2, s.getName() + " starts " + leadMs + " ms before its attack");
            assertTrue(Math.abs(pcm[0]) < 0.01 * peak, s.getName() + " starts from near silence (no click)");
        }
    }

    @Test
    void throughGervillAHarderNoteIsBrighterAndTheLevelHasNoStepWhereTheLayersHandOver(@TempDir Path cache)
            throws Exception {
        DefaultSound.configure(fixture(), cache);
        assertTrue(DefaultSound.prepare((d, n) -> {}, s -> {}).isPresent(), DefaultSound.unavailable());
        double soft = SoundBench.brightnessDb(Optional.empty(), 60, 40);
        double hard = SoundBench.brightnessDb(Optional.empty(), 60, 127);
        assertTrue(
                hard - soft > 6,
                "C4 at velocity 127 is " + (hard - soft) + " dB brighter than at 40 (layer 12 against 3)");
        int[] v = {52, 56, 59, 60, 64, 68};
        double[] level = SoundBench.levelsDb(Optional.empty(), 60, v);
        for (int i = 1; i < v.length; i++) {
            double curve = 40 * Math.log10((double) v[i] / v[i - 1]);
            double step = level[i] - level[i - 1];
            assertTrue(step > 0, "louder from " + v[i - 1] + " to " + v[i]);
            assertTrue(
                    Math.abs(step - curve) < 2,
                    "from velocity " + v[i - 1] + " to " + v[i] + ": " + step + " dB against the curve's " + curve
                            + " dB");
        }
        Performance p = new Performance(List.of(new Note(62, 90, 0.5, 0.9)), List.of(), 0.9);
        double delay = OfflineRenderer.onsetDelays(p, Optional.empty(), -60)[0];
        assertTrue(
                delay >= 0 && delay < 0.005,
                "D4 (C4's sample two semitones up) sounds " + delay * 1e3 + " ms after note-on");
    }

    @Test
    void theCacheIsKeptRebuiltWhenASampleChangesAndRebuiltWhenDamaged(@TempDir Path dir) throws Exception {
        Path samples = copy(fixture(), dir.resolve("samples"));
        Path cache = dir.resolve("cache");
        PianoCache.Entry first = PianoCache.ensure(PianoSamples.in(samples), cache, (d, n) -> {}, s -> {});
        assertTrue(first.built());
        PianoCache.Entry again = PianoCache.ensure(PianoSamples.in(samples), cache, (d, n) -> {}, s -> {});
        assertFalse(again.built(), "kept");
        assertEquals(first.sf2(), again.sf2());

        // a sample changes (another recording under the same name): a new soundbank, the old one removed
        Path f = samples.resolve("piano-velocity3/audio/C4v3.ogg");
        Files.copy(
                samples.resolve("piano-velocity3/audio/F#4v3.ogg"),
                f,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PianoCache.Entry changed = PianoCache.ensure(PianoSamples.in(samples), cache, (d, n) -> {}, s -> {});
        assertTrue(changed.built());
        assertNotEquals(first.key(), changed.key());
        assertFalse(Files.exists(first.sf2()), "the soundbank of the old samples is gone");

        // cut short (a killed build, a full disk): found out, said, built again, and it loads
        long size = Files.size(changed.sf2());
        try (RandomAccessFile raf = new RandomAccessFile(changed.sf2().toFile(), "rw")) {
            raf.setLength(size / 2);
        }
        List<String> said = new ArrayList<>();
        PianoCache.Entry rebuilt = PianoCache.ensure(PianoSamples.in(samples), cache, (d, n) -> {}, said::add);
        assertTrue(rebuilt.built());
        assertEquals(1, said.size());
        assertTrue(said.get(0).contains("damaged"), said.get(0));
        assertEquals(size, Files.size(rebuilt.sf2()));
        // the same length, one byte changed: the CRC finds it
        try (RandomAccessFile raf = new RandomAccessFile(rebuilt.sf2().toFile(), "rw")) {
            raf.seek(size - 100);
            int b = raf.read();
            raf.seek(size - 100);
            raf.write(b ^ 0x55);
        }
        assertTrue(PianoCache.damage(
                        rebuilt.sf2(),
                        rebuilt.sf2().resolveSibling(rebuilt.sf2().getFileName() + PianoCache.CHECK))
                .contains("content"));
        assertTrue(PianoCache.ensure(PianoSamples.in(samples), cache, (d, n) -> {}, s -> {})
                .built());
        assertTrue(Soundfonts.load(rebuilt.sf2()).getInstruments().length == 1);
    }

    @Test
    void withoutSamplesGervillsSetPlaysAndOneLineSaysWhyAndHowToGetThePiano(@TempDir Path dir) throws Exception {
        DefaultSound.configure(dir.resolve("no-such-folder"), dir.resolve("cache"));
        assertTrue(DefaultSound.prepare((d, n) -> {}, s -> {}).isEmpty());
        String line = DefaultSound.unavailable();
        assertFalse(line.contains("\n"));
        assertTrue(line.contains("Gervill") && line.contains("not installed") && line.contains("npm"), line);
        Path wav = dir.resolve("take.wav");
        Performance p = new Performance(List.of(new Note(60, 90, 0.1, 0.3)), List.of(), 0.3);
        assertTrue(
                OfflineRenderer.writeWav(p, Optional.empty(), wav, false)
                        .sound()
                        .contains("Gervill"),
                "the render says which sound it used");
    }

    @Test
    void aDamagedSampleIsSaidByName(@TempDir Path dir) throws Exception {
        Path samples = copy(fixture(), dir.resolve("samples"));
        Files.write(samples.resolve("piano-velocity12/audio/C4v12.ogg"), new byte[] {1, 2, 3});
        PianoUnavailableException e = assertThrows(
                PianoUnavailableException.class,
                () -> PianoCache.ensure(PianoSamples.in(samples), dir.resolve("cache"), (d, n) -> {}, s -> {}));
        assertTrue(e.getMessage().contains("C4v12.ogg") && e.getMessage().contains("not an Ogg file"), e.getMessage());
    }

    @Test
    void anSf3IsRefusedByItsContentEvenNamedSf2(@TempDir Path dir) throws Exception {
        PianoCache.Entry e = PianoCache.ensure(PianoSamples.in(fixture()), dir.resolve("cache"), (d, n) -> {}, s -> {});
        byte[] bytes = Files.readAllBytes(e.sf2());
        int ifil = new String(bytes, 0, 64, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("ifil");
        bytes[ifil + 8] = 3; // SoundFont 3: Ogg-compressed samples
        Path sf3 = dir.resolve("MuseScore_General.sf2");
        Files.write(sf3, bytes);
        MidiDeviceException x = assertThrows(MidiDeviceException.class, () -> Soundfonts.load(sf3));
        assertTrue(x.getMessage().contains("SF3") && !x.getMessage().contains("\n"), x.getMessage());
    }

    private static short[] pcm(SF2Sample s) throws IOException {
        byte[] b;
        try (InputStream in = s.getDataBuffer().getInputStream()) {
            b = in.readAllBytes();
        }
        short[] out = new short[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
        }
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }
}
