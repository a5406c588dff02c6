package dev.pianogenie.midi.sound;

import java.io.IOException;
import javax.sound.sampled.AudioInputStream;

/**
 * Pulls the synthesizer's rendered audio in small blocks and pushes it to the sound card, showing each block
 * to a tap (the level meter) on the way. Gervill's own pusher does the same without a tap; owning the loop is
 * what lets the app meter the real output.
 */
final class SynthPump implements Runnable {
    /** 128 frames: 2.9 ms at 44.1 kHz — the render granularity on top of the line's buffer. */
    static final int BLOCK_FRAMES = 128;

    /** Where the rendered bytes go (the sound card's line, or a buffer in tests). */
    interface Output {
        void write(byte[] pcm, int length) throws IOException;
    }

    private final AudioInputStream rendered;
    private final Output out;
    private final AudioTap tap;
    private volatile boolean running = true;

    SynthPump(AudioInputStream rendered, Output out, AudioTap tap) {
        this.rendered = rendered;
        this.out = out;
        this.tap = tap;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        int frameSize = rendered.getFormat().getFrameSize();
        byte[] pcm = new byte[BLOCK_FRAMES * frameSize];
        float[] mono = new float[BLOCK_FRAMES];
        try {
            while (running) {
                int n = rendered.readNBytes(pcm, 0, pcm.length);
                if (n <= 0) {
                    return;
                }
                int frames = n / frameSize;
                for (int i = 0; i < frames; i++) { // 16-bit little-endian stereo → mono
                    int l = (short) ((pcm[4 * i] & 0xFF) | (pcm[4 * i + 1] << 8));
                    int r = (short) ((pcm[4 * i + 2] & 0xFF) | (pcm[4 * i + 3] << 8));
                    mono[i] = (l + r) / 65536f;
                }
                tap.audio(mono, frames);
                out.write(pcm, n);
            }
        } catch (IOException e) {
            // the line or the synthesizer closed: the pump ends with them
        }
    }
}
