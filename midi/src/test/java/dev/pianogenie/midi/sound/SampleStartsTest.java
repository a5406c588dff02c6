package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.media.sound.SF2Instrument;
import com.sun.media.sound.SF2InstrumentRegion;
import com.sun.media.sound.SF2Layer;
import com.sun.media.sound.SF2LayerRegion;
import com.sun.media.sound.SF2Region;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import java.nio.file.Path;
import java.util.Optional;
import javax.sound.midi.Patch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A soundfont whose piano sample begins with 10 ms of near-silence: loaded, it starts at its first audible frame. */
class SampleStartsTest {
    static final int RATE = 44_100;
    static final int LEAD = RATE / 100; // 10 ms

    /** One piano (program 0) from one sample: {@code LEAD} frames of hiss at -70 dBFS, then a loud 440 Hz tone. */
    static Path soundfont(Path dir, boolean loopFromStart) throws Exception {
        int frames = RATE / 2;
        byte[] pcm = new byte[frames * 2];
        java.util.SplittableRandom noise = new java.util.SplittableRandom(1);
        for (int i = 0; i < frames; i++) {
            double v = i < LEAD
                    ? (noise.nextDouble() - 0.5) * 2 * 32768 * Math.pow(10, -70 / 20.0)
                    : 0.5 * 32767 * Math.sin(2 * Math.PI * 440 * (i - LEAD) / RATE);
            short s = (short) Math.round(v);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        SF2Soundbank bank = new SF2Soundbank();
        SF2Sample sample = new SF2Sample(bank);
        sample.setName("tone");
        sample.setData(pcm);
        sample.setSampleRate(RATE);
        sample.setOriginalPitch(69);
        sample.setStartLoop(loopFromStart ? 10 : frames - 2000);
        sample.setEndLoop(frames - 100);
        bank.addResource(sample);
        SF2Layer layer = new SF2Layer(bank);
        layer.setName("tone");
        SF2LayerRegion region = new SF2LayerRegion();
        region.setSample(sample);
        region.putShort(SF2Region.GENERATOR_SAMPLEMODES, (short) 1);
        layer.getRegions().add(region);
        bank.addResource(layer);
        SF2Instrument piano = new SF2Instrument(bank);
        piano.setName("piano");
        piano.setPatch(new Patch(0, 0));
        SF2InstrumentRegion presetRegion = new SF2InstrumentRegion();
        presetRegion.setLayer(layer);
        piano.getRegions().add(presetRegion);
        bank.addInstrument(piano);
        Path file = dir.resolve(loopFromStart ? "looped.sf2" : "tone.sf2");
        bank.save(file.toFile());
        return file;
    }

    @Test
    void leadingSilenceIsSkippedAndTheOnsetIsAsQuickAsGervillsOwn(@TempDir Path dir) throws Exception {
        Path sf2 = soundfont(dir, false);
        SF2Soundbank loaded = (SF2Soundbank) Soundfonts.load(sf2);
        SF2LayerRegion region = loaded.getLayers()[0].getRegions().get(0);
        int start = region.getShort(SF2Region.GENERATOR_STARTADDRSOFFSET);
        assertTrue(
                start >= LEAD && start <= LEAD + 2,
                "starts at the tone (its first frame is a zero crossing): " + start);
        OnsetCheck.Onset onset = OnsetCheck.measure(Optional.of(sf2), 12, 1);
        OnsetCheck.Onset gervill = OnsetCheck.measure(Optional.empty(), 12, 1);
        assertEquals(0, onset.silent());
        assertTrue(
                onset.p99Millis() <= gervill.p99Millis() + 0.5,
                "onset p99 " + onset.p99Millis() + " ms, Gervill's own " + gervill.p99Millis()
                        + " ms (untrimmed it would be 10 ms later)");
    }

    @Test
    void aLoopThatStartsInTheLeadInIsLeftAlone(@TempDir Path dir) throws Exception {
        SF2Soundbank loaded = (SF2Soundbank) Soundfonts.load(soundfont(dir, true));
        SF2LayerRegion region = loaded.getLayers()[0].getRegions().get(0);
        assertEquals(0, region.getShort(SF2Region.GENERATOR_STARTADDRSOFFSET), "never past a loop's start");
        assertTrue(
                OnsetCheck.measure(Optional.of(dir.resolve("looped.sf2")), 4, 1).p50Millis() > 9,
                "and so the lead-in is heard");
    }

    /** A stereo pair: left silent for 100 frames, right for 300; both move by 100, or they would drift apart in time. */
    @Test
    void theTwoSamplesOfAStereoPairMoveTogether() {
        SF2Soundbank bank = new SF2Soundbank();
        SF2Layer layer = new SF2Layer(bank);
        for (int lead : new int[] {100, 300}) {
            byte[] pcm = new byte[2 * 4000];
            for (int i = lead; i < 4000; i++) {
                short v = (short) Math.round(16000 * Math.sin(2 * Math.PI * 440 * i / RATE));
                pcm[2 * i] = (byte) v;
                pcm[2 * i + 1] = (byte) (v >> 8);
            }
            SF2Sample sample = new SF2Sample(bank);
            sample.setData(pcm);
            sample.setSampleRate(RATE);
            SF2LayerRegion region = new SF2LayerRegion();
            region.setSample(sample);
            region.putBytes(SF2Region.GENERATOR_KEYRANGE, new byte[] {0, 127});
            region.putShort(SF2Region.GENERATOR_PAN, (short) (lead == 100 ? -500 : 500));
            layer.getRegions().add(region);
        }
        SF2Instrument piano = new SF2Instrument(bank);
        SF2InstrumentRegion presetRegion = new SF2InstrumentRegion();
        presetRegion.setLayer(layer);
        piano.getRegions().add(presetRegion);
        bank.addInstrument(piano);
        assertEquals(2, SampleStarts.trim(bank));
        for (SF2LayerRegion r : layer.getRegions()) {
            assertEquals(100, r.getShort(SF2Region.GENERATOR_STARTADDRSOFFSET));
        }
    }
}
