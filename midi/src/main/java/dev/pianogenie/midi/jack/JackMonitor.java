package dev.pianogenie.midi.jack;

import dev.pianogenie.midi.sound.MidiDeviceException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackMidi;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * A second JACK client that listens to ours as a DAW would ({@code piano-genie-monitor}: a MIDI input and a
 * stereo audio input): for {@code genie bench latency --output jack} and the tests. It writes down, in preallocated
 * arrays, every MIDI event it receives (with the time its process call began) and, per period, the loudest sample
 * and the first frame above the audible threshold.
 */
public final class JackMonitor implements AutoCloseable {
    public static final String NAME = "piano-genie-monitor";
    /** −60 dBFS: the level the project calls the first audible sample (OnsetCheck). */
    public static final float AUDIBLE = 0.001f;

    /** A received MIDI event. {@code cycleNanos}: when the period that carried it began processing here. */
    public record Event(long cycleNanos, int frame, int status, int data1, int data2) {}

    /** A period's audio: when it was processed here, its loudest sample, the first audible frame (−1 if none). */
    public record Period(long cycleNanos, float peak, int firstAudible) {}

    private final JackClient client;
    private final JackPort midiIn;
    private final JackPort audioL;
    private final JackPort audioR;
    private final JackPort midiOut;
    private final MidiEventRing toSend = new MidiEventRing(1024);
    private final byte[] out = new byte[3];
    private final JackMidi.Event event = new JackMidi.Event();
    private final byte[] data = new byte[256];
    private final long[] eventNanos;
    private final int[] eventFrames;
    private final int[] eventMessages;
    private volatile int events;
    private final long[] periodNanos;
    private final float[] periodPeaks;
    private final int[] periodFirst;
    private volatile int periods;
    private volatile boolean recordAudio = true;
    private final JackClientThreads threads;
    private final long periodLength;

    /** @param capacity how many events and how many periods it keeps (later ones are not recorded) */
    public JackMonitor(int capacity) throws MidiDeviceException {
        this(capacity, capacity, 0);
    }

    /**
     * Keeps {@code events} MIDI events and every period of {@code seconds} of the server's time, however short its
     * period (a bench's length is known in seconds, not in periods: at 128 frames a period is 2.7 ms).
     */
    public JackMonitor(int events, double seconds) throws MidiDeviceException {
        this(events, 0, seconds);
    }

    private JackMonitor(int events, int periods, double seconds) throws MidiDeviceException {
        Jack jack = JackHost.jackLibrary();
        double periodsPerSecond;
        try {
            client = jack.openClient(NAME, EnumSet.of(JackOptions.JackNoStartServer), EnumSet.noneOf(JackStatus.class));
            periodsPerSecond = client.getSampleRate() / (double) client.getBufferSize();
        } catch (JackException | UnsatisfiedLinkError e) {
            throw new MidiDeviceException(JackHost.NO_SERVER, e);
        }
        int keep = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(periods, Math.ceil(seconds * periodsPerSecond)));
        eventNanos = new long[events];
        eventFrames = new int[events];
        eventMessages = new int[events];
        periodNanos = new long[keep];
        periodPeaks = new float[keep];
        periodFirst = new int[keep];
        try {
            midiIn = client.registerPort("midi_in", JackPortType.MIDI, JackPortFlags.JackPortIsInput);
            audioL = client.registerPort("in_l", JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
            audioR = client.registerPort("in_r", JackPortType.AUDIO, JackPortFlags.JackPortIsInput);
            midiOut = client.registerPort("midi_out", JackPortType.MIDI, JackPortFlags.JackPortIsOutput);
            threads = new JackClientThreads(
                    client,
                    "jack-monitor",
                    frames -> {
                        process(frames, System.nanoTime());
                        return true;
                    },
                    () -> {});
            periodLength = client.getBufferSize() * 1_000_000_000L / client.getSampleRate();
            client.activate();
        } catch (JackException | UnsatisfiedLinkError e) {
            throw new MidiDeviceException(JackHost.NO_SERVER, e);
        }
    }

    /** Connects our MIDI out (if given) and audio outs (if given) to this monitor. */
    public void listenTo(String midiOutPort, String leftPort, String rightPort) throws MidiDeviceException {
        try {
            Jack jack = JackHost.jackLibrary();
            if (midiOutPort != null) {
                connectSoon(jack, midiOutPort, NAME + ":midi_in");
            }
            if (leftPort != null) {
                connectSoon(jack, leftPort, NAME + ":in_l");
                connectSoon(jack, rightPort, NAME + ":in_r");
            }
        } catch (JackException | MidiDeviceException e) {
            throw new MidiDeviceException("the monitor could not connect to " + midiOutPort + " / " + leftPort, e);
        }
    }

    /**
     * Connects, trying again for up to 2 s: PipeWire's libjack knows another client's new port only once the
     * registry has told this client (asynchronously; jackd2 at once), and until then cannot connect it.
     */
    private void connectSoon(Jack jack, String from, String to) throws JackException {
        long until = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                jack.connect(client, from, to);
                return;
            } catch (JackException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                LockSupport.parkNanos(10_000_000L);
            }
        }
    }

    /** Its MIDI input's full name (to send it events). */
    public String midiInPort() {
        return NAME + ":midi_in";
    }

    public void recordAudio(boolean on) {
        recordAudio = on;
    }

    /** Its MIDI output's full name (to play into our MIDI input). */
    public String midiOutPort() {
        return NAME + ":midi_out";
    }

    /** Sends a message from its MIDI output in the next period (as a keyboard routed through JACK would). */
    public void send(int status, int data1, int data2) {
        toSend.offer(MidiEventRing.pack(status, data1, data2), System.nanoTime());
    }

    /** Connects any two ports (e.g. its MIDI output to our input). */
    public void connect(String from, String to) throws MidiDeviceException {
        try {
            JackHost.jackLibrary().connect(client, from, to);
        } catch (JackException e) {
            throw new MidiDeviceException("the monitor could not connect " + from + " to " + to, e);
        }
    }

    // JACK's process thread: fixed arrays, no allocation
    private void process(int frames, long now) {
        try {
            JackMidi.clearBuffer(midiOut);
            while (!toSend.isEmpty()) {
                int m = toSend.peekMessage();
                out[0] = (byte) MidiEventRing.status(m);
                out[1] = (byte) MidiEventRing.data1(m);
                out[2] = (byte) MidiEventRing.data2(m);
                JackMidi.eventWrite(midiOut, 0, out, 3);
                toSend.advance();
            }
        } catch (JackException ignored) {
            // full: the rest goes next period
        }
        try {
            int n = JackMidi.getEventCount(midiIn);
            for (int i = 0; i < n; i++) {
                JackMidi.eventGet(event, midiIn, i);
                int size = event.size();
                int e = events;
                if (size < 1 || size > 3 || e >= eventNanos.length) {
                    continue;
                }
                event.read(data);
                eventNanos[e] = now;
                eventFrames[e] = event.time();
                eventMessages[e] = MidiEventRing.pack(data[0], size > 1 ? data[1] : 0, size > 2 ? data[2] : 0);
                events = e + 1;
            }
        } catch (JackException ignored) {
            // a bad event buffer: nothing to record this period
        }
        int p = periods;
        if (!recordAudio || p >= periodNanos.length) {
            return;
        }
        FloatBuffer l = audioL.getFloatBuffer();
        FloatBuffer r = audioR.getFloatBuffer();
        float peak = 0;
        int first = -1;
        for (int f = 0; f < frames; f++) {
            float v = Math.max(Math.abs(l.get(f)), Math.abs(r.get(f)));
            if (v > peak) {
                peak = v;
            }
            if (first < 0 && v > AUDIBLE) {
                first = f;
            }
        }
        periodNanos[p] = now;
        periodPeaks[p] = peak;
        periodFirst[p] = first;
        periods = p + 1;
    }

    /** Xruns the server reported since the monitor opened. */
    public long xruns() {
        return threads.xruns();
    }

    public int eventCount() {
        return events;
    }

    public List<Event> events() {
        int n = events;
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int m = eventMessages[i];
            out.add(new Event(
                    eventNanos[i],
                    eventFrames[i],
                    MidiEventRing.status(m),
                    MidiEventRing.data1(m),
                    MidiEventRing.data2(m)));
        }
        return out;
    }

    public int periodCount() {
        return periods;
    }

    public Period period(int i) {
        return new Period(periodNanos[i], periodPeaks[i], periodFirst[i]);
    }

    @Override
    public void close() {
        threads.stopAndClose(false, periodLength);
    }
}
