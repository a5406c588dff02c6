package dev.pianogenie.midi.sound.piano;

import com.sun.media.sound.SF2Instrument;
import com.sun.media.sound.SF2InstrumentRegion;
import com.sun.media.sound.SF2Layer;
import com.sun.media.sound.SF2LayerRegion;
import com.sun.media.sound.SF2Region;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.midi.Patch;

/**
 * Builds the sampled concert grand — Gervill's SF2 model, written with its own {@code SF2Soundbank} API — from the
 * Salamander layers. What the synthesizer would otherwise get wrong is settled here, once:
 * <ul>
 * <li><b>Timbre follows the touch</b>: each layer plays a velocity range around its place in Salamander's 16 (a
 *     harder-struck layer is brighter, not just louder).</li>
 * <li><b>Level follows Gervill's own velocity curve</b> (≈ 40·log10(v)) without a step where one layer hands over:
 *     each sample is scaled to the measured level of its key's loudest layer, so a layer change changes only the
 *     timbre. No velocity → attenuation modulator: Gervill reads concave and convex ones as switches.</li>
 * <li><b>No modulators at all</b>: Gervill's soft-note low-pass (up to −2400 cents below velocity 64) was measured
 *     not to dull these layers (C4 and C6 brightness at velocities 30, 50 and 63 within 0.1 dB with and without a modulator
 *     cancelling it), so none cancels it; and Gervill's SF2 writer and reader disagree on which zone a modulator
 *     belongs to (read back, each lands one zone off), so a built file could not carry one reliably anyway.</li>
 * <li><b>Onset</b>: each sample starts {@value #LEAD_SECONDS} s before its attack (the first frame at a tenth of its
 *     peak): Salamander's files hold ~15 ms of room and hammer noise before it, which would be latency.</li>
 * <li><b>Memory</b>: stereo 16-bit at the recording's 48 kHz, each sample cut (with a fade) at a length that falls
 *     from {@value #LONGEST_SECONDS} s at A0 to {@value #SHORTEST_SECONDS} s at C8 — the bass rings longest.</li>
 * </ul>
 */
public final class PianoSoundbankBuilder {
    /** Part of the cache key: bump when anything here changes what is built. */
    public static final int VERSION = 2;

    public static final String INSTRUMENT_NAME = "Salamander Grand Piano";
    static final double LEAD_SECONDS = 0.001;
    static final double ATTACK_OF_PEAK = 0.1;
    static final double LEVEL_WINDOW_SECONDS = 0.4;
    static final double LONGEST_SECONDS = 7;
    static final double SHORTEST_SECONDS = 2.5;
    static final double FADE_OUT_SECONDS = 1.0;
    /** The loudest sample peak after levelling, dBFS. */
    static final double MAX_PEAK_DBFS = -0.5;

    static final String DESCRIPTION_START = "Piano Genie sampled piano, builder version ";
    /** Damper release: the volume envelope's release time, timecents (1200·log2 s): 0.35 s. */
    static final short RELEASE_TIMECENTS = (short) Math.round(1200 * Math.log(0.35) / Math.log(2));

    /** Told as the samples decode. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total);
    }

    private PianoSoundbankBuilder() {}

    /** One decoded, trimmed sample ready for the soundbank, with its measured level. */
    record Prepared(int layer, int key, float[] left, float[] right, int sampleRate, double levelDb, double peakDb) {}

    /**
     * Decodes every sample of {@code samples} and builds the soundbank.
     *
     * @param threads decoding threads: all cores when nothing else waits, one fewer while the window plays
     * @throws PianoUnavailableException if a sample cannot be decoded (naming it)
     */
    public static SF2Soundbank build(PianoSamples samples, Progress progress, int threads)
            throws PianoUnavailableException {
        List<PianoSamples.Sample> all = new ArrayList<>();
        List<Integer> layerOf = new ArrayList<>();
        for (PianoSamples.Layer layer : samples.layers()) {
            for (PianoSamples.Sample s : layer.samples()) {
                all.add(s);
                layerOf.add(layer.number());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "piano-decode");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // the window and any playing go first
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        List<Future<Prepared>> futures = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PianoSamples.Sample s = all.get(i);
            int layer = layerOf.get(i);
            futures.add(pool.submit(() -> {
                Prepared p = prepare(layer, s.key(), OggVorbis.decode(s.file()));
                progress.step(done.incrementAndGet(), all.size());
                return p;
            }));
        }
        List<Prepared> prepared = new ArrayList<>();
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    prepared.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new PianoUnavailableException(
                            "piano sample " + all.get(i).file() + " cannot be decoded: "
                                    + (cause instanceof IOException ? cause.getMessage() : String.valueOf(cause)),
                            cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PianoUnavailableException("building the piano was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return assemble(prepared);
    }

    /** Trims, caps, measures and converts one decoded sample. */
    static Prepared prepare(int layer, int key, OggVorbis.Pcm pcm) {
        float[] l = pcm.channels()[0];
        float[] r = pcm.channels().length > 1 ? pcm.channels()[1] : l;
        int rate = pcm.sampleRate();
        float peak = 0;
        for (int i = 0; i < l.length; i++) {
            peak = Math.max(peak, Math.max(Math.abs(l[i]), Math.abs(r[i])));
        }
        int attack = 0;
        while (attack < l.length - 1 && Math.max(Math.abs(l[attack]), Math.abs(r[attack])) < ATTACK_OF_PEAK * peak) {
            attack++;
        }
        int lead = (int) Math.round(LEAD_SECONDS * rate);
        int start = Math.max(0, attack - lead);
        int cap = (int) Math.round(capSeconds(key) * rate);
        int end = Math.min(l.length, start + cap);
        int frames = end - start;
        double sum = 0;
        int window = Math.min(end, attack + (int) (LEVEL_WINDOW_SECONDS * rate));
        for (int i = attack; i < window; i++) {
            double mid = (l[i] + r[i]) / 2.0;
            sum += mid * mid;
        }
        double levelDb = 10 * Math.log10(Math.max(1e-12, sum / Math.max(1, window - attack)));
        int fadeOut = end < l.length ? Math.min(frames / 4, (int) (FADE_OUT_SECONDS * rate)) : 0;
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (int i = 0; i < frames; i++) {
            double gain = 1;
            if (i < attack - start) { // the lead-in rises from nothing: no click where the cut is
                gain = (double) i / (attack - start);
            }
            if (i >= frames - fadeOut) {
                double x = (double) (frames - i) / fadeOut;
                gain *= x * x;
            }
            left[i] = (float) (l[start + i] * gain);
            right[i] = (float) (r[start + i] * gain);
        }
        return new Prepared(layer, key, left, right, rate, levelDb, 20 * Math.log10(Math.max(1e-9, peak)));
    }

    /** How long a sample of {@code key} is kept: the bass rings for long, the treble dies early anyway. */
    static double capSeconds(int key) {
        double x = Math.max(0, Math.min(1, (key - 21) / 87.0));
        return LONGEST_SECONDS + (SHORTEST_SECONDS - LONGEST_SECONDS) * x;
    }

    /** The velocity range of each layer (softest first): around its place in Salamander's 16, split half way. */
    static int[][] velocityRanges(List<Integer> layerNumbers) {
        int n = layerNumbers.size();
        int[][] ranges = new int[n][2];
        for (int i = 0; i < n; i++) {
            ranges[i][0] = i == 0 ? 1 : ranges[i - 1][1] + 1;
            ranges[i][1] = i == n - 1
                    ? 127
                    : (int) Math.floor(
                            (nominalVelocity(layerNumbers.get(i)) + nominalVelocity(layerNumbers.get(i + 1))) / 2);
        }
        return ranges;
    }

    /** The velocity a Salamander layer stands for: 16 layers spread over 1..127. */
    static double nominalVelocity(int layerNumber) {
        return 127.0 * layerNumber / PianoSamples.LOUDEST;
    }

    /**
     * The soundbank from the prepared samples: one instrument, program 0 of bank 0. Every sample of a key is scaled
     * to the level of that key's loudest layer (less a common headroom, so that nothing clips), so where one layer
     * hands over to the next only the timbre changes; the level then follows Gervill's own velocity curve within and
     * across layers.
     */
    static SF2Soundbank assemble(List<Prepared> prepared) { // emptied: the caller hands its samples over
        List<Integer> layerNumbers =
                prepared.stream().map(Prepared::layer).distinct().sorted().toList();
        List<Integer> keys =
                prepared.stream().map(Prepared::key).distinct().sorted().toList();
        int[][] ranges = velocityRanges(layerNumbers);
        Prepared[][] grid = new Prepared[keys.size()][layerNumbers.size()];
        for (Prepared p : prepared) {
            grid[keys.indexOf(p.key())][layerNumbers.indexOf(p.layer())] = p;
        }
        prepared.clear(); // from here each key's float samples are let go once converted: the build's memory stays ~0.5
        // GB
        double[][] gainDb = new double[keys.size()][layerNumbers.size()];
        double headroomDb = 0;
        for (int k = 0; k < keys.size(); k++) {
            Prepared top = loudestOf(grid[k]);
            for (int j = 0; j < layerNumbers.size(); j++) {
                Prepared p = grid[k][j];
                if (p != null) {
                    gainDb[k][j] = top.levelDb() - p.levelDb();
                    headroomDb = Math.max(headroomDb, p.peakDb() + gainDb[k][j] - MAX_PEAK_DBFS);
                }
            }
        }
        SF2Soundbank bank = new SF2Soundbank();
        bank.setName(INSTRUMENT_NAME);
        bank.setVendor("Alexander Holm (samples, CC BY 3.0); built by Piano Genie");
        bank.setDescription(DESCRIPTION_START + VERSION + "; Salamander Grand Piano V3 by Alexander Holm, CC BY 3.0; "
                + layerNumbers.size() + " velocity layers " + layerNumbers);
        SF2Layer layer = new SF2Layer(bank);
        layer.setName(INSTRUMENT_NAME);
        bank.addResource(layer);
        for (int k = 0; k < keys.size(); k++) {
            int key = keys.get(k);
            int keyLo = k == 0 ? 0 : key - (key - keys.get(k - 1)) / 2;
            int keyHi = k == keys.size() - 1 ? 127 : key + (keys.get(k + 1) - key - 1) / 2;
            java.util.Map<Prepared, SF2Sample[]> made = new java.util.IdentityHashMap<>();
            for (int j = 0; j < layerNumbers.size(); j++) {
                int jj = grid[k][j] != null ? j : nearestLayer(grid[k], j); // a missing file: a neighbour layer plays
                double gain = gainDb[k][jj] - headroomDb;
                SF2Sample[] pair = made.computeIfAbsent(grid[k][jj], p -> samples(bank, p, gain));
                for (int ch = 0; ch < 2; ch++) {
                    SF2LayerRegion region = new SF2LayerRegion();
                    region.setSample(pair[ch]);
                    region.putBytes(SF2Region.GENERATOR_KEYRANGE, new byte[] {(byte) keyLo, (byte) keyHi});
                    region.putBytes(
                            SF2Region.GENERATOR_VELRANGE, new byte[] {(byte) ranges[j][0], (byte) ranges[j][1]});
                    region.putShort(SF2Region.GENERATOR_PAN, (short) (ch == 0 ? -500 : 500));
                    region.putShort(SF2Region.GENERATOR_RELEASEVOLENV, RELEASE_TIMECENTS);
                    region.putShort(SF2Region.GENERATOR_SAMPLEMODES, (short) 0);
                    layer.getRegions().add(region);
                }
            }
            java.util.Arrays.fill(grid[k], null);
        }
        SF2Instrument instrument = new SF2Instrument(bank);
        instrument.setName(INSTRUMENT_NAME);
        instrument.setPatch(new Patch(0, 0));
        SF2InstrumentRegion whole = new SF2InstrumentRegion();
        whole.setLayer(layer);
        instrument.getRegions().add(whole);
        bank.addInstrument(instrument);
        return bank;
    }

    /** Whether a soundbank is one this builder made (any version). */
    public static boolean isOurs(SF2Soundbank bank) {
        return bank.getDescription() != null && bank.getDescription().startsWith(DESCRIPTION_START);
    }

    private static Prepared loudestOf(Prepared[] row) {
        for (int j = row.length - 1; j >= 0; j--) {
            if (row[j] != null) {
                return row[j];
            }
        }
        throw new IllegalStateException("a key with no sample");
    }

    private static int nearestLayer(Prepared[] row, int j) {
        for (int d = 1; d < row.length; d++) {
            if (j + d < row.length && row[j + d] != null) {
                return j + d;
            }
            if (j - d >= 0 && row[j - d] != null) {
                return j - d;
            }
        }
        throw new IllegalStateException("a key with no sample");
    }

    /** The left and right channel of a prepared sample, linked as a stereo pair. */
    private static SF2Sample[] samples(SF2Soundbank bank, Prepared p, double gainDb) {
        SF2Sample[] pair = new SF2Sample[2];
        String name = "L" + p.layer() + "K" + p.key();
        float gain = (float) Math.pow(10, gainDb / 20);
        for (int ch = 0; ch < 2; ch++) {
            SF2Sample s = new SF2Sample(bank);
            s.setName(name + (ch == 0 ? "l" : "r"));
            s.setData(pcm16(ch == 0 ? p.left() : p.right(), gain));
            s.setSampleRate(p.sampleRate());
            s.setOriginalPitch(p.key());
            s.setSampleType(ch == 0 ? 4 : 2); // SF2 leftSample / rightSample
            s.setStartLoop(-1);
            s.setEndLoop(-1);
            bank.addResource(s);
            pair[ch] = s;
        }
        return pair;
    }

    private static byte[] pcm16(float[] x, float gain) {
        byte[] out = new byte[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            long v = Math.round(x[i] * gain * 32767.0);
            v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
