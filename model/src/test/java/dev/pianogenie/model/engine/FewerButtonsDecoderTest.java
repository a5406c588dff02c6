package dev.pianogenie.model.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A decoder plays as many buttons as its model's config says: the button values are the n-level grid, the
 * look-ahead batch has one row per button, and a button beyond n is refused. The paper's weights played with 4
 * buttons: their q grid is −1, −1/3, 1/3, 1, so the outer buttons equal the 8-button model's 0 and 7.
 */
class FewerButtonsDecoderTest {
    static final long T0 = 1_000_000_000L;

    @ParameterizedTest
    @EnumSource(DecoderEngine.class)
    void aFourButtonModelPlaysFourButtons(DecoderEngine engine) throws Exception {
        PianoGenieModel eight = ModelFiles.load(SharedData.paperModel());
        PianoGenieModel four =
                new PianoGenieModel(eight.config().withNumButtons(4), eight.decoder(), eight.tensors(), eight.source());
        try (BaseStreamingDecoder d4 = Decoders.open(four, engine, Sampling.greedy());
                BaseStreamingDecoder d8 = Decoders.open(eight, engine, Sampling.greedy())) {
            assertEquals(4, d4.numButtons());
            Lookahead ahead = d4.lookahead(T0);
            assertEquals(4, ahead.numButtons());
            Lookahead ahead8 = d8.lookahead(T0);
            assertEquals(ahead8.key(0), ahead.key(0), "q = −1 on both grids");
            assertEquals(ahead8.key(7), ahead.key(3), "q = +1 on both grids");
            assertEquals(ahead8.probability(7), ahead.probability(3), 1e-5);
            float[] p4 = new float[Keys.NUM_KEYS];
            float[] p8 = new float[Keys.NUM_KEYS];
            for (int b = 0; b < 4; b++) {
                d4.reset();
                assertEquals(
                        ahead.key(b), d4.next(b, T0), "greedy: the look-ahead row is the key button " + b + " gives");
            }
            d4.reset();
            d4.next(3, T0);
            d8.next(7, T0);
            d4.lastProbabilities(p4);
            d8.lastProbabilities(p8);
            assertArrayEquals(p8, p4, 1e-5f);
            // the inner buttons sit between the 8-button grid's values: not any of its rows
            d4.reset();
            d4.next(1, T0);
            d4.lastProbabilities(p4);
            for (int b = 0; b < 8; b++) {
                d8.reset();
                d8.next(b, T0);
                d8.lastProbabilities(p8);
                assertNotSame(p8, p4, b);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d4.next(4, T0 + 1));
            assertEquals("button must be 0..3 (the model has 4 buttons), was 4", e.getMessage());
        }
    }

    private static void assertNotSame(float[] a, float[] b, int button) {
        double diff = 0;
        for (int k = 0; k < a.length; k++) {
            diff = Math.max(diff, Math.abs(a[k] - b[k]));
        }
        if (diff < 1e-4) {
            throw new AssertionError("button 1 of 4 (q = −1/3) plays like button " + button + " of 8");
        }
    }
}
