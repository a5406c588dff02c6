package dev.pianogenie.midi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A note sink that records what is played — note-ons, note-offs and pedal, with their timestamps — and
 * gives it back as a {@link Performance} or saves it as a MIDI file. Time zero is the first event (or the
 * start time given). Notes still sounding when the recording is taken end at the last event.
 *
 * <p>Recording costs a few array writes per event and takes no lock: a recorder has one writer. Another
 * thread (an autosave) gets a {@link #copy()} made on the writer's thread, or reads once the writer has stopped.
 */
public final class MidiRecorder implements NoteSink {
    private static final int NOTE_ON = 0;
    private static final int NOTE_OFF = 1;
    private static final int PEDAL = 2;
    private static final int ALL_OFF = 3;

    private long[] times = new long[4096];
    private int[] kinds = new int[4096];
    private int[] data1 = new int[4096];
    private int[] data2 = new int[4096];
    private int count;
    private long startNanos;
    private boolean started;

    public MidiRecorder() {}

    /** Recording whose time zero is {@code startNanos} rather than the first event. */
    public MidiRecorder(long startNanos) {
        this.startNanos = startNanos;
        this.started = true;
    }

    @Override
    public void noteOn(int pitch, int velocity, long timeNanos) {
        add(NOTE_ON, pitch, velocity, timeNanos);
    }

    @Override
    public void noteOff(int pitch, long timeNanos) {
        add(NOTE_OFF, pitch, 0, timeNanos);
    }

    @Override
    public void pedal(boolean down, long timeNanos) {
        add(PEDAL, down ? Midi.MAX_DATA : 0, 0, timeNanos);
    }

    @Override
    public void allNotesOff(long timeNanos) {
        add(ALL_OFF, 0, 0, timeNanos);
    }

    private void add(int kind, int d1, int d2, long t) {
        if (!started) {
            startNanos = t;
            started = true;
        }
        if (count == times.length) {
            int n = count * 2;
            times = Arrays.copyOf(times, n);
            kinds = Arrays.copyOf(kinds, n);
            data1 = Arrays.copyOf(data1, n);
            data2 = Arrays.copyOf(data2, n);
        }
        times[count] = t;
        kinds[count] = kind;
        data1[count] = d1;
        data2[count] = d2;
        count++;
    }

    public int events() {
        return count;
    }

    public void clear() {
        count = 0;
        started = false;
    }

    /** A copy of what has been recorded so far (a few array copies: cheap enough for the writer's thread). */
    public MidiRecorder copy() {
        MidiRecorder c = new MidiRecorder();
        int n = Math.max(count, 16);
        c.times = Arrays.copyOf(times, n);
        c.kinds = Arrays.copyOf(kinds, n);
        c.data1 = Arrays.copyOf(data1, n);
        c.data2 = Arrays.copyOf(data2, n);
        c.count = count;
        c.startNanos = startNanos;
        c.started = started;
        return c;
    }

    /** What has been recorded so far. */
    public Performance performance() {
        int n = count;
        long[] t = times;
        int[] k = kinds;
        int[] a = data1;
        int[] b = data2;
        long start = startNanos;
        List<Note> notes = new ArrayList<>();
        List<PedalEvent> pedal = new ArrayList<>();
        double[] onset = new double[128];
        int[] velocity = new int[128];
        Arrays.fill(onset, -1);
        double end = 0;
        for (int i = 0; i < n; i++) {
            double s = Math.max(0, (t[i] - start) / 1e9);
            end = Math.max(end, s);
            switch (k[i]) {
                case NOTE_ON -> {
                    if (onset[a[i]] >= 0) {
                        notes.add(new Note(a[i], velocity[a[i]], onset[a[i]], s)); // re-struck
                    }
                    onset[a[i]] = s;
                    velocity[a[i]] = Math.max(1, b[i]);
                }
                case NOTE_OFF -> {
                    if (onset[a[i]] >= 0) {
                        notes.add(new Note(a[i], velocity[a[i]], onset[a[i]], s));
                        onset[a[i]] = -1;
                    }
                }
                case PEDAL -> pedal.add(new PedalEvent(s, a[i]));
                default -> {
                    for (int p = 0; p < 128; p++) {
                        if (onset[p] >= 0) {
                            notes.add(new Note(p, velocity[p], onset[p], s));
                            onset[p] = -1;
                        }
                    }
                    if (!pedal.isEmpty() && pedal.get(pedal.size() - 1).down()) {
                        pedal.add(new PedalEvent(s, 0));
                    }
                }
            }
        }
        for (int p = 0; p < 128; p++) {
            if (onset[p] >= 0) {
                notes.add(new Note(p, velocity[p], onset[p], end));
            }
        }
        notes.sort(Performance.ORDER);
        return new Performance(notes, pedal, end);
    }

    /** Saves the recording as a type-1 MIDI file, atomically. */
    public void save(Path file) throws MidiFileException {
        MidiFileWriter.write(performance(), file);
    }
}
