package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.Scale;
import dev.pianogenie.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code genie decode} as a user runs it: key lists, the published trace, the look-ahead. */
class DecodeCommandTraceTest {

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out.strip());
        }
    }

    static Run decode(String... args) {
        CommandLine cli = GenieCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
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
        Run r = decode("decode", "--model", SharedData.tutorialModel().toString(), "--buttons", randomButtons(3, 300),
                "--temperature", "1", "--seed", "9", "--scale", "D:dorian", "--range", "A2-C6", "--json");
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
    }

    @Test
    void unknownScalesAndRangesGetOneLineWithTheValidNames() {
        Run scale = decode("decode", "--model", SharedData.tutorialModel().toString(), "--buttons", "0,1", "--scale", "C:lydian");
        assertEquals(1, scale.code());
        assertEquals(1, scale.err().strip().lines().count(), scale.err());
        assertTrue(scale.err().contains("unknown scale 'lydian'") && scale.err().contains("natural-minor"), scale.err());
        Run range = decode("decode", "--model", SharedData.tutorialModel().toString(), "--buttons", "0,1", "--range", "A1-H7");
        assertEquals(1, range.code());
        assertTrue(range.err().contains("not a note name: 'H7'"), range.err());
        Run empty = decode("decode", "--model", SharedData.tutorialModel().toString(), "--buttons", "0,1",
                "--scale", "D:major", "--range", "C4-C4");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("no key of D major"), empty.err());
    }
}
