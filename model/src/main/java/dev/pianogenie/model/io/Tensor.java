package dev.pianogenie.model.io;

import java.util.Arrays;

/** A named float32 tensor, row-major. The array is not copied: treat it as read-only. */
public record Tensor(String name, int[] shape, float[] data) {
    public Tensor {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " values but " + data.length + " were given");
        }
    }

    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }
}
