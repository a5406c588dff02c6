package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.SF2Soundbank;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in synthesizer, rendered offline (no sound card here). */
class BuiltInSynthTest {
    static final double SILENT_DBFS = -60;

    static int firstAbove(float[] mono, double dbfs, int from) {
        double threshold = Math.pow(10, dbfs / 20);
        for (int i = from; i < mono.length; i++) {
            if (Math.abs(mono[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    static double peakDbfs(float[] mono, int from, int to) {
        double peak = 1e-12;
        for (int i = from; i < Math.min(to, mono.length); i++) {
            peak = Math.max(peak, Math.abs(mono[i]));
        }
        return 20 * Math.log10(peak);
    }

    @Test
    void aNoteSoundsWithinAFewMillisecondsOfItsTimeAndStopsAfterItsNoteOff() throws Exception {
        Performance p = new Performance(List.of(new Note(60, 100, 0.5, 1.0)), List.of(), 1.0);
        float[] mono = OfflineRenderer.renderMono(p, Optional.empty(), 1.5);
        double rate = BuiltInSynth.SAMPLE_RATE;
        assertEquals(
                -1,
                firstAbove(mono, SILENT_DBFS, 0) < (int) (0.5 * rate) ? firstAbove(mono, SILENT_DBFS, 0) : -1,
                "silence before the note");
        int onset = firstAbove(mono, SILENT_DBFS, 0);
        double latencyMs = (onset / rate - 0.5) * 1000;
        assertTrue(latencyMs >= 0 && latencyMs < 5, "the note starts " + latencyMs + " ms after its time");
        assertTrue(peakDbfs(mono, (int) (0.55 * rate), (int) (0.95 * rate)) > -30, "it is clearly audible while held");
        // a piano note rings a little after note-off (release envelope); a second later it is gone
        assertTrue(
                peakDbfs(mono, (int) (2.0 * rate), (int) (2.5 * rate)) < SILENT_DBFS, "silent a second after note-off");
    }

    @Test
    void loadsAnSf2SoundfontAndRefusesOthers(@TempDir Path dir) throws Exception {
        // an SF2 file made here: Gervill's own General MIDI set, saved
        AudioSynthesizer synth = (AudioSynthesizer) MidiSystem.getSynthesizer();
        Path sf2 = dir.resolve("gervill.sf2");
        try {
            synth.openStream(null, null);
            Soundbank bank = synth.getDefaultSoundbank();
            ((SF2Soundbank) bank).save(sf2.toFile());
        } finally {
            synth.close();
        }
        Performance p = new Performance(List.of(new Note(64, 90, 0.1, 0.4)), List.of(), 0.4);
        float[] mono = OfflineRenderer.renderMono(p, Optional.of(sf2), 0.5);
        assertTrue(peakDbfs(mono, 0, mono.length) > -30, "the soundfont plays");

        Path notSf2 = dir.resolve("fake.sf2");
        Files.writeString(notSf2, "definitely not RIFF sfbk");
        MidiDeviceException e = assertThrows(MidiDeviceException.class, () -> Soundfonts.load(notSf2));
        assertTrue(e.getMessage().contains("fake.sf2"), e.getMessage());
        assertThrows(MidiDeviceException.class, () -> Soundfonts.load(dir.resolve("missing.sf2")));
        assertTrue(new File(sf2.toString()).length() > 1000);
    }

    @Test
    void writesAWav(@TempDir Path dir) throws Exception {
        Performance p =
                new Performance(List.of(new Note(60, 100, 0.0, 0.3), new Note(67, 100, 0.3, 0.6)), List.of(), 0.6);
        Path wav = dir.resolve("out.wav");
        OfflineRenderer.writeWav(p, Optional.empty(), wav);
        var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile());
        assertEquals(2, in.getFormat().getChannels());
        assertTrue(in.getFrameLength() >= (long) (2.6 * BuiltInSynth.SAMPLE_RATE) - 1);
        in.close();
    }

    @Test
    void withoutASoundCardLivePlayFailsWithAClearSuggestion() {
        // this machine has no sound card: opening the live synthesizer must say what to do instead
        try {
            BuiltInSynth.openLive(Optional.empty()).close();
        } catch (MidiDeviceException e) {
            assertTrue(e.getMessage().contains("MIDI output"), e.getMessage());
        } catch (Exception e) {
            throw new AssertionError("expected a MidiDeviceException, got " + e, e);
        }
    }
}
