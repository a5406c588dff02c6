package dev.pianogenie.training.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.model.Keys;
import dev.pianogenie.training.data.NoteBatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's "Gold" metric: how close the encoder's buttons come to the buttons a person would press for
 * eight familiar melodies. Every melody in 12 transpositions (−6..5 semitones), ΔT 0.256 s (bucket 8) for
 * every note, the first included; per melody and transposition the mean squared difference between the
 * encoder's buttons and the hand-made ones; reported as the mean over all 96.
 *
 * <p>The original compares its 1-based gold buttons with the 0-based encoder buttons; that figure is the
 * one comparable with the paper's table ({@link Result#oneBased}). {@link Result#zeroBased} compares like
 * with like.
 */
public final class GoldMetric {
    public static final double DT_SECONDS = 0.256;
    /** The gold buttons are for an 8-button model: the metric means nothing for another count. */
    public static final int BUTTONS = 8;

    public static final int TRANSPOSE_MIN = -6;
    public static final int TRANSPOSE_MAX = 5;

    /** One melody: MIDI pitches and the gold buttons, 1-based as in the file. */
    public record Melody(String name, int[] pitches, int[] buttonsOneBased) {}

    public record Result(double oneBased, double zeroBased, int sequences) {}

    /** What the metric needs: an encoder that gives buttons 0..7 for a batch of note windows. */
    @FunctionalInterface
    public interface ButtonEncoder {
        int[] buttons(NoteBatch notes);
    }

    private GoldMetric() {}

    /** Where the gold melodies are when this repository sits beside ../shared (the file may not exist). */
    public static Path besideRepository() {
        String home = System.getProperty("genie.home");
        return (home != null ? Path.of(home) : Path.of(""))
                .toAbsolutePath()
                .resolve("../shared/reference/gold-melodies.json")
                .normalize();
    }

    /** Gold melodies are a few KB; anything far bigger is not such a file. */
    static final long MAX_BYTES = 16L << 20;

    /**
     * The melodies of a gold file (read through {@link InputFile}: a named pipe or a device is refused, not waited on).
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static List<Melody> read(Path json) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(InputFile.read(json, MAX_BYTES, "a gold melodies file"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(json + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        JsonNode melodies = root == null ? null : root.get("melodies");
        if (melodies == null || !melodies.isArray() || melodies.isEmpty()) {
            throw new IOException(json + ": expected {\"melodies\": [{\"name\", \"midi_pitches\", \"buttons\"}, ...]}");
        }
        boolean oneBased = root.path("buttons_are_one_based").asBoolean(true);
        List<Melody> out = new ArrayList<>();
        for (JsonNode m : melodies) {
            String name = m.path("name").asText("?");
            int[] pitches = ints(m.get("midi_pitches"), json, name, "midi_pitches", 0, 127);
            int[] buttons =
                    ints(m.get("buttons"), json, name, "buttons", oneBased ? 1 : 0, oneBased ? BUTTONS : BUTTONS - 1);
            if (pitches.length == 0 || pitches.length != buttons.length) {
                throw new IOException(json + ": melody " + name + " needs as many buttons as pitches");
            }
            if (!oneBased) {
                for (int i = 0; i < buttons.length; i++) {
                    buttons[i]++;
                }
            }
            out.add(new Melody(m.path("name").asText("?"), pitches, buttons));
        }
        return out;
    }

    /** A list of whole numbers from {@code min} to {@code max}; anything else is refused by name (was: read as 0). */
    private static int[] ints(JsonNode array, Path json, String melody, String field, int min, int max)
            throws IOException {
        if (array == null || !array.isArray()) {
            return new int[0];
        }
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = array.get(i);
            if (!x.canConvertToExactIntegral() || x.asLong() < min || x.asLong() > max) {
                throw new IOException(json + ": melody " + melody + ": \"" + field + "\" holds " + x
                        + " (whole numbers " + min + " to " + max + ")");
            }
            v[i] = x.asInt();
        }
        return v;
    }

    public static Result compute(List<Melody> melodies, ButtonEncoder encoder) {
        double sumOne = 0;
        double sumZero = 0;
        int n = 0;
        for (Melody m : melodies) {
            for (int t = TRANSPOSE_MIN; t <= TRANSPOSE_MAX; t++) {
                int[] keys = new int[m.pitches().length];
                float[] dts = new float[keys.length];
                boolean onPiano = true;
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = Keys.keyOrNone(m.pitches()[i] + t);
                    onPiano &= keys[i] >= 0;
                    dts[i] = (float) DT_SECONDS;
                }
                if (!onPiano) {
                    continue;
                }
                int[] buttons = encoder.buttons(new NoteBatch(1, keys.length, keys, dts));
                double one = 0;
                double zero = 0;
                for (int i = 0; i < keys.length; i++) {
                    double d1 = buttons[i] - m.buttonsOneBased()[i];
                    double d0 = buttons[i] - (m.buttonsOneBased()[i] - 1);
                    one += d1 * d1;
                    zero += d0 * d0;
                }
                sumOne += one / keys.length;
                sumZero += zero / keys.length;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no gold melody fits on the piano in any of its transpositions");
        }
        return new Result(sumOne / n, sumZero / n, n);
    }
}
