package dev.pianogenie.app.perform;

import dev.pianogenie.midi.NoteSink;

/**
 * A note sink that counts: notes on, notes off, and which pitches are sounding now — so a soak run can prove
 * that nothing is left stuck. Called from the performer thread only.
 */
public final class NoteBalance implements NoteSink {
    private final int[] sounding = new int[128];
    private long ons;
    private long offs;
    private volatile long lastNanos;

    @Override
    public void noteOn(int pitch, int velocity, long timeNanos) {
        sounding[pitch]++;
        ons++;
        lastNanos = System.nanoTime();
    }

    @Override
    public void noteOff(int pitch, long timeNanos) {
        if (sounding[pitch] > 0) {
            sounding[pitch]--;
        }
        offs++;
        lastNanos = System.nanoTime();
    }

    @Override
    public void pedal(boolean down, long timeNanos) {}

    @Override
    public void allNotesOff(long timeNanos) {
        java.util.Arrays.fill(sounding, 0);
    }

    public synchronized long notesOn() {
        return ons;
    }

    /** Pitches still sounding. */
    public int stuck() {
        int n = 0;
        for (int s : sounding) {
            n += s;
        }
        return n;
    }

    /** When the last note-on or note-off arrived (System.nanoTime). */
    public long lastNanos() {
        return lastNanos;
    }
}
