package dev.pianogenie.model.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.KeySampler;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.util.BitSet;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplingTest {
    static PianoGenieModel model;

    @BeforeAll
    static void load() throws Exception {
        model = ModelFiles.load(SharedData.tutorialModel());
    }

    static int[] play(BaseStreamingDecoder d, int presses) {
        int[] keys = new int[presses];
        for (int i = 0; i < presses; i++) {
            keys[i] = d.next(i * 3 % 8, i * 150_000_000L);
        }
        return keys;
    }

    @Test
    void aSeedMakesASessionReplayableExactly() {
        Sampling s = Sampling.of(0.25).withSeed(42);
        try (BaseStreamingDecoder a = Decoders.open(model, DecoderEngine.TENSORFLOW, s);
                BaseStreamingDecoder b = Decoders.open(model, DecoderEngine.TENSORFLOW, s)) {
            int[] first = play(a, 64);
            assertArrayEquals(first, play(b, 64));
            a.reset();
            a.setSampling(s); // the same seed from the start of a new phrase
            assertArrayEquals(first, play(a, 64));
        }
    }

    @Test
    void drawsFollowSoftmaxOverTemperature() {
        // a fixed state's logits, then many draws from them: Pearson's chi-square against softmax(logits / T)
        float[] logits = new float[88];
        try (BaseStreamingDecoder d = Decoders.open(model, DecoderEngine.PYTORCH, Sampling.greedy())) {
            d.stepLogits(
                    3,
                    dev.pianogenie.model.FeatureEncoding.START,
                    dev.pianogenie.model.FeatureEncoding.FIRST_NOTE_DT,
                    logits);
        }
        for (double t : new double[] {0.25, 1.0}) {
            KeySampler sampler = new KeySampler(Sampling.of(t).withSeed(7));
            float[] p = new float[88];
            int n = 200_000;
            int[] counts = new int[88];
            for (int i = 0; i < n; i++) {
                counts[sampler.pick(logits, p)]++;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l / t);
            }
            double z = 0;
            double[] expected = new double[88];
            for (int k = 0; k < 88; k++) {
                expected[k] = Math.exp(logits[k] / t - max);
                z += expected[k];
            }
            double chi2 = 0;
            int bins = 0;
            double pooledExpected = 0;
            double pooledObserved = 0;
            for (int k = 0; k < 88; k++) {
                double e = n * expected[k] / z;
                assertEquals(expected[k] / z, p[k], 1e-5, "the reported probability of key " + k);
                if (e >= 5) {
                    chi2 += (counts[k] - e) * (counts[k] - e) / e;
                    bins++;
                } else {
                    pooledExpected += e;
                    pooledObserved += counts[k];
                }
            }
            if (pooledExpected >= 5) {
                chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
                bins++;
            }
            int dof = bins - 1;
            // 99.9th percentile of chi-square ≈ dof + 3.1·√(2·dof) + 10 for these sizes: fails only on a real mismatch
            double limit = dof + 3.1 * Math.sqrt(2.0 * dof) + 10;
            assertTrue(chi2 < limit, "T = " + t + ": chi² = " + chi2 + " over " + dof + " degrees of freedom");
            assertTrue(dof >= 2, "enough keys carry mass to test the shape at T = " + t);
        }
    }

    @Test
    void allowedKeysAreNeverViolatedAndGreedyPicksTheBestAllowed() {
        BitSet cMajor = new BitSet();
        for (int k = 0; k < 88; k++) {
            int pc = (k + Keys.LOWEST_PITCH) % 12;
            if (pc == 0 || pc == 2 || pc == 4 || pc == 5 || pc == 7 || pc == 9 || pc == 11) {
                cMajor.set(k);
            }
        }
        for (double t : new double[] {0.0, 0.25, 1.0}) {
            try (BaseStreamingDecoder d =
                    Decoders.open(model, DecoderEngine.TENSORFLOW, new Sampling(t, cMajor, OptionalLong.of(3)))) {
                float[] p = new float[88];
                for (int i = 0; i < 500; i++) {
                    int key = d.next(i % 8, i * 120_000_000L);
                    assertTrue(cMajor.get(key), "key " + key + " is outside the allowed set at T = " + t);
                    d.lastProbabilities(p);
                    for (int k = 0; k < 88; k++) {
                        if (!cMajor.get(k)) {
                            assertEquals(0f, p[k], "no probability outside the allowed set");
                        }
                    }
                }
            }
        }
    }

    @Test
    void badInputIsRefusedWithTheValidRange() {
        assertThrows(IllegalArgumentException.class, () -> Sampling.of(1.5));
        assertThrows(IllegalArgumentException.class, () -> Sampling.of(-0.1));
        try (BaseStreamingDecoder d = Decoders.open(model, DecoderEngine.PYTORCH, Sampling.greedy())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.next(8, 0));
            assertTrue(e.getMessage().contains("0..7"), e.getMessage());
            d.next(0, 1_000_000_000L);
            assertThrows(IllegalArgumentException.class, () -> d.next(1, 0), "time must not run backwards");
        }
    }
}
