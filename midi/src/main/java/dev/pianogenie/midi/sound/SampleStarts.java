package dev.pianogenie.midi.sound;

import com.sun.media.sound.SF2Instrument;
import com.sun.media.sound.SF2InstrumentRegion;
import com.sun.media.sound.SF2Layer;
import com.sun.media.sound.SF2LayerRegion;
import com.sun.media.sound.SF2Region;
import com.sun.media.sound.SF2Sample;
import com.sun.media.sound.SF2Soundbank;
import java.io.IOException;
import java.io.InputStream;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Starts each sample of an SF2 soundfont at its first audible frame. Some soundfonts' samples begin with
 * milliseconds of near-silence (TimGM6mb's piano: 2.8 ms at 22 kHz, which a note played below the sample's
 * root stretches to ~7 ms) — latency a player hears and that no setting of the synth removes. Each layer
 * region's start offset (SF2 generators 0 and 4, which Gervill honours, loops shifted with it) moves past the
 * frames quieter than {@value #SILENCE_DBFS} dBFS, if a louder one comes within {@value #MAX_TRIM_SECONDS} s and
 * before any loop.
 */
final class SampleStarts {
    /** Frames below this (of full scale, in the sample itself, before any attenuation) count as silence. */
    static final double SILENCE_DBFS = -60;

    static final double MAX_TRIM_SECONDS = 0.05;

    private SampleStarts() {}

    /** Moves the starts in place; returns how many regions changed. Samples unreadable here are left alone. */
    static int trim(SF2Soundbank bank) {
        int threshold = (int) Math.round(32768 * Math.pow(10, SILENCE_DBFS / 20));
        Map<SF2Layer, Boolean> done = new IdentityHashMap<>();
        int changed = 0;
        for (SF2Instrument instrument : bank.getInstruments()) {
            for (SF2InstrumentRegion preset : instrument.getRegions()) {
                SF2Layer layer = preset.getLayer();
                if (layer == null || done.put(layer, Boolean.TRUE) != null) {
                    continue;
                }
                // regions over the same keys and velocities sound together (a stereo pair, left and right): they move
                // by one amount, the smallest, or the pair would drift apart in time (comb filtering when summed)
                Map<String, java.util.List<SF2LayerRegion>> together = new java.util.LinkedHashMap<>();
                for (SF2LayerRegion region : layer.getRegions()) {
                    together.computeIfAbsent(
                                    java.util.Arrays.toString(region.getBytes(SF2Region.GENERATOR_KEYRANGE))
                                            + java.util.Arrays.toString(region.getBytes(SF2Region.GENERATOR_VELRANGE)),
                                    k -> new java.util.ArrayList<>())
                            .add(region);
                }
                for (java.util.List<SF2LayerRegion> group : together.values()) {
                    long shift = Long.MAX_VALUE;
                    for (SF2LayerRegion region : group) {
                        shift = Math.min(shift, silentLead(region, threshold));
                    }
                    if (shift > 0) {
                        for (SF2LayerRegion region : group) {
                            moveStart(region, shift);
                            changed++;
                        }
                    }
                }
            }
        }
        return changed;
    }

    /** Frames of near-silence at the region's start that may be skipped (0: none, or it cannot be told). */
    private static long silentLead(SF2LayerRegion region, int threshold) {
        SF2Sample sample = region.getSample();
        if (sample == null || sample.getDataBuffer() == null || sample.getSampleRate() <= 0) {
            return 0;
        }
        long start = region.getShort(SF2Region.GENERATOR_STARTADDRSOFFSET)
                + 32768L * region.getShort(SF2Region.GENERATOR_STARTADDRSCOARSEOFFSET);
        long frames = sample.getDataBuffer().capacity() / 2;
        long limit = Math.min(frames - 1, start + (long) (MAX_TRIM_SECONDS * sample.getSampleRate()));
        int mode = region.getShort(SF2Region.GENERATOR_SAMPLEMODES);
        if ((mode == 1 || mode == 3) && sample.getStartLoop() >= 0 && sample.getEndLoop() > 0) {
            long loopStart = sample.getStartLoop()
                    + region.getShort(SF2Region.GENERATOR_STARTLOOPADDRSOFFSET)
                    + 32768L * region.getShort(SF2Region.GENERATOR_STARTLOOPADDRSCOARSEOFFSET);
            limit = Math.min(limit, loopStart - 1);
        }
        if (start < 0 || limit <= start) {
            return 0;
        }
        long first = firstAbove(sample, start, limit, threshold);
        return Math.max(0, first - start);
    }

    private static long start(SF2LayerRegion region) {
        return region.getShort(SF2Region.GENERATOR_STARTADDRSOFFSET)
                + 32768L * region.getShort(SF2Region.GENERATOR_STARTADDRSCOARSEOFFSET);
    }

    private static void moveStart(SF2LayerRegion region, long frames) {
        long first = start(region) + frames;
        region.putShort(SF2Region.GENERATOR_STARTADDRSOFFSET, (short) (first % 32768));
        region.putShort(SF2Region.GENERATOR_STARTADDRSCOARSEOFFSET, (short) (first / 32768));
    }

    /** The first frame in [from, to] louder than the threshold; -1 if none (a slow fade-in stays as it is) or unreadable. */
    private static long firstAbove(SF2Sample sample, long from, long to, int threshold) {
        byte[] pcm = new byte[(int) (to - from + 1) * 2];
        try (InputStream in =
                sample.getDataBuffer().subbuffer(from * 2, (to + 1) * 2).getInputStream()) {
            int read = in.readNBytes(pcm, 0, pcm.length);
            for (int i = 0; i + 1 < read; i += 2) {
                int v = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
                if (Math.abs(v) > threshold) {
                    return from + i / 2;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1; // keep the sample as the soundfont has it
        }
    }
}
