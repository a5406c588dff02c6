package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pianogenie.model.Scale;
import dev.pianogenie.testkit.SharedData;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code genie decode} as a user runs it: key lists, the published trace, the look-ahead. */
class DecodeCommandTraceTest {

    static GenieRun decode(String... args) {
        return GenieRun.of(args);
    }

    static String randomButtons(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            j.add(Integer.toString(r.nextInt(8)));
        }
        return j.toString();
    }

    @Test
    void scaleAndRangeAreNeverViolated() throws Exception {
        // temperature 1: the sampler roams widely, so a key list that leaked would show
        GenieRun r = decode(
                "decode",
                "--model",
                SharedData.tutorialModel().toString(),
                "--buttons",
                randomButtons(3, 300),
                "--temperature",
                "1",
                "--seed",
                "9",
                "--scale",
                "D:dorian",
                "--range",
                "A2-C6",
                "--json");
        assertEquals(0, r.code(), r.err());
        int distinct = 0;
        boolean[] seen = new boolean[128];
        for (JsonNode midi : r.json().get("midi")) {
            int pitch = midi.asInt();
            assertTrue(pitch >= 45 && pitch <= 84, "within A2-C6: " + pitch);
            assertTrue(Scale.DORIAN.contains(pitch, 2), "in D dorian: " + pitch);
            distinct += seen[pitch] ? 0 : 1;
            seen[pitch] = true;
        }
        assertTrue(distinct >= 8, "the decoder still roams the allowed keys: " + distinct + " distinct pitches");
        assertEquals(300, r.json().get("lookahead").size());
        for (JsonNode next : r.json().get("lookahead")) {
            for (JsonNode key : next) {
                int pitch = key.asInt() + 21;
                assertTrue(
                        pitch >= 45 && pitch <= 84 && Scale.DORIAN.contains(pitch, 2), "the look-ahead too: " + pitch);
            }
        }
    }

    static final String PUBLISHED_BUTTONS = "0,1,2,3,4,5,6,7,7,6,5,4,3,2,1,0";
    /** ../shared/docs/PIANO-GENIE.md: the paper model, greedy, ΔT 0.1 s for every press from a reset. */
    static final String PUBLISHED_KEYS = "[22,23,25,26,28,32,38,44,47,47,47,46,44,40,38,32]";

    @ParameterizedTest
    @ValueSource(strings = {"tensorflow", "pytorch"})
    void thePublishedTraceComesOutOfTheCommandLineWithItsLookahead(String engine) throws Exception {
        GenieRun r = decode(
                "decode",
                "--model",
                SharedData.paperModel().toString(),
                "--buttons",
                PUBLISHED_BUTTONS,
                "--dt",
                "0.1",
                "--temperature",
                "0",
                "--engine",
                engine,
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(PUBLISHED_KEYS, j.get("keys").toString());
        assertLookaheadNamesEveryKey(j, PUBLISHED_BUTTONS);
    }

    @Test
    void theShippedModelsVelocitiesComeBesideTheKeysAlikeOnBothEngines() throws Exception {
        String buttons = randomButtons(7, 40);
        String shipped = java.nio.file.Path.of("..", "assets", "model")
                .toAbsolutePath()
                .normalize()
                .toString();
        GenieRun tf = decode("decode", "--model", shipped, "--buttons", buttons, "--temperature", "0", "--json");
        GenieRun pt = decode(
                "decode",
                "--model",
                shipped,
                "--buttons",
                buttons,
                "--temperature",
                "0",
                "--engine",
                "pytorch",
                "--json");
        assertEquals(0, tf.code(), tf.err());
        assertEquals(0, pt.code(), pt.err());
        JsonNode v = tf.json().get("velocities");
        assertEquals(40, v.size(), tf.out());
        java.util.Set<Integer> distinct = new java.util.HashSet<>();
        for (JsonNode x : v) {
            assertTrue(x.asInt() >= 1 && x.asInt() <= 127, "a MIDI velocity: " + x);
            distinct.add(x.asInt());
        }
        assertTrue(distinct.size() > 3, "the dynamics move: " + v);
        assertEquals(tf.json().get("keys"), pt.json().get("keys"));
        assertEquals(v, pt.json().get("velocities"), "TF and PyTorch predict the same velocities");
        // a model without a velocity output says so: null, not a made-up number
        GenieRun paper =
                decode("decode", "--model", SharedData.paperModel().toString(), "--buttons", buttons, "--json");
        assertTrue(paper.json().get("velocities").isNull(), paper.out());
    }

    @Test
    void withoutDtTheFirstPressStartsAPhraseAsInLivePlay() throws Exception {
        String buttons = randomButtons(5, 24);
        GenieRun plain =
                decode("decode", "--model", SharedData.paperModel().toString(), "--buttons", buttons, "--json");
        GenieRun dts = decode(
                "decode",
                "--model",
                SharedData.paperModel().toString(),
                "--buttons",
                buttons,
                "--dts",
                String.join(",", java.util.Collections.nCopies(23, "0.1")),
                "--json");
        GenieRun dt = decode(
                "decode", "--model", SharedData.paperModel().toString(), "--buttons", buttons, "--dt", "0.1", "--json");
        assertEquals(
                plain.json().get("keys"),
                dts.json().get("keys"),
                "neither = presses 0.1 s apart after a first-note ΔT");
        assertTrue(!plain.json().get("keys").equals(dt.json().get("keys")), "--dt gives the first press 0.1 s too");
        assertLookaheadNamesEveryKey(plain.json(), buttons);
        GenieRun both = decode(
                "decode",
                "--model",
                SharedData.paperModel().toString(),
                "--buttons",
                "0,1",
                "--dt",
                "0.1",
                "--dts",
                "0.2");
        assertEquals(1, both.code());
        assertTrue(both.err().contains("--dt or --dts"), both.err());
        assertTrue(decode("decode", "--help").out().contains("first-note ΔT"), "--help says what the first press gets");
    }

    /** At temperature 0, lookahead[i][buttons[i]] == keys[i]. */
    static void assertLookaheadNamesEveryKey(JsonNode j, String buttons) {
        String[] b = buttons.split(",");
        assertEquals(b.length, j.get("lookahead").size());
        for (int i = 0; i < b.length; i++) {
            JsonNode next = j.get("lookahead").get(i);
            assertEquals(8, next.size());
            assertEquals(
                    j.get("keys").get(i).asInt(),
                    next.get(Integer.parseInt(b[i])).asInt(),
                    "press " + i);
        }
    }

    @Test
    void unknownScalesAndRangesGetOneLineWithTheValidNames() {
        GenieRun scale = decode(
                "decode", "--model", SharedData.tutorialModel().toString(), "--buttons", "0,1", "--scale", "C:lydian");
        assertEquals(1, scale.code());
        assertEquals(1, scale.err().strip().lines().count(), scale.err());
        assertTrue(
                scale.err().contains("unknown scale 'lydian'") && scale.err().contains("natural-minor"), scale.err());
        GenieRun range = decode(
                "decode", "--model", SharedData.tutorialModel().toString(), "--buttons", "0,1", "--range", "A1-H7");
        assertEquals(1, range.code());
        assertTrue(range.err().contains("not a note name: 'H7'"), range.err());
        GenieRun empty = decode(
                "decode",
                "--model",
                SharedData.tutorialModel().toString(),
                "--buttons",
                "0,1",
                "--scale",
                "D:major",
                "--range",
                "C4-C4");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("no key of D major"), empty.err());
    }
}
