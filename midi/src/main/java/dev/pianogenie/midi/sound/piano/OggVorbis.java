package dev.pianogenie.midi.sound.piano;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Decodes an Ogg Vorbis file (one logical stream) to float PCM with JOrbis, the pure-Java decoder. */
final class OggVorbis {
    private static final int CHUNK = 8192;

    private OggVorbis() {}

    /** Decoded audio: {@code channels[c][frame]} in [-1, 1]. */
    record Pcm(int sampleRate, float[][] channels) {
        int frames() {
            return channels[0].length;
        }
    }

    /** @throws IOException if the file cannot be read or is not Ogg Vorbis (saying which) */
    static Pcm decode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.getFileName().toString());
        }
    }

    static Pcm decode(InputStream in, String name) throws IOException {
        SyncState sync = new SyncState();
        StreamState stream = new StreamState();
        Page page = new Page();
        Packet packet = new Packet();
        Info info = new Info();
        Comment comment = new Comment();
        DspState dsp = new DspState();
        Block block = new Block(dsp);
        sync.init();
        try {
            if (!feed(sync, in) || sync.pageout(page) != 1) {
                throw new IOException(name + " is not an Ogg file");
            }
            stream.init(page.serialno());
            info.init();
            comment.init();
            if (stream.pagein(page) < 0
                    || stream.packetout(packet) != 1
                    || info.synthesis_headerin(comment, packet) < 0) {
                throw new IOException(name + " is an Ogg file but not Vorbis audio");
            }
            int headers = 1;
            while (headers < 3) {
                int r = sync.pageout(page);
                if (r == 1) {
                    stream.pagein(page);
                    while (headers < 3) {
                        int p = stream.packetout(packet);
                        if (p == 0) {
                            break;
                        }
                        if (p < 0 || info.synthesis_headerin(comment, packet) < 0) {
                            throw new IOException(name + ": damaged Vorbis header");
                        }
                        headers++;
                    }
                } else if (!feed(sync, in)) {
                    throw new IOException(name + ": the file ends inside the Vorbis headers");
                }
            }
            dsp.synthesis_init(info);
            block.init(dsp);
            int channels = info.channels;
            float[][] out = new float[channels][1 << 16];
            int frames = 0;
            float[][][] pcmRef = new float[1][][];
            int[] index = new int[channels];
            boolean eos = false;
            while (!eos) {
                int r = sync.pageout(page);
                if (r == 0) {
                    eos = !feed(sync, in);
                    continue;
                }
                if (r < 0) {
                    continue; // a hole in the data: go on with the next page
                }
                stream.pagein(page);
                while (stream.packetout(packet) != 0) {
                    if (block.synthesis(packet) == 0) {
                        dsp.synthesis_blockin(block);
                    }
                    int n;
                    while ((n = dsp.synthesis_pcmout(pcmRef, index)) > 0) {
                        if (frames + n > out[0].length) {
                            for (int c = 0; c < channels; c++) {
                                out[c] = Arrays.copyOf(out[c], Math.max(frames + n, out[c].length * 2));
                            }
                        }
                        for (int c = 0; c < channels; c++) {
                            System.arraycopy(pcmRef[0][c], index[c], out[c], frames, n);
                        }
                        frames += n;
                        dsp.synthesis_read(n);
                    }
                }
                if (page.eos() != 0) {
                    eos = true;
                }
            }
            for (int c = 0; c < channels; c++) {
                out[c] = Arrays.copyOf(out[c], frames);
            }
            if (frames == 0) {
                throw new IOException(name + " holds no audio");
            }
            return new Pcm(info.rate, out);
        } catch (RuntimeException e) { // JOrbis throws on some damaged streams
            throw new IOException(name + ": damaged Vorbis audio (" + e + ")", e);
        } finally {
            stream.clear();
            block.clear();
            dsp.clear();
            info.clear();
            sync.clear();
        }
    }

    /** Reads the next piece of the file into the sync state; false at the end. */
    private static boolean feed(SyncState sync, InputStream in) throws IOException {
        int at = sync.buffer(CHUNK);
        int n = in.read(sync.data, at, CHUNK);
        if (n <= 0) {
            sync.wrote(0);
            return false;
        }
        sync.wrote(n);
        return true;
    }
}
