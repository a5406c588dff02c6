package dev.pianogenie.training.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.FeatureEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class CropSamplerTest {
    /** A rising chromatic line from MIDI 20 (off the piano) to 115 (off the piano), one note every 0.1 s. */
    static NoteSequence line(String name, int notes) {
        byte[] pitches = new byte[notes];
        double[] onsets = new double[notes];
        byte[] velocities = new byte[notes];
        for (int i = 0; i < notes; i++) {
            pitches[i] = (byte) (20 + i % 96);
            onsets[i] = 0.1 * i;
            velocities[i] = (byte) (20 + i % 96); // the pitch's number: a crop keeps each note's velocity with its key
        }
        return new NoteSequence(name, Split.TRAIN, pitches, onsets, velocities);
    }

    @Test
    void cropsAreOnThePianoConsecutiveAndAugmentedWithinBounds() {
        CropSampler sampler = new CropSampler(
                List.of(line("a", 400), line("b", 300), line("short", 50)),
                16,
                32,
                7,
                PerformanceSampling.UNIFORM,
                true);
        for (long i = 0; i < 50; i++) {
            NoteBatch b = sampler.batch(i);
            for (int row = 0; row < 16; row++) {
                assertEquals(FeatureEncoding.FIRST_NOTE_DT, b.dtSeconds()[row * 32], "a crop starts a phrase");
                for (int t = 0; t < 32; t++) {
                    int k = b.keys()[row * 32 + t];
                    assertTrue(k >= 0 && k < 88, "key on the piano: " + k);
                    // each note keeps its own velocity (here its untransposed pitch): velocity − key is the row's shift
                    int shift = b.velocities()[row * 32] - b.keys()[row * 32];
                    assertEquals(shift, b.velocities()[row * 32 + t] - k, "velocity travels with its note");
                    assertTrue(shift - 21 >= -5 && shift - 21 <= 6, "shift " + shift);
                    if (t > 0) {
                        float dt = b.dtSeconds()[row * 32 + t];
                        // consecutive kept notes of the line are 0.1 s apart, stretched by [0.95, 1.05]
                        // (or more where notes off the piano were dropped in between)
                        assertTrue(dt >= 0.095f - 1e-6f, "ΔT " + dt);
                        int prev = b.keys()[row * 32 + t - 1];
                        if (dt < 0.106f) {
                            assertEquals(1, Math.floorMod(k - prev, 96) == 1 ? 1 : 0, "the line rises by a semitone");
                        }
                    }
                }
            }
        }
    }

    @Test
    void batchIDependsOnlyOnSeedAndI() {
        List<NoteSequence> data = List.of(line("a", 400), line("b", 300));
        CropSampler one = new CropSampler(data, 8, 16, 3, PerformanceSampling.BY_NOTES, true);
        CropSampler two = new CropSampler(data, 8, 16, 3, PerformanceSampling.BY_NOTES, true);
        two.batch(5); // asking in another order changes nothing
        assertArrayEquals(one.batch(9).keys(), two.batch(9).keys());
        assertArrayEquals(one.batch(9).dtSeconds(), two.batch(9).dtSeconds());
        assertNotEquals(
                java.util.Arrays.toString(one.batch(9).keys()),
                java.util.Arrays.toString(one.batch(10).keys()));
    }

    @Test
    void prefetchingGivesTheSameBatchesInOrderAndAfterAJump() throws Exception {
        CropSampler sampler = new CropSampler(List.of(line("a", 400)), 4, 16, 11, PerformanceSampling.UNIFORM, true);
        try (PrefetchingBatches pre = new PrefetchingBatches(sampler, 3)) {
            for (long i = 0; i < 6; i++) {
                assertArrayEquals(sampler.batch(i).keys(), pre.batch(i).keys());
            }
            assertArrayEquals(sampler.batch(100).keys(), pre.batch(100).keys(), "a resume jumps");
            assertArrayEquals(sampler.batch(101).keys(), pre.batch(101).keys());
        }
    }

    @Test
    void evalWindowsAreConsecutiveNonOverlappingAndDropThePartialOne() {
        NoteSequence s = line("a", 96 + 40); // 96 + 40 notes, of which MIDI 20 and 109..115 are off the piano
        List<NoteBatch> all = EvalWindows.of(List.of(s), 32, EvalWindows.Mode.ALL, 2);
        int onPiano = (int) java.util.stream.IntStream.range(0, s.size())
                .filter(i -> s.pitch(i) >= 21 && s.pitch(i) <= 108)
                .count();
        assertEquals(onPiano / 32, all.stream().mapToInt(NoteBatch::batch).sum());
        assertEquals(0, all.get(0).keys()[0], "MIDI 20 dropped, the first window starts at A0");
        assertEquals(32, all.get(0).keys()[32], "the second window continues where the first ended");
        assertEquals(
                1,
                EvalWindows.of(List.of(s), 32, EvalWindows.Mode.FIRST, 8).get(0).batch());
    }
}
