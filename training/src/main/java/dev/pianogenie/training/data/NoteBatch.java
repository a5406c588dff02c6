package dev.pianogenie.training.data;

/** A batch of note sequences, row-major [batch][length]: keys 0..87, ΔT seconds and velocities 1..127. */
public record NoteBatch(int batch, int length, int[] keys, float[] dtSeconds, int[] velocities) {
    public NoteBatch {
        if (keys.length != batch * length
                || dtSeconds.length != batch * length
                || velocities.length != batch * length) {
            throw new IllegalArgumentException("a batch of " + batch + " × " + length + " needs " + batch * length
                    + " keys, ΔTs and velocities, got " + keys.length + ", " + dtSeconds.length + " and "
                    + velocities.length);
        }
    }

    /**
     * Notes without known velocities (hand-made melodies, tests of the pitch path): every velocity the phrase-start
     * value, so a velocity output sees a constant; do not score velocities on such a batch.
     */
    public NoteBatch(int batch, int length, int[] keys, float[] dtSeconds) {
        this(batch, length, keys, dtSeconds, constant(keys.length));
    }

    private static int[] constant(int n) {
        int[] v = new int[n];
        java.util.Arrays.fill(v, dev.pianogenie.model.Velocities.PHRASE_START);
        return v;
    }
}
