package dev.pianogenie.model.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.pianogenie.model.Keys;
import org.junit.jupiter.api.Test;

class IqaeTest {
    static final float[] E = {-2f, -1f, -0.9f, -0.5f, 0f, 0.0714285f, 0.5f, 0.99f, 1f, 3f};
    // (e + 1) / 2 · 7 = -3.5 → 0, 0, 0.35 → 0, 1.75 → 2, 3.5 → 4 (half to even), 3.75 → 4, 5.25 → 5, 6.965 → 7, 7, 7
    static final float[] BUTTONS = {0, 0, 0, 2, 4, 4, 5, 7, 7, 7};

    @Test
    void forwardValuesAreTheButtonsValues() {
        Engine engine = dev.pianogenie.model.engine.Engines.pytorch();
        try (NDManager m = engine.newBaseManager()) {
            NDArray e = m.create(E);
            assertArrayEquals(BUTTONS, Iqae.buttons(e, 8).toFloatArray());
            float[] q = Iqae.straightThrough(e, 8).toFloatArray();
            for (int i = 0; i < E.length; i++) {
                assertEquals(Keys.buttonValue((int) BUTTONS[i], 8), q[i], 1e-6, "q for e = " + E[i]);
                assertEquals((int) BUTTONS[i], Iqae.button(E[i], 8), "the plain-Java rule agrees for e = " + E[i]);
            }
        }
    }

    @Test
    void anyButtonCountQuantisesOntoItsOwnGrid() {
        Engine engine = dev.pianogenie.model.engine.Engines.pytorch();
        try (NDManager m = engine.newBaseManager()) {
            // 4 buttons: (e + 1) / 2 · 3 = -1.5 → 0, 0, 0.15 → 0, 0.75 → 1, 1.5 → 2 (half to even), 1.607 → 2, 2.25 →
            // 2, 2.985 → 3, 3, 3
            float[] four = {0, 0, 0, 1, 2, 2, 2, 3, 3, 3};
            NDArray e = m.create(E);
            assertArrayEquals(four, Iqae.buttons(e, 4).toFloatArray());
            float[] q = Iqae.quantize(e, 4).toFloatArray();
            for (int i = 0; i < E.length; i++) {
                assertEquals(Keys.buttonValue((int) four[i], 4), q[i], 1e-6, "q for e = " + E[i]);
                assertEquals((int) four[i], Iqae.button(E[i], 4));
            }
            assertEquals(15, Iqae.button(1f, 16));
            assertEquals(-1f / 3, Keys.buttonValue(1, 4), 1e-6);
            IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalArgumentException.class, () -> Iqae.button(0f, 17));
            assertEquals("the number of buttons must be 2..16, was 17", bad.getMessage());
        }
    }

    @Test
    void straightThroughGradientIsOne() {
        Engine engine = dev.pianogenie.model.engine.Engines.pytorch();
        try (NDManager m = engine.newBaseManager()) {
            NDArray e = m.create(E);
            e.setRequiresGradient(true);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray weights = m.arange(1f, E.length + 1f);
                gc.backward(Iqae.straightThrough(e, 8).mul(weights).sum());
            }
            // d/de Σ w·q_ste = w: the quantiser is invisible to the gradient, even where e is clipped
            assertArrayEquals(
                    m.arange(1f, E.length + 1f).toFloatArray(), e.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
