package dev.pianogenie.app.ui;

import be.tarsos.dsp.AudioEvent;
import dev.pianogenie.midi.sound.AudioTap;

/**
 * The output level in dBFS, from the synthesizer's rendered blocks (TarsosDSP's RMS), with a peak that holds
 * and falls back slowly, as meters do. Written on the audio thread, read by the UI once per frame.
 */
final class LevelMeter implements AudioTap {
    static final double FLOOR_DBFS = -60;
    private static final double FALL_DB_PER_BLOCK = 0.35;
    private volatile double rmsDbfs = FLOOR_DBFS;
    private volatile double peakDbfs = FLOOR_DBFS;

    @Override
    public void audio(float[] mono, int frames) {
        float[] b = frames == mono.length ? mono : java.util.Arrays.copyOf(mono, frames);
        double rms = AudioEvent.calculateRMS(b);
        double db = Math.max(FLOOR_DBFS, 20 * Math.log10(Math.max(1e-9, rms)));
        rmsDbfs = db;
        peakDbfs = Math.max(db, peakDbfs - FALL_DB_PER_BLOCK);
    }

    double rmsDbfs() {
        return rmsDbfs;
    }

    double peakDbfs() {
        return peakDbfs;
    }

    /** 0..1 for a bar. */
    static double fraction(double dbfs) {
        return (dbfs - FLOOR_DBFS) / -FLOOR_DBFS;
    }
}
