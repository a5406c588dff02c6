package dev.pianogenie.training.data;

import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation windows, no augmentation: every performance cut into consecutive non-overlapping windows of
 * {@code length} notes (the last partial window dropped), or only its first window; each window starts from
 * a zero state with {@link FeatureEncoding#FIRST_NOTE_DT}. Notes off the piano are dropped first.
 */
public final class EvalWindows {
    /** Which windows of each performance. */
    public enum Mode {
        ALL,
        FIRST
    }

    private EvalWindows() {}

    /** The windows, packed into batches of up to {@code batchSize} windows. */
    public static List<NoteBatch> of(List<NoteSequence> sequences, int length, Mode mode, int batchSize) {
        List<int[]> keyWindows = new ArrayList<>();
        List<float[]> dtWindows = new ArrayList<>();
        List<int[]> velocityWindows = new ArrayList<>();
        for (NoteSequence s : sequences) {
            int[] onPiano = new int[s.size()];
            int kept = 0;
            for (int i = 0; i < s.size(); i++) {
                if (Keys.isOnPiano(s.pitch(i))) {
                    onPiano[kept++] = i;
                }
            }
            int windows = mode == Mode.FIRST ? Math.min(1, kept / length) : kept / length;
            for (int w = 0; w < windows; w++) {
                int[] keys = new int[length];
                float[] dts = new float[length];
                int[] velocities = new int[length];
                for (int t = 0; t < length; t++) {
                    int note = onPiano[w * length + t];
                    keys[t] = Keys.keyOrNone(s.pitch(note));
                    velocities[t] = s.velocity(note);
                    dts[t] = t == 0
                            ? (float) FeatureEncoding.FIRST_NOTE_DT
                            : (float) (s.onsets()[note] - s.onsets()[onPiano[w * length + t - 1]]);
                }
                keyWindows.add(keys);
                dtWindows.add(dts);
                velocityWindows.add(velocities);
            }
        }
        List<NoteBatch> batches = new ArrayList<>();
        for (int from = 0; from < keyWindows.size(); from += batchSize) {
            int n = Math.min(batchSize, keyWindows.size() - from);
            int[] keys = new int[n * length];
            float[] dts = new float[n * length];
            int[] velocities = new int[n * length];
            for (int w = 0; w < n; w++) {
                System.arraycopy(keyWindows.get(from + w), 0, keys, w * length, length);
                System.arraycopy(dtWindows.get(from + w), 0, dts, w * length, length);
                System.arraycopy(velocityWindows.get(from + w), 0, velocities, w * length, length);
            }
            batches.add(new NoteBatch(n, length, keys, dts, velocities));
        }
        return batches;
    }

    /** An evenly spread subset of at most {@code max} windows (every k-th), for quick validation during training. */
    public static List<NoteBatch> spread(List<NoteBatch> batches, int max, int batchSize) {
        List<int[]> keys = new ArrayList<>();
        List<float[]> dts = new ArrayList<>();
        List<int[]> vels = new ArrayList<>();
        int length = batches.isEmpty() ? 0 : batches.get(0).length();
        for (NoteBatch b : batches) {
            for (int w = 0; w < b.batch(); w++) {
                keys.add(java.util.Arrays.copyOfRange(b.keys(), w * length, (w + 1) * length));
                dts.add(java.util.Arrays.copyOfRange(b.dtSeconds(), w * length, (w + 1) * length));
                vels.add(java.util.Arrays.copyOfRange(b.velocities(), w * length, (w + 1) * length));
            }
        }
        if (keys.size() <= max) {
            return batches;
        }
        List<NoteBatch> out = new ArrayList<>();
        double step = (double) keys.size() / max;
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            chosen.add((int) (i * step));
        }
        for (int from = 0; from < chosen.size(); from += batchSize) {
            int n = Math.min(batchSize, chosen.size() - from);
            int[] k = new int[n * length];
            float[] d = new float[n * length];
            int[] v = new int[n * length];
            for (int w = 0; w < n; w++) {
                System.arraycopy(keys.get(chosen.get(from + w)), 0, k, w * length, length);
                System.arraycopy(dts.get(chosen.get(from + w)), 0, d, w * length, length);
                System.arraycopy(vels.get(chosen.get(from + w)), 0, v, w * length, length);
            }
            out.add(new NoteBatch(n, length, k, d, v));
        }
        return out;
    }
}
