package dev.pianogenie.model.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PianoGenieLossTest {
    @Test
    void termsMatchHandComputedValues() {
        try (NDManager m = dev.pianogenie.model.engine.Engines.pytorch().newBaseManager()) {
            // one sequence of 3 notes: keys 10, 12, 11; encoder outputs 0.5, 1.5, -0.2
            NDArray keys = m.create(new int[] {10, 12, 11}, new Shape(1, 3));
            NDArray e = m.create(new float[] {0.5f, 1.5f, -0.2f}, new Shape(1, 3));
            // logits: all zero except logit 2 at the true key → CE = -(2 - ln(87 + e²)) for every note
            float[] l = new float[3 * 88];
            l[10] = 2f;
            l[88 + 12] = 2f;
            l[176 + 11] = 2f;
            NDArray logits = m.create(l, new Shape(1, 3, 88));
            PianoGenieLoss.Terms t = new PianoGenieLoss(1.0, 1.0).compute(e, logits, keys);
            double ce = Math.log(87 + Math.exp(2)) - 2;
            // margin: only |1.5| > 1 → (0.5)² / 3
            double margin = 0.25 / 3;
            // contour: Δk = 2, -1; Δe = 1.0, -1.7 → 1 - 2 = -1 → 0; 1 - 1.7 = -0.7 → 0; mean 0
            double contour = 0;
            assertEquals(ce, t.reconstruction().getFloat(), 1e-5);
            assertEquals(margin, t.margin().getFloat(), 1e-6);
            assertEquals(contour, t.contour().getFloat(), 1e-6);
            assertEquals(ce + margin + contour, t.total().getFloat(), 1e-5);

            // a contour violation: e goes down while the key goes up
            NDArray e2 = m.create(new float[] {0.5f, 0.2f, 0.3f}, new Shape(1, 3));
            PianoGenieLoss.Terms t2 = new PianoGenieLoss(0.0, 2.0).compute(e2, logits, keys);
            // pairs: Δk 2, Δe -0.3 → (1 + 0.6)² = 2.56; Δk -1, Δe 0.1 → (1 + 0.1)² = 1.21; mean 1.885
            assertEquals(1.885, t2.contour().getFloat(), 1e-5);
            assertEquals(ce + 2 * 1.885, t2.total().getFloat(), 1e-4);
        }
    }
}
