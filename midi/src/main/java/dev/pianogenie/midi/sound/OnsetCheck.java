package dev.pianogenie.midi.sound;

import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How soon a sound starts: piano notes (program 0) across the keyboard's middle and across velocities, each
 * far from the others, rendered offline through the built-in synthesizer; per note the time from its note-on
 * to the first sample above {@value #THRESHOLD_DBFS} dBFS. The synth's share of press → sound (the sound
 * card's buffer comes on top).
 */
public final class OnsetCheck {
    public static final double THRESHOLD_DBFS = -60;

    private OnsetCheck() {}

    /**
     * Onset percentiles of a sound.
     *
     * @param silent notes that never crossed the threshold within 200 ms (not in the percentiles)
     */
    public record Onset(String sound, int notes, double p50Millis, double p99Millis, double maxMillis, int silent) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "onset p50 %.1f ms, p99 %.1f ms", p50Millis, p99Millis);
        }
    }

    /** {@code notes} notes with seed {@code seed}; the sound as {@link BuiltInSynth} chooses it from {@code soundfont}. */
    public static Onset measure(Optional<Path> soundfont, int notes, long seed) throws MidiDeviceException {
        SplittableRandom random = new SplittableRandom(seed);
        List<Note> list = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            double at = 0.5 + 1.5 * i + random.nextDouble() * 0.001; // anywhere within a control block
            list.add(new Note(48 + random.nextInt(36), 60 + random.nextInt(60), at, at + 0.1));
        }
        Performance p =
                new Performance(list, List.of(), list.get(list.size() - 1).releaseSeconds());
        double[] delays = OfflineRenderer.onsetDelays(p, soundfont, THRESHOLD_DBFS);
        double[] sorted = Arrays.stream(delays)
                .filter(v -> !Double.isNaN(v))
                .map(v -> v * 1e3)
                .sorted()
                .toArray();
        String sound = BuiltInSynth.describe(soundfont);
        if (sorted.length == 0) {
            return new Onset(sound, notes, Double.NaN, Double.NaN, Double.NaN, notes);
        }
        return new Onset(
                sound,
                notes,
                sorted[sorted.length / 2],
                sorted[Math.min(sorted.length - 1, (int) (0.99 * sorted.length))],
                sorted[sorted.length - 1],
                notes - sorted.length);
    }
}
