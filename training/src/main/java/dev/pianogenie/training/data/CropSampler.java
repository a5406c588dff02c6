package dev.pianogenie.training.data;

import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training batches of random crops, as in the paper: each row picks a performance (uniformly, or in
 * proportion to its notes), a transposition in [-6, 6) semitones and a time stretch in [0.95, 1.05]; the
 * performance is transposed, notes that fall off the piano are dropped, and a random run of
 * {@code length} consecutive notes is cut from what remains (performances left shorter are skipped).
 * ΔT is the onset difference (stretched); a crop's first note gets {@link FeatureEncoding#FIRST_NOTE_DT}.
 *
 * <p>Batch {@code i} depends only on (seed, i): the same run resumed at step i sees the same batches.
 */
public final class CropSampler implements BatchSource {
    public static final int TRANSPOSE_MIN = -6;
    public static final int TRANSPOSE_MAX = 6; // exclusive
    public static final double STRETCH_MIN = 0.95;
    public static final double STRETCH_MAX = 1.05;

    private final List<NoteSequence> sequences;
    private final int batch;
    private final int length;
    private final long seed;
    private final PerformanceSampling weighting;
    private final boolean augment;
    private final long[] cumulativeNotes;

    public CropSampler(
            List<NoteSequence> sequences,
            int batch,
            int length,
            long seed,
            PerformanceSampling weighting,
            boolean augment) {
        this.sequences = sequences.stream().filter(s -> s.size() >= length).toList();
        if (this.sequences.isEmpty()) {
            throw new IllegalArgumentException("no performance has " + length + " notes or more: nothing to train on");
        }
        this.batch = batch;
        this.length = length;
        this.seed = seed;
        this.weighting = weighting;
        this.augment = augment;
        this.cumulativeNotes = new long[this.sequences.size()];
        long sum = 0;
        for (int i = 0; i < this.sequences.size(); i++) {
            sum += this.sequences.get(i).size();
            cumulativeNotes[i] = sum;
        }
    }

    @Override
    public NoteBatch batch(long index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        int[] keys = new int[batch * length];
        float[] dts = new float[batch * length];
        int[] velocities = new int[batch * length];
        int[] scratch = new int[0];
        for (int row = 0; row < batch; row++) {
            while (true) {
                NoteSequence s = pick(random);
                int transpose = augment ? random.nextInt(TRANSPOSE_MIN, TRANSPOSE_MAX) : 0;
                double stretch = augment ? STRETCH_MIN + (STRETCH_MAX - STRETCH_MIN) * random.nextDouble() : 1.0;
                if (scratch.length < s.size()) {
                    scratch = new int[s.size()];
                }
                int kept = 0; // indices of the notes that stay on the piano after transposition
                for (int i = 0; i < s.size(); i++) {
                    if (Keys.isOnPiano(s.pitch(i) + transpose)) {
                        scratch[kept++] = i;
                    }
                }
                if (kept < length) {
                    continue;
                }
                int start = random.nextInt(kept - length + 1);
                for (int t = 0; t < length; t++) {
                    int note = scratch[start + t];
                    int at = row * length + t;
                    keys[at] = Keys.keyOrNone(s.pitch(note) + transpose);
                    velocities[at] = s.velocity(note);
                    dts[at] = t == 0
                            ? (float) FeatureEncoding.FIRST_NOTE_DT
                            : (float) ((s.onsets()[note] - s.onsets()[scratch[start + t - 1]]) * stretch);
                }
                break;
            }
        }
        return new NoteBatch(batch, length, keys, dts, velocities);
    }

    private NoteSequence pick(SplittableRandom random) {
        if (weighting == PerformanceSampling.UNIFORM) {
            return sequences.get(random.nextInt(sequences.size()));
        }
        long r = random.nextLong(cumulativeNotes[cumulativeNotes.length - 1]);
        int i = java.util.Arrays.binarySearch(cumulativeNotes, r + 1);
        return sequences.get(i >= 0 ? i : -i - 1);
    }

    /** A well-mixed seed for batch i (SplitMix64 finaliser), so neighbouring batches are independent. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
