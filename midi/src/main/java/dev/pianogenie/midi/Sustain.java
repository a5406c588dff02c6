package dev.pianogenie.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Note durations as a pianist hears them: a key released while the sustain pedal is down keeps sounding
 * until the pedal comes up — or until the same key is struck again, whichever comes first.
 */
public final class Sustain {
    private Sustain() {}

    /** The notes with releases extended by the pedal; order (onset, pitch) is unchanged. */
    public static List<Note> extend(List<Note> notes, List<PedalEvent> pedal) {
        if (pedal.isEmpty()) {
            return notes;
        }
        // pedal-down intervals [start, end)
        List<double[]> down = new ArrayList<>();
        double start = -1;
        for (PedalEvent e : pedal) {
            if (e.down() && start < 0) {
                start = e.seconds();
            } else if (!e.down() && start >= 0) {
                down.add(new double[] {start, e.seconds()});
                start = -1;
            }
        }
        if (start >= 0) {
            down.add(new double[] {start, Double.POSITIVE_INFINITY});
        }
        double[] starts = new double[down.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = down.get(i)[0];
        }
        // next onset of the same pitch, so a sustained note never overlaps its own re-strike
        double[] nextSamePitch = new double[notes.size()];
        double[] lastOnsetOf = new double[128];
        Arrays.fill(lastOnsetOf, Double.POSITIVE_INFINITY);
        for (int i = notes.size() - 1; i >= 0; i--) {
            Note n = notes.get(i);
            nextSamePitch[i] = lastOnsetOf[n.pitch()];
            lastOnsetOf[n.pitch()] = n.onsetSeconds();
        }
        List<Note> out = new ArrayList<>(notes.size());
        double end = notes.isEmpty()
                ? 0
                : notes.stream().mapToDouble(Note::releaseSeconds).max().orElse(0);
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            double release = n.releaseSeconds();
            int k = Arrays.binarySearch(starts, release);
            if (k < 0) {
                k = -k - 2;
            }
            if (k >= 0 && release >= down.get(k)[0] && release < down.get(k)[1]) {
                double pedalUp = down.get(k)[1];
                if (Double.isInfinite(pedalUp)) {
                    pedalUp = Math.max(end, release);
                }
                release = Math.max(release, Math.min(pedalUp, nextSamePitch[i]));
            }
            out.add(release == n.releaseSeconds() ? n : new Note(n.pitch(), n.velocity(), n.onsetSeconds(), release));
        }
        return out;
    }
}
