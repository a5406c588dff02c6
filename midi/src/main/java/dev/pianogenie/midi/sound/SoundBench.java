package dev.pianogenie.midi.sound;

import com.sun.media.sound.AudioSynthesizer;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a sound is like to play, measured offline through the built-in synthesizer: whether its timbre follows the
 * touch (the share of energy above {@value #BRIGHT_HZ} Hz, 50–500 ms after the onset, at velocity 64 and 127, for C4
 * and C6), whether its level rises smoothly with velocity (C4's level from 16 to 127, 8 apart, against
 * {@value #CURVE_DB}·log10(v)), how soon it starts ({@link OnsetCheck}), and what loading it costs (time, heap).
 */
public final class SoundBench {
    static final double BRIGHT_HZ = 2000;
    static final double CURVE_DB = 40;
    public static final int C4 = 60;
    public static final int C6 = 84;

    private SoundBench() {}

    /**
     * The figures of one sound.
     *
     * @param levelsDb    C4's RMS level (dBFS, the first 500 ms) at {@link #velocities()}
     * @param worstStepDb the largest amount by which one 8-velocity step of the level exceeds the curve's step
     */
    public record Result(
            String sound,
            double c4Bright64,
            double c4Bright127,
            double c6Bright64,
            double c6Bright127,
            int[] velocities,
            double[] levelsDb,
            double worstStepDb,
            OnsetCheck.Onset onset,
            double heapMb,
            double loadSeconds,
            Load dense) {
        public double c4Gain() {
            return c4Bright127 - c4Bright64;
        }
    }

    /** 16, 24, ... 120, 127. */
    public static int[] velocities() {
        List<Integer> v = new ArrayList<>();
        for (int x = 16; x <= 127; x += 8) {
            v.add(x);
        }
        v.add(127);
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Measures a sound: the chosen soundfont, or the default (which the caller has prepared, or not).
     *
     * @param load loads the sound (the default's build-or-load); timed, with the heap it keeps
     */
    public static Result run(Optional<Path> soundfont, Runnable load) throws MidiDeviceException {
        Runtime rt = Runtime.getRuntime();
        gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        load.run();
        AudioSynthesizer synth = BuiltInSynth.newSynth();
        String sound;
        try {
            BuiltInSynth.openStream(synth);
            sound = BuiltInSynth.loadSounds(synth, soundfont).description(); // sample data reaches the heap here
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            gc();
            long after = rt.totalMemory() - rt.freeMemory();
            double heapMb = (after - before) / 1e6;
            double c4b64 = brightnessDb(soundfont, C4, 64);
            double c4b127 = brightnessDb(soundfont, C4, 127);
            double c6b64 = brightnessDb(soundfont, C6, 64);
            double c6b127 = brightnessDb(soundfont, C6, 127);
            int[] vel = velocities();
            double[] levels = levelsDb(soundfont, C4, vel);
            double worst = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < vel.length; i++) {
                double curveStep = CURVE_DB * Math.log10((double) vel[i] / vel[i - 1]);
                worst = Math.max(worst, levels[i] - levels[i - 1] - curveStep);
            }
            OnsetCheck.Onset onset = OnsetCheck.measure(soundfont, 200, 5);
            Load dense = dense(soundfont, 72);
            return new Result(
                    sound, c4b64, c4b127, c6b64, c6b127, vel, levels, worst, onset, heapMb, loadSeconds, dense);
        } finally {
            synth.close();
        }
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    /** The energy above {@value #BRIGHT_HZ} Hz relative to all of it, dB, 50–500 ms after the onset of one note. */
    public static double brightnessDb(Optional<Path> soundfont, int key, int velocity) throws MidiDeviceException {
        float[] mono = single(soundfont, key, velocity);
        int rate = (int) BuiltInSynth.SAMPLE_RATE;
        int from = (int) (0.55 * rate);
        int to = (int) (1.0 * rate);
        int n = Integer.highestOneBit(to - from) * 2;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = from; i < to; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i - from) / (to - from - 1)); // Hann
            re[i - from] = mono[i] * w;
        }
        fft(re, im);
        double high = 0;
        double all = 0;
        for (int k = 1; k < n / 2; k++) {
            double e = re[k] * re[k] + im[k] * im[k];
            all += e;
            if ((double) k * rate / n >= BRIGHT_HZ) {
                high += e;
            }
        }
        return 10 * Math.log10(Math.max(1e-30, high) / Math.max(1e-30, all));
    }

    /** RMS level of the first 500 ms of a note at each velocity, dBFS. */
    public static double[] levelsDb(Optional<Path> soundfont, int key, int[] velocities) throws MidiDeviceException {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < velocities.length; i++) {
            double at = 0.5 + 3.0 * i;
            notes.add(new Note(key, velocities[i], at, at + 1.0));
        }
        Performance p =
                new Performance(notes, List.of(), notes.get(notes.size() - 1).releaseSeconds());
        float[] mono = OfflineRenderer.renderMono(p, soundfont, 1.0);
        int rate = (int) BuiltInSynth.SAMPLE_RATE;
        double[] levels = new double[velocities.length];
        for (int i = 0; i < velocities.length; i++) {
            int from = (int) (notes.get(i).onsetSeconds() * rate);
            int to = from + rate / 2;
            double sum = 0;
            for (int s = from; s < to; s++) {
                sum += (double) mono[s] * mono[s];
            }
            levels[i] = 10 * Math.log10(Math.max(1e-20, sum / (to - from)));
        }
        return levels;
    }

    private static float[] single(Optional<Path> soundfont, int key, int velocity) throws MidiDeviceException {
        Performance p = new Performance(List.of(new Note(key, velocity, 0.5, 1.5)), List.of(), 1.5);
        return OfflineRenderer.renderMono(p, soundfont, 0.2);
    }

    /** How long the synth takes to render a block of 128 frames with many notes sounding, and how many voices play. */
    public record Load(int notes, int maxVoices, double p50Micros, double p99Micros, double maxMicros) {
        /** The real time a block lasts, µs. */
        public double blockMicros() {
            return 128 / BuiltInSynth.SAMPLE_RATE * 1e6;
        }
    }

    /**
     * Renders {@code notes} notes struck over half a second with the sustain pedal down (MAESTRO's densest passages
     * hold 72 sounding at once), timing each 128-frame block for 3 s.
     */
    public static Load dense(Optional<Path> soundfont, int notes) throws MidiDeviceException {
        AudioSynthesizer synth = BuiltInSynth.newSynth();
        try {
            javax.sound.sampled.AudioInputStream stream = BuiltInSynth.openStream(synth);
            BuiltInSynth.loadSounds(synth, soundfont);
            javax.sound.midi.Receiver r = synth.getReceiver();
            r.send(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0);
            r.send(new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.CONTROL_CHANGE, 0, 64, 127), 0);
            for (int i = 0; i < notes; i++) {
                int key = 24 + i % 72;
                r.send(
                        new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 0, key, 70 + i % 40),
                        100_000 + i * 500_000L / notes);
                r.send(
                        new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 0, key, 0),
                        300_000 + i * 500_000L / notes);
            }
            byte[] block = new byte[128 * 4];
            int blocks = (int) (3.0 * BuiltInSynth.SAMPLE_RATE / 128);
            long[] micros = new long[blocks];
            int maxVoices = 0;
            for (int b = 0; b < blocks; b++) {
                long t = System.nanoTime();
                stream.readNBytes(block, 0, block.length);
                micros[b] = (System.nanoTime() - t) / 1000;
                if (b % 32 == 0) {
                    int active = 0;
                    for (javax.sound.midi.VoiceStatus v : synth.getVoiceStatus()) {
                        active += v.active ? 1 : 0;
                    }
                    maxVoices = Math.max(maxVoices, active);
                }
            }
            long[] steady = java.util.Arrays.copyOfRange(micros, blocks / 4, blocks); // the dense part, past warm-up
            java.util.Arrays.sort(steady);
            return new Load(
                    notes,
                    maxVoices,
                    steady[steady.length / 2],
                    steady[(int) (0.99 * (steady.length - 1))],
                    steady[steady.length - 1]);
        } catch (java.io.IOException
                | javax.sound.midi.InvalidMidiDataException
                | javax.sound.midi.MidiUnavailableException e) {
            throw new MidiDeviceException("the dense render failed: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /** In-place radix-2 FFT; n a power of two. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double a = -2 * Math.PI / len;
            double wr = Math.cos(a);
            double wi = Math.sin(a);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int u = i + k;
                    int v = u + len / 2;
                    double xr = re[v] * cr - im[v] * ci;
                    double xi = re[v] * ci + im[v] * cr;
                    re[v] = re[u] - xr;
                    im[v] = im[u] - xi;
                    re[u] += xr;
                    im[u] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
    }

    /** The figures as lines, the last one JSON. */
    public static List<String> report(Result r) {
        List<String> lines = new ArrayList<>();
        lines.add("sound: " + r.sound());
        lines.add(String.format(
                Locale.ROOT,
                "brightness (energy above 2 kHz, 50-500 ms): C4 %.1f dB at velocity 64, %.1f dB at 127 (%+.1f dB);"
                        + " C6 %.1f / %.1f dB (%+.1f dB)",
                r.c4Bright64(),
                r.c4Bright127(),
                r.c4Gain(),
                r.c6Bright64(),
                r.c6Bright127(),
                r.c6Bright127() - r.c6Bright64()));
        StringBuilder levels = new StringBuilder("C4 level (dBFS, first 500 ms) by velocity:");
        for (int i = 0; i < r.velocities().length; i++) {
            levels.append(String.format(Locale.ROOT, " %d:%.1f", r.velocities()[i], r.levelsDb()[i]));
        }
        lines.add(levels.toString());
        lines.add(String.format(
                Locale.ROOT, "largest step above the 40*log10(v) curve's step: %+.1f dB", r.worstStepDb()));
        lines.add(String.format(
                Locale.ROOT,
                "onset (note-on -> first sample above -60 dBFS, %d notes): p50 %.1f ms, p99 %.1f ms, max %.1f ms%s",
                r.onset().notes(),
                r.onset().p50Millis(),
                r.onset().p99Millis(),
                r.onset().maxMillis(),
                r.onset().silent() > 0 ? ", " + r.onset().silent() + " silent" : ""));
        lines.add(String.format(Locale.ROOT, "load %.2f s, heap after loading +%.0f MB", r.loadSeconds(), r.heapMb()));
        lines.add(String.format(
                Locale.ROOT,
                "%d notes held by the pedal: up to %d voices (of %d); CPU per 128-frame block"
                        + " (%.1f ms of audio): p50 %.0f us, p99 %.0f us, max %.0f us",
                r.dense().notes(),
                r.dense().maxVoices(),
                BuiltInSynth.MAX_POLYPHONY,
                r.dense().blockMicros() / 1e3,
                r.dense().p50Micros(),
                r.dense().p99Micros(),
                r.dense().maxMicros()));
        StringBuilder json = new StringBuilder();
        json.append(String.format(
                Locale.ROOT,
                "{\"sound\":\"%s\",\"c4_bright_64_db\":%.2f,\"c4_bright_127_db\":%.2f,\"c6_bright_64_db\":%.2f,"
                        + "\"c6_bright_127_db\":%.2f,\"c4_levels_db\":{",
                r.sound().replace("\"", "'"),
                r.c4Bright64(),
                r.c4Bright127(),
                r.c6Bright64(),
                r.c6Bright127()));
        for (int i = 0; i < r.velocities().length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append(String.format(Locale.ROOT, "\"%d\":%.2f", r.velocities()[i], r.levelsDb()[i]));
        }
        json.append(String.format(
                Locale.ROOT,
                "},\"worst_step_above_curve_db\":%.2f,\"onset_p50_ms\":%.2f,\"onset_p99_ms\":%.2f,"
                        + "\"heap_mb\":%.0f,\"load_s\":%.2f,\"dense_voices\":%d,\"block_p50_us\":%.0f,\"block_p99_us\":%.0f}",
                r.worstStepDb(),
                r.onset().p50Millis(),
                r.onset().p99Millis(),
                r.heapMb(),
                r.loadSeconds(),
                r.dense().maxVoices(),
                r.dense().p50Micros(),
                r.dense().p99Micros()));
        lines.add(json.toString());
        return lines;
    }
}
