package dev.pianogenie.midi.jack;

import dev.pianogenie.midi.ChannelMessageSink;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.sound.AudioTap;
import dev.pianogenie.midi.sound.BuiltInSynth;
import dev.pianogenie.midi.sound.GervillPatch;
import dev.pianogenie.midi.sound.MidiDeviceException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;

/**
 * The built-in synthesizer (Gervill) playing into a stereo pair of JACK output ports, {@code piano-genie:out_l} and
 * {@code out_r}, connected to the system playback ports unless told otherwise. Two ways to render, measured by
 * {@code genie bench latency --output jack}:
 * <ul>
 *   <li>{@link Rendering#CALLBACK} (the default): JACK's process thread hands the period's events to Gervill and
 *   renders the period itself, after a warm-up: the note sounds in the first period after it is played. The events
 *   cross in a preallocated lock-free ring and are sent with one reused message, so Gervill's lock is only ever taken
 *   by that thread (never contended, so it never waits).</li>
 *   <li>{@link Rendering#THREAD}: a render thread keeps a lock-free ring one period (plus one block) ahead of JACK;
 *   the process thread only copies. Safer for a slow soundfont, one to two periods later.</li>
 * </ul>
 */
public final class JackSynthSink implements ChannelMessageSink {
    public static final String LEFT = "out_l";
    public static final String RIGHT = "out_r";
    static final int RENDER_BLOCK = 64;
    static final int MAX_PERIOD = 8192;

    public enum Rendering {
        CALLBACK,
        THREAD
    }

    private final JackHost host;
    private final Rendering mode;
    private final BuiltInSynth.Rendering synth;
    private final JackPort left;
    private final JackPort right;
    private final AudioTap tap;
    private final MidiEventRing events = new MidiEventRing(JackMidiSink.RING_EVENTS);
    private final ShortMessage reused = new ShortMessage(); // JACK's thread only (callback rendering)
    private final byte[] pcm = new byte[MAX_PERIOD * 8]; // 32-bit float stereo: the rendering thread's
    private final FloatBuffer samples =
            ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    private final float[] interleaved = new float[MAX_PERIOD * 2];
    private final float[] mono;
    private final AudioRing ring;
    private final int lead;
    private final Thread renderThread;
    private final JackHost.Cycle cycle = this::process;
    private final Runnable gone;
    private volatile boolean serverGone;
    private volatile boolean running = true;
    private boolean closed;
    private long renderErrors; // the rendering thread's

    /**
     * @param soundfont  an SF2, or empty for Gervill's own sounds
     * @param connectTo  the playback ports to connect to: empty = the system's first two physical playback ports;
     *                   a list (maybe empty) = exactly those
     * @param tap        sees each rendered period in mono (a level meter); called on the rendering thread
     */
    public JackSynthSink(Optional<Path> soundfont, Rendering mode, Optional<List<String>> connectTo, AudioTap tap)
            throws MidiDeviceException {
        this.mode = mode;
        this.tap = tap;
        this.host = JackHost.acquire();
        BuiltInSynth.Rendering s = null;
        JackPort l = null;
        JackPort r = null;
        try {
            if (host.period() > MAX_PERIOD) {
                throw new MidiDeviceException("the JACK period of " + host.period() + " frames is longer than the "
                        + MAX_PERIOD + " the synth takes: restart the server with a shorter one (-p 256)");
            }
            s = BuiltInSynth.openRendering(host.sampleRate(), soundfont);
            warmUp(s);
            l = host.register(LEFT, JackPortType.AUDIO, JackPortFlags.JackPortIsOutput);
            r = host.register(RIGHT, JackPortType.AUDIO, JackPortFlags.JackPortIsOutput);
        } catch (MidiDeviceException | RuntimeException e) {
            if (l != null) {
                host.unregister(l);
            }
            if (s != null) {
                s.close();
            }
            host.release();
            throw e;
        }
        this.synth = s;
        this.left = l;
        this.right = r;
        this.mono = new float[host.period()];
        this.lead = host.period() + RENDER_BLOCK;
        this.ring = new AudioRing(4 * Math.max(host.period(), RENDER_BLOCK));
        if (mode == Rendering.THREAD) {
            renderThread = new Thread(this::renderAhead, "jack-synth-render");
            renderThread.setDaemon(true);
            renderThread.setPriority(Thread.MAX_PRIORITY);
            renderThread.start();
            long until = System.nanoTime() + 1_000_000_000L;
            while (ring.fill() < lead && System.nanoTime() < until) {
                LockSupport.parkNanos(1_000_000L); // JACK reads from a full ring from the first period on
            }
        } else {
            renderThread = null;
        }
        host.add(cycle);
        gone = this::serverWentAway;
        host.onGone(gone);
        try {
            connect(connectTo);
        } catch (MidiDeviceException e) {
            close();
            throw e;
        }
    }

    private void connect(Optional<List<String>> connectTo) throws MidiDeviceException {
        List<String> to = connectTo.isPresent()
                ? connectTo.get()
                : host.ports(
                        JackPortType.AUDIO,
                        EnumSet.of(JackPortFlags.JackPortIsInput, JackPortFlags.JackPortIsPhysical));
        String[] ours = {host.clientName() + ":" + LEFT, host.clientName() + ":" + RIGHT};
        for (int i = 0; i < Math.min(2, to.size()); i++) {
            host.connect(ours[i], to.get(i));
        }
        if (to.size() == 1) {
            host.connect(ours[1], to.get(0)); // a mono playback: both sides into it
        }
    }

    /**
     * Renders a few notes into nothing before JACK hears anything: the JIT compiles Gervill's render loop and the
     * first notes' garbage is made here, not in a period (TECH-NOTES: warm-up garbage caused xrun bursts).
     */
    private static void warmUp(BuiltInSynth.Rendering s) throws MidiDeviceException {
        byte[] block = new byte[RENDER_BLOCK * 8];
        try {
            ShortMessage m = new ShortMessage();
            for (int i = 0; i < 400; i++) {
                if (i % 20 == 0) {
                    m.setMessage(Midi.NOTE_ON, 0, 48 + i / 20, 1 + i / 4);
                    s.receiver().send(m, -1);
                } else if (i % 20 == 10) {
                    m.setMessage(Midi.NOTE_OFF, 0, 48 + i / 20, 0);
                    s.receiver().send(m, -1);
                }
                s.stream().readNBytes(block, 0, block.length);
            }
            m.setMessage(Midi.CONTROL_CHANGE, 0, Midi.ALL_SOUND_OFF, 0);
            s.receiver().send(m, -1);
            for (int i = 0; i < 3 * 48_000 / RENDER_BLOCK; i++) { // ~3 s: the reverb's tail dies away too
                s.stream().readNBytes(block, 0, block.length);
            }
        } catch (IOException | InvalidMidiDataException e) {
            throw new MidiDeviceException("the built-in synthesizer failed while warming up: " + e.getMessage(), e);
        }
    }

    public JackHost host() {
        return host;
    }

    public Rendering rendering() {
        return mode;
    }

    /** Periods the render thread left short (silence): should stay 0. */
    public long underruns() {
        return mode == Rendering.THREAD ? ring.underruns() : 0;
    }

    /** Frames rendered ahead of JACK (thread rendering); 0 when rendering in the callback. */
    public int leadFrames() {
        return mode == Rendering.THREAD ? lead : 0;
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "built-in synth (%s) into JACK %s:%s/%s, rendering %s",
                synth.sound().description(),
                host.clientName(),
                LEFT,
                RIGHT,
                mode == Rendering.CALLBACK
                        ? "in JACK's callback (Gervill " + GervillPatch.describe() + ")"
                        : "on its own thread " + lead + " frames ahead");
    }

    /** A controller change on the synth's channel (e.g. CC91 = 0: no reverb, for onset measurements). */
    public void control(int controller, int value) {
        send(Midi.CONTROL_CHANGE, controller, value, System.nanoTime());
    }

    @Override
    public void send(int command, int d1, int d2, long nanos) {
        if (serverGone) {
            throw new IllegalStateException(JackHost.GONE + ": the synth's JACK output stopped; " + JackHost.RESTART);
        }
        if (mode == Rendering.CALLBACK) {
            events.offer(MidiEventRing.pack(command, d1, d2), nanos);
            return;
        }
        try {
            synth.receiver().send(new ShortMessage(command, 0, d1, d2), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + d1 + "/" + d2, e);
        }
    }

    // JACK's process thread
    private void process(int frames, long cycleNanos) {
        FloatBuffer l = left.getFloatBuffer();
        FloatBuffer r = right.getFloatBuffer();
        if (mode == Rendering.THREAD) {
            ring.read(l, r, frames);
            return;
        }
        if (frames > MAX_PERIOD) {
            silence(l, r, frames);
            return;
        }
        while (!events.isEmpty()) {
            int packed = events.peekMessage();
            try {
                reused.setMessage(
                        MidiEventRing.status(packed), MidiEventRing.data1(packed), MidiEventRing.data2(packed));
                synth.receiver().send(reused, -1);
            } catch (InvalidMidiDataException | IllegalStateException e) {
                renderErrors++;
            }
            events.advance();
        }
        int n = render(frames);
        for (int f = 0; f < n; f++) {
            float a = samples.get(2 * f);
            float b = samples.get(2 * f + 1);
            l.put(f, a);
            r.put(f, b);
            if (f < mono.length) {
                mono[f] = 0.5f * (a + b);
            }
        }
        for (int f = n; f < frames; f++) {
            l.put(f, 0f);
            r.put(f, 0f);
        }
        if (frames == mono.length) {
            tap.audio(mono, frames);
        }
    }

    private static void silence(FloatBuffer l, FloatBuffer r, int frames) {
        for (int f = 0; f < frames; f++) {
            l.put(f, 0f);
            r.put(f, 0f);
        }
    }

    /** Renders {@code frames} frames into {@link #pcm}; how many came. */
    private int render(int frames) {
        int bytes = frames * 8;
        int got = 0;
        try {
            while (got < bytes) {
                int n = synth.stream().read(pcm, got, bytes - got);
                if (n <= 0) {
                    break;
                }
                got += n;
            }
        } catch (IOException e) {
            renderErrors++;
        }
        return got / 8;
    }

    // the render thread (thread rendering): keeps the ring `lead` frames ahead of JACK
    private void renderAhead() {
        float[] block = new float[RENDER_BLOCK];
        while (running) {
            if (ring.fill() >= lead) {
                LockSupport.parkNanos(Math.max(100_000L, host.periodNanos() / 8));
                continue;
            }
            int n = render(RENDER_BLOCK);
            for (int f = 0; f < n; f++) {
                interleaved[2 * f] = samples.get(2 * f);
                interleaved[2 * f + 1] = samples.get(2 * f + 1);
                block[f] = 0.5f * (interleaved[2 * f] + interleaved[2 * f + 1]);
            }
            ring.write(interleaved, n);
            tap.audio(block, n);
        }
    }

    private void serverWentAway() {
        serverGone = true;
        running = false;
        try {
            synth.receiver().send(new ShortMessage(Midi.CONTROL_CHANGE, 0, Midi.ALL_SOUND_OFF, 0), -1);
        } catch (InvalidMidiDataException | IllegalStateException ignored) {
            // the notes end with the synth below
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        host.removeOnGone(gone);
        if (!serverGone) {
            try {
                allNotesOff(System.nanoTime());
                JackHost.sleepPeriods(host, 3);
            } catch (IllegalStateException ignored) {
                // the server went away meanwhile
            }
        }
        running = false;
        host.remove(cycle);
        JackHost.sleepPeriods(host, 2); // a process call already under way finishes with the ports and the synth
        if (renderThread != null) {
            try {
                renderThread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        host.unregister(left);
        host.unregister(right);
        synth.close();
        host.release();
    }

    @Override
    public String toString() {
        return "JACK audio " + JackHost.CLIENT_NAME + ":" + LEFT + "/" + RIGHT;
    }
}
