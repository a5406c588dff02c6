package dev.pianogenie.midi.sound;

import com.sun.media.sound.AudioSynthesizer;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.PedalEvent;
import dev.pianogenie.midi.Performance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * Renders a performance through the built-in synthesizer without a sound card, faster than real time:
 * to samples (mono float, for analysis and level meters) or to a 16-bit stereo WAV file (written atomically).
 */
public final class OfflineRenderer {
    private OfflineRenderer() {}

    /** The audio renders in pieces of this many bytes (a quarter of a second): memory stays flat however long the take. */
    static final int CHUNK_BYTES = 44_100;
    /** A WAV file's sizes are 32-bit: at most this many bytes of audio after its 44-byte header. */
    static final long MAX_WAV_DATA_BYTES = 0xFFFF_FFFFL - 36;

    static final int WAV_HEADER_BYTES = 44;
    /** The release tail rendered after the last event of a WAV. */
    static final double WAV_TAIL_SECONDS = 2.0;

    /** Receives the audio as it renders: {@code length} bytes of {@code pcm}, in order. */
    @FunctionalInterface
    interface PcmSink {
        void accept(byte[] pcm, int length) throws IOException;
    }

    /** The rendered audio: interleaved stereo 16-bit little-endian PCM at {@link BuiltInSynth#SAMPLE_RATE}. */
    public static byte[] renderPcm(Performance p, Optional<Path> soundfont, double tailSeconds)
            throws MidiDeviceException {
        long bytes = pcmBytes(p.seconds() + tailSeconds);
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new MidiDeviceException(
                    String.format(Locale.ROOT, "%.0f s is too long to render in memory", p.seconds()));
        }
        byte[] pcm = new byte[(int) bytes];
        int[] at = {0};
        try {
            render(p, soundfont, bytes, (chunk, n) -> {
                System.arraycopy(chunk, 0, pcm, at[0], n);
                at[0] += n;
            });
        } catch (IOException e) {
            throw new IllegalStateException("copying in memory cannot fail", e);
        }
        return pcm;
    }

    /** The PCM bytes of {@code seconds} of audio (whole frames, rounded up). */
    static long pcmBytes(double seconds) {
        AudioFormat f = BuiltInSynth.format();
        return (long) Math.ceil(seconds * f.getFrameRate()) * f.getFrameSize();
    }

    /**
     * The size of the WAV file {@link #writeWav} makes of {@code p} (to check the disk has room before rendering).
     *
     * @throws MidiDeviceException if the performance is too long for a WAV file (about 6.8 hours)
     */
    public static long wavBytes(Performance p) throws MidiDeviceException {
        long bytes = pcmBytes(p.seconds() + WAV_TAIL_SECONDS);
        if (bytes > MAX_WAV_DATA_BYTES) {
            double maxHours = MAX_WAV_DATA_BYTES / (double) pcmBytes(3600);
            throw new MidiDeviceException(String.format(
                    Locale.ROOT,
                    "the performance lasts %,.1f hours: too long for a WAV file,"
                            + " which holds at most %.1f hours of 16-bit stereo at %.1f kHz",
                    p.seconds() / 3600,
                    maxHours,
                    BuiltInSynth.SAMPLE_RATE / 1000));
        }
        return WAV_HEADER_BYTES + bytes;
    }

    /**
     * Renders {@code bytes} of audio of the performance, a chunk at a time (the synthesizer renders as it is read;
     * every event is scheduled first, timestamped in µs of audio).
     *
     * @throws IOException as the sink throws it (a full disk): not the synthesizer's failure
     */
    private static String render(Performance p, Optional<Path> soundfont, long bytes, PcmSink sink)
            throws MidiDeviceException, IOException {
        AudioSynthesizer synth = BuiltInSynth.newSynth();
        try {
            AudioInputStream stream = BuiltInSynth.openStream(synth);
            String sound = BuiltInSynth.loadSounds(synth, soundfont).description();
            Receiver r = synth.getReceiver();
            send(r, Midi.PROGRAM_CHANGE, Midi.ACOUSTIC_GRAND_PIANO, 0, 0);
            for (Note n : p.notes()) {
                send(r, Midi.NOTE_ON, n.pitch(), n.velocity(), micros(n.onsetSeconds()));
                send(r, Midi.NOTE_OFF, n.pitch(), 0, micros(n.releaseSeconds()));
            }
            for (PedalEvent e : p.pedalEvents()) {
                send(r, Midi.CONTROL_CHANGE, Midi.SUSTAIN_PEDAL, e.value(), micros(e.seconds()));
            }
            byte[] chunk = new byte[CHUNK_BYTES];
            long done = 0;
            while (done < bytes) {
                int want = (int) Math.min(chunk.length, bytes - done);
                int n;
                try {
                    n = stream.readNBytes(chunk, 0, want);
                } catch (IOException e) {
                    throw new MidiDeviceException("offline rendering failed: " + e.getMessage(), e);
                }
                java.util.Arrays.fill(
                        chunk, n, want, (byte) 0); // a stream that ends early: silence to the length asked
                sink.accept(chunk, want);
                done += want;
            }
            return sound;
        } catch (MidiUnavailableException e) {
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
    public static double[] onsetDelays(Performance p, Optional<Path> soundfont, double thresholdDbfs)
            throws MidiDeviceException {
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
    public static float[] renderMono(Performance p, Optional<Path> soundfont, double tailSeconds)
            throws MidiDeviceException {
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
    public record Level(double renderedPeakDbfs, double gainDb, String sound) {
        Level(double renderedPeakDbfs, double gainDb) {
            this(renderedPeakDbfs, gainDb, "");
        }
    }

    /** Renders to a WAV file, atomically, at the synthesizer's own level (a piano peaks around −17 dBFS). */
    public static void writeWav(Performance p, Optional<Path> soundfont, Path wav) throws MidiDeviceException {
        writeWav(p, soundfont, wav, false);
    }

    /**
     * Renders to a WAV file, atomically, in bounded memory (the audio streams to the file as it renders); with
     * {@code normalise} the whole file is then scaled so that its peak is {@link #NORMALISED_PEAK_DBFS} (one gain
     * for all of it: the dynamics stay), in place, before the file takes its name.
     *
     * @throws MidiDeviceException if the performance is too long for a WAV file (about 6.8 hours), or the file
     *                             cannot be written (naming it and why)
     */
    public static Level writeWav(Performance p, Optional<Path> soundfont, Path wav, boolean normalise)
            throws MidiDeviceException {
        long bytes = wavBytes(p) - WAV_HEADER_BYTES;
        int[] peak = {0};
        double[] gainDb = {0};
        String[] sound = {""};
        try {
            AtomicFile.writeChannel(wav, ch -> {
                writeFully(ch, wavHeader(bytes), 0);
                long[] at = {WAV_HEADER_BYTES};
                try {
                    sound[0] = render(p, soundfont, bytes, (pcm, n) -> {
                        peak[0] = Math.max(peak[0], peak(pcm, n));
                        writeFully(ch, ByteBuffer.wrap(pcm, 0, n), at[0]);
                        at[0] += n;
                    });
                } catch (MidiDeviceException e) {
                    throw new IOException(e.getMessage(), e);
                }
                if (normalise && peak[0] > 0) {
                    gainDb[0] = NORMALISED_PEAK_DBFS - dbfs(peak[0]);
                    scaleInPlace(ch, WAV_HEADER_BYTES, bytes, Math.pow(10, gainDb[0] / 20));
                }
            });
        } catch (FileAccessException e) {
            if (e.getCause() instanceof IOException io && io.getCause() instanceof MidiDeviceException m) {
                throw m;
            }
            throw new MidiDeviceException(e.getMessage(), e);
        }
        return new Level(dbfs(peak[0]), gainDb[0], sound[0]);
    }

    /** The canonical 44-byte header of a 16-bit stereo PCM WAV file holding {@code dataBytes} of audio. */
    static ByteBuffer wavHeader(long dataBytes) {
        AudioFormat f = BuiltInSynth.format();
        ByteBuffer h = ByteBuffer.allocate(WAV_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) f.getChannels())
                .putInt((int) f.getSampleRate())
                .putInt((int) (f.getSampleRate() * f.getFrameSize()))
                .putShort((short) f.getFrameSize())
                .putShort((short) f.getSampleSizeInBits());
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.flip();
    }

    /** Scales the 16-bit samples of {@code [from, from + length)} of the file by {@code gain}, a chunk at a time. */
    private static void scaleInPlace(FileChannel ch, long from, long length, double gain) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        for (long at = from; at < from + length; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), from + length - at));
            while (buf.hasRemaining()) {
                if (ch.read(buf, at + buf.position()) < 0) {
                    throw new IOException("the file ended at byte " + (at + buf.position()) + " while normalising");
                }
            }
            scale(buf.array(), buf.limit(), gain);
            writeFully(ch, buf.flip(), at);
            at += buf.limit();
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += ch.write(b, at);
        }
    }

    /** The peak of 16-bit little-endian PCM, dBFS (−∞ for silence). */
    static double peakDbfs(byte[] pcm) {
        return dbfs(peak(pcm, pcm.length));
    }

    private static int peak(byte[] pcm, int length) {
        int peak = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
        }
        return peak;
    }

    private static double dbfs(int peak) {
        return 20 * Math.log10(peak / 32768.0);
    }

    /** Scales the PCM in place so its peak is {@link #NORMALISED_PEAK_DBFS}; silence stays silence. */
    static Level normalise(byte[] pcm) {
        double peak = peakDbfs(pcm);
        if (Double.isInfinite(peak)) {
            return new Level(peak, 0);
        }
        double gainDb = NORMALISED_PEAK_DBFS - peak;
        scale(pcm, pcm.length, Math.pow(10, gainDb / 20));
        return new Level(peak, gainDb);
    }

    /** One gain for 16-bit little-endian samples, clipped at full scale. */
    private static void scale(byte[] pcm, int length, double gain) {
        for (int i = 0; i + 1 < length; i += 2) {
            long v = Math.round((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)) * gain);
            v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            pcm[i] = (byte) v;
            pcm[i + 1] = (byte) (v >> 8);
        }
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
