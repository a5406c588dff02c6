package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.media.sound.AudioSynthesizer;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.Test;

/** The live pump, with a buffer standing in for the sound card: the tap sees exactly what is played. */
class SynthPumpTest {
    @Test
    void theTapSeesTheRenderedOutputBlockByBlock() throws Exception {
        AudioSynthesizer synth = (AudioSynthesizer) MidiSystem.getSynthesizer();
        AudioInputStream rendered =
                synth.openStream(BuiltInSynth.format(), BuiltInSynth.settings(BuiltInSynth.LIVE_LATENCY_MICROS));
        ByteArrayOutputStream card = new ByteArrayOutputStream();
        List<Double> levels = new ArrayList<>();
        SynthPump[] pump = new SynthPump[1];
        pump[0] = new SynthPump(
                rendered,
                (pcm, n) -> {
                    card.write(pcm, 0, n);
                    if (card.size() > 4 * 44_100) { // one second
                        pump[0].stop();
                    }
                },
                (mono, frames) -> {
                    double sum = 0;
                    for (int i = 0; i < frames; i++) {
                        sum += mono[i] * mono[i];
                    }
                    levels.add(10 * Math.log10(Math.max(1e-12, sum / frames)));
                });
        synth.getReceiver().send(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 110), 200_000); // at 0.2 s
        pump[0].run();
        synth.close();
        assertTrue(card.size() >= 4 * 44_100, "a second of audio went to the card");
        int blocksBefore = (int) (0.2 * 44_100 / SynthPump.BLOCK_FRAMES) - 1;
        for (int b = 0; b < blocksBefore; b++) {
            assertTrue(levels.get(b) < -60, "silence before the note, block " + b + ": " + levels.get(b));
        }
        assertTrue(
                levels.stream().mapToDouble(Double::doubleValue).max().orElse(-200) > -30,
                "the note shows on the meter");
    }
}
