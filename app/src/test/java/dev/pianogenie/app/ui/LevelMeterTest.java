package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.midi.sound.OfflineRenderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LevelMeterTest {
    @Test
    void aFullScaleSineReadsMinusThreeDbfsAndSilenceTheFloor() {
        LevelMeter m = new LevelMeter();
        float[] sine = new float[256];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) Math.sin(2 * Math.PI * 441 * i / 44_100.0);
        }
        m.audio(sine, sine.length);
        assertEquals(-3.01, m.rmsDbfs(), 0.1, "RMS of a full-scale sine");
        m.audio(new float[256], 256);
        assertEquals(LevelMeter.FLOOR_DBFS, m.rmsDbfs());
        assertTrue(m.peakDbfs() > -4, "the peak holds and falls slowly");
    }

    @Test
    void renderedPianoShowsOnTheMeterWhileItPlays() throws Exception {
        float[] audio = OfflineRenderer.renderMono(
                new Performance(List.of(new Note(60, 110, 0.1, 0.6)), List.of(), 0.6), Optional.empty(), 1.5);
        LevelMeter m = new LevelMeter();
        double loudest = LevelMeter.FLOOR_DBFS;
        for (int from = 0; from + 256 <= audio.length; from += 256) {
            m.audio(java.util.Arrays.copyOfRange(audio, from, from + 256), 256);
            loudest = Math.max(loudest, m.rmsDbfs());
        }
        assertTrue(loudest > -30 && loudest < 0, "a forte middle C: " + loudest + " dBFS");
        assertEquals(LevelMeter.FLOOR_DBFS, m.rmsDbfs(), 1.0, "silent again at the end");
    }
}
