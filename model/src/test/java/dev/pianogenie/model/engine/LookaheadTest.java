package dev.pianogenie.model.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.Scale;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The look-ahead (what each button would play next) against the decoder itself, on both engines and both
 * feature encodings: greedy, it is exactly the key {@code next} gives; it leaves the state bit-identical.
 */
class LookaheadTest {
    static final int PRESSES = 20;

    static Stream<Arguments> cases() {
        return Stream.of(DecoderEngine.values())
                .flatMap(e -> Stream.of(
                        Arguments.of(e, "paper", SharedData.paperModel()),
                        Arguments.of(e, "tutorial", SharedData.tutorialModel())));
    }

    /** A phrase: buttons and press times (irregular gaps, some long, some very short). */
    record Phrase(int[] buttons, long[] nanos) {
        static Phrase random(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            int[] b = new int[PRESSES];
            long[] t = new long[PRESSES];
            long clock = 5_000_000_000L;
            for (int i = 0; i < PRESSES; i++) {
                b[i] = r.nextInt(Keys.DEFAULT_BUTTONS);
                clock += r.nextInt(4) == 0 ? r.nextLong(2_000_000_000L) : r.nextLong(300_000_000L);
                t[i] = clock;
            }
            return new Phrase(b, t);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void greedyLookaheadIsExactlyTheKeyEachButtonGives(DecoderEngine engine, String name, Path dir) throws Exception {
        PianoGenieModel model = ModelFiles.load(dir);
        Phrase phrase = Phrase.random(11);
        int presses = engine == DecoderEngine.PYTORCH
                ? 5
                : 12; // each check replays the phrase: quadratic; PyTorch steps cost more
        try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy());
                BaseStreamingDecoder replay = Decoders.open(model, engine, Sampling.greedy())) {
            float[] replayed = new float[Keys.NUM_KEYS];
            for (int i = 0; i <= presses; i++) {
                long at = i < presses ? phrase.nanos[i] : phrase.nanos[i - 1] + 250_000_000L;
                Lookahead next = d.lookahead(at);
                for (int b = 0; b < Keys.DEFAULT_BUTTONS; b++) {
                    // the same phrase replayed from a reset, then button b pressed at that time
                    replay.reset();
                    for (int j = 0; j < i; j++) {
                        replay.next(phrase.buttons[j], phrase.nanos[j]);
                    }
                    assertEquals(replay.next(b, at), next.key(b), name + " press " + i + " button " + b);
                    replay.lastProbabilities(replayed);
                    assertEquals(
                            replayed[next.key(b)], next.probability(b), 1e-5, "the greedy key's (T = 1) probability");
                }
                if (i < presses) {
                    d.next(phrase.buttons[i], phrase.nanos[i]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theStateIsBitIdenticalAfterALookaheadAndSoIsEveryDraw(DecoderEngine engine, String name, Path dir)
            throws Exception {
        PianoGenieModel model = ModelFiles.load(dir);
        Phrase phrase = Phrase.random(12);
        Sampling sampling = Sampling.of(0.5).withSeed(3);
        try (BaseStreamingDecoder looking = Decoders.open(model, engine, sampling);
                BaseStreamingDecoder plain = Decoders.open(model, engine, sampling)) {
            float[] a = new float[Keys.NUM_KEYS];
            float[] b = new float[Keys.NUM_KEYS];
            for (int i = 0; i < PRESSES; i++) {
                float[] before = looking.stateSnapshot();
                looking.lookahead(phrase.nanos[i]);
                looking.lookahead(phrase.nanos[i] + 1_000_000_000L);
                assertArrayEquals(before, looking.stateSnapshot(), "the LSTM state, bit for bit, at press " + i);
                // the previous key and time, the sampler's random stream, the shown probabilities: all untouched
                looking.lastProbabilities(a);
                plain.lastProbabilities(b);
                assertArrayEquals(b, a);
                assertEquals(
                        plain.next(phrase.buttons[i], phrase.nanos[i]),
                        looking.next(phrase.buttons[i], phrase.nanos[i]),
                        name + " press " + i);
            }
            assertArrayEquals(plain.stateSnapshot(), looking.stateSnapshot());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void underSamplingItIsTheLikeliestAllowedKeyWithItsProbability(DecoderEngine engine, String name, Path dir)
            throws Exception {
        PianoGenieModel model = ModelFiles.load(dir);
        BitSet cMajor = Scale.MAJOR.keys(0, 48, 84);
        Sampling sampling = Sampling.of(0.25).withAllowedKeys(cMajor).withSeed(5);
        Phrase phrase = Phrase.random(13);
        try (BaseStreamingDecoder d = Decoders.open(model, engine, sampling)) {
            float[] p = new float[Keys.NUM_KEYS];
            for (int i = 0; i < PRESSES; i++) {
                Lookahead next = d.lookahead(phrase.nanos[i]);
                for (int b = 0; b < Keys.DEFAULT_BUTTONS; b++) {
                    assertTrue(cMajor.get(next.key(b)), "in the key list: " + next.key(b));
                }
                // the distribution the pressed button's key is drawn from (softmax(logits / T) over the key list)
                d.next(phrase.buttons[i], phrase.nanos[i]);
                d.lastProbabilities(p);
                int mode = 0;
                for (int k = 1; k < Keys.NUM_KEYS; k++) {
                    mode = p[k] > p[mode] ? k : mode;
                }
                assertEquals(mode, next.key(phrase.buttons[i]), "the likeliest key of the pressed button, press " + i);
                assertEquals(p[mode], next.probability(phrase.buttons[i]), 1e-5);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void anOverriddenDeltaTimeAppliesToTheFirstPressAndOnlyOnce(DecoderEngine engine, String name, Path dir)
            throws Exception {
        PianoGenieModel model = ModelFiles.load(dir);
        float[] logits = new float[Keys.NUM_KEYS];
        try (BaseStreamingDecoder d = Decoders.open(model, engine, Sampling.greedy());
                BaseStreamingDecoder forced = Decoders.open(model, engine, Sampling.greedy())) {
            d.overrideDeltaTime(0.1);
            Lookahead next = d.lookahead(0);
            int first = d.next(3, 0);
            forced.stepLogits(3, dev.pianogenie.model.FeatureEncoding.START, 0.1, logits);
            int expected = argmax(logits);
            assertEquals(expected, first, "the first press got ΔT 0.1 s, not the first-note ΔT");
            assertEquals(expected, next.key(3), "and so did the look-ahead");
            int second = d.next(5, 2_000_000_000L); // measured: 2 s
            forced.stepLogits(5, first, 2.0, logits);
            assertEquals(argmax(logits), second, "the override is used up by one press");
            assertThrows(IllegalArgumentException.class, () -> d.overrideDeltaTime(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> d.overrideDeltaTime(-1));
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            best = v[k] > v[best] ? k : best;
        }
        return best;
    }
}
