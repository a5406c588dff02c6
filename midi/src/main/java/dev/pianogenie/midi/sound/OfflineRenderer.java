package dev.pianogenie.midi.sound;

import com.sun.media.sound.AudioSynthesizer;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.PedalEvent;
import dev.pianogenie.midi.Performance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Renders a performance through the built-in synthesizer without a sound card, faster than real time:
 * to samples (mono float, for analysis and level meters) or to a 16-bit stereo WAV file (written atomically).
 */
public final class OfflineRenderer {
    private OfflineRenderer() {
    }

    /** The rendered audio: interleaved stereo 16-bit little-endian PCM at {@link BuiltInSynth#SAMPLE_RATE}. */
    public static byte[] renderPcm(Performance p, Optional<Path> soundfont, double tailSeconds) throws MidiDeviceException {
        AudioSynthesizer synth = BuiltInSynth.newSynth();
        try {
            AudioInputStream stream = BuiltInSynth.openStream(synth);
            BuiltInSynth.loadSounds(synth, soundfont);
            Receiver r = synth.getReceiver();
            send(r, Midi.PROGRAM_CHANGE, Midi.ACOUSTIC_GRAND_PIANO, 0, 0);
            for (Note n : p.notes()) {
                send(r, Midi.NOTE_ON, n.pitch(), n.velocity(), micros(n.onsetSeconds()));
                send(r, Midi.NOTE_OFF, n.pitch(), 0, micros(n.releaseSeconds()));
            }
            for (PedalEvent e : p.pedalEvents()) {
                send(r, Midi.CONTROL_CHANGE, Midi.SUSTAIN_PEDAL, e.value(), micros(e.seconds()));
            }
            double seconds = p.seconds() + tailSeconds;
            AudioFormat f = stream.getFormat();
            long frames = (long) Math.ceil(seconds * f.getFrameRate());
            byte[] pcm = new byte[Math.toIntExact(frames * f.getFrameSize())];
            int read = 0;
            while (read < pcm.length) {
                int n = stream.read(pcm, read, pcm.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            stream.close();
            return pcm;
        } catch (MidiUnavailableException | IOException e) {
            throw new MidiDeviceException("offline rendering failed: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /**
     * How long after its timestamp each note of a performance first sounds (first sample above
     * {@code thresholdDbfs}), in seconds; the notes must be far enough apart for silence in between.
     */
    public static double[] onsetDelays(Performance p, double thresholdDbfs) throws MidiDeviceException {
        return onsetDelays(p, Optional.empty(), thresholdDbfs);
    }

    /** As {@link #onsetDelays(Performance, double)}, with the sound chosen from {@code soundfont} as live play would. */
    public static double[] onsetDelays(Performance p, Optional<Path> soundfont, double thresholdDbfs) throws MidiDeviceException {
        float[] mono = renderMono(p, soundfont, 1.0);
        double threshold = Math.pow(10, thresholdDbfs / 20);
        double rate = BuiltInSynth.SAMPLE_RATE;
        double[] delays = new double[p.notes().size()];
        for (int i = 0; i < delays.length; i++) {
            int from = (int) Math.floor(p.notes().get(i).onsetSeconds() * rate);
            int to = Math.min(mono.length, from + (int) (0.2 * rate));
            delays[i] = Double.NaN;
            for (int s = Math.max(0, from - (int) (0.01 * rate)); s < to; s++) {
                if (Math.abs(mono[s]) > threshold) {
                    delays[i] = s / rate - p.notes().get(i).onsetSeconds();
                    break;
                }
            }
        }
        return delays;
    }

    /** Mono samples in [-1, 1] (the mean of both channels). */
    public static float[] renderMono(Performance p, Optional<Path> soundfont, double tailSeconds) throws MidiDeviceException {
        byte[] pcm = renderPcm(p, soundfont, tailSeconds);
        float[] mono = new float[pcm.length / 4];
        for (int i = 0; i < mono.length; i++) {
            int l = (short) ((pcm[4 * i] & 0xFF) | (pcm[4 * i + 1] << 8));
            int rr = (short) ((pcm[4 * i + 2] & 0xFF) | (pcm[4 * i + 3] << 8));
            mono[i] = (l + rr) / 65536f;
        }
        return mono;
    }

    /** The level {@link #writeWav(Performance, Optional, Path, boolean)} normalises the peak to. */
    public static final double NORMALISED_PEAK_DBFS = -1.0;

    /** What a WAV file got: its peak as rendered and the gain applied (0 dB: as rendered). */
    public record Level(double renderedPeakDbfs, double gainDb) {
    }

    /** Renders to a WAV file, atomically, at the synthesizer's own level (a piano peaks around −17 dBFS). */
    public static void writeWav(Performance p, Optional<Path> soundfont, Path wav) throws MidiDeviceException {
        writeWav(p, soundfont, wav, false);
    }

    /**
     * Renders to a WAV file, atomically; with {@code normalise} the whole file is scaled so that its peak is
     * {@link #NORMALISED_PEAK_DBFS} (one gain for all of it: the dynamics stay).
     */
    public static Level writeWav(Performance p, Optional<Path> soundfont, Path wav, boolean normalise) throws MidiDeviceException {
        byte[] pcm = renderPcm(p, soundfont, 2.0);
        Level level = normalise ? normalise(pcm) : new Level(peakDbfs(pcm), 0);
        AudioFormat f = BuiltInSynth.format();
        try {
            AtomicFile.write(wav, out -> {
                try (AudioInputStream ais = new AudioInputStream(new ByteArrayInputStream(pcm), f, pcm.length / f.getFrameSize())) {
                    AudioSystem.write(ais, AudioFileFormat.Type.WAVE, out);
                }
            });
        } catch (FileAccessException e) {
            throw new MidiDeviceException(e.getMessage(), e);
        }
        return level;
    }

    /** The peak of 16-bit little-endian PCM, dBFS (−∞ for silence). */
    static double peakDbfs(byte[] pcm) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
        }
        return 20 * Math.log10(peak / 32768.0);
    }

    /** Scales the PCM in place so its peak is {@link #NORMALISED_PEAK_DBFS}; silence stays silence. */
    static Level normalise(byte[] pcm) {
        double peak = peakDbfs(pcm);
        if (Double.isInfinite(peak)) {
            return new Level(peak, 0);
        }
        double gainDb = NORMALISED_PEAK_DBFS - peak;
        double gain = Math.pow(10, gainDb / 20);
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            long v = Math.round((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)) * gain);
            v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            pcm[i] = (byte) v;
            pcm[i + 1] = (byte) (v >> 8);
        }
        return new Level(peak, gainDb);
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private static void send(Receiver r, int command, int d1, int d2, long micros) {
        try {
            r.send(new ShortMessage(command, 0, d1, d2), micros);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + d1 + "/" + d2, e);
        }
    }
}
