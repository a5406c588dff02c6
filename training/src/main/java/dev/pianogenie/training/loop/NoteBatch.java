package dev.pianogenie.training.loop;

/** A batch of note sequences, row-major [batch][length]: keys 0..87 and ΔT seconds. */
public record NoteBatch(int batch, int length, int[] keys, float[] dtSeconds) {
    public NoteBatch {
        if (keys.length != batch * length || dtSeconds.length != batch * length) {
            throw new IllegalArgumentException("a batch of " + batch + " × " + length + " needs " + batch * length
                    + " keys and ΔTs, got " + keys.length + " and " + dtSeconds.length);
        }
    }
}
