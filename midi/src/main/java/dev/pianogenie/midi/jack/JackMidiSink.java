package dev.pianogenie.midi.jack;

import dev.pianogenie.midi.ChannelMessageSink;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.sound.MidiDeviceException;
import java.util.EnumSet;
import java.util.Optional;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackMidi;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;

/**
 * Notes out through a JACK MIDI port, {@code piano-genie:midi_out}, on one channel, that any JACK or PipeWire client
 * (a DAW track, a synth) can connect to. The performer's thread puts each message in a preallocated ring; JACK's
 * process thread writes it into the port's buffer at the frame its time falls on, one period after it happened
 * (so the spacing of a fast run survives: no jitter but the period's), or at frame 0 when it comes later than that.
 */
public final class JackMidiSink implements ChannelMessageSink {
    public static final String PORT = "midi_out";
    static final int RING_EVENTS = 4096;

    private final JackHost host;
    private final JackPort port;
    private final int channel;
    private final MidiEventRing ring = new MidiEventRing(RING_EVENTS);
    private final byte[] message = new byte[3]; // JACK's thread only
    private final JackHost.Cycle cycle = this::process;
    private final Runnable gone;
    private volatile boolean serverGone;
    private long writeErrors; // JACK's thread only
    private boolean closed;

    /**
     * Registers the port and, if {@code connectTo} is given, connects it there (a port's full name or a unique part
     * of one, e.g. "Ardour" or "fluidsynth:midi_00").
     *
     * @param channel 0..15
     */
    public JackMidiSink(int channel, Optional<String> connectTo) throws MidiDeviceException {
        if (channel < 0 || channel >= Midi.CHANNELS) {
            throw new IllegalArgumentException("MIDI channel must be 0..15, was " + channel);
        }
        this.channel = channel;
        this.host = JackHost.acquire();
        try {
            this.port = host.register(PORT, JackPortType.MIDI, JackPortFlags.JackPortIsOutput);
            host.add(cycle);
            if (connectTo.isPresent()) {
                String to = host.port(
                        connectTo.get(), JackPortType.MIDI, EnumSet.of(JackPortFlags.JackPortIsInput), "MIDI input");
                host.connect(host.clientName() + ":" + PORT, to);
            }
        } catch (MidiDeviceException | RuntimeException e) {
            host.remove(cycle);
            host.release();
            throw e;
        }
        gone = () -> serverGone = true;
        host.onGone(gone);
    }

    public String portName() {
        return host.clientName() + ":" + PORT;
    }

    public JackHost host() {
        return host;
    }

    /** Messages that did not fit in the ring (the process thread stalled): should stay 0. */
    public long dropped() {
        return ring.dropped();
    }

    @Override
    public void send(int command, int d1, int d2, long nanos) {
        if (serverGone) {
            throw new IllegalStateException(JackHost.GONE + ": JACK MIDI out stopped; " + JackHost.RESTART);
        }
        ring.offer(MidiEventRing.pack(command | channel, d1, d2), nanos);
    }

    // JACK's process thread
    private void process(int frames, long cycleNanos) {
        try {
            JackMidi.clearBuffer(port);
            long periodNanos = host.periodNanos();
            long windowStart = cycleNanos - periodNanos; // events of the last period land in this one, in step
            int last = 0;
            while (!ring.isEmpty()) {
                long t = ring.peekNanos();
                if (t >= cycleNanos && t - cycleNanos < 1_000_000_000L) {
                    break; // stamped after this period began: the next one (a time far ahead is a foreign clock: now)
                }
                int packed = ring.peekMessage();
                long offset = (t - windowStart) * host.sampleRate() / 1_000_000_000L;
                int frame = (int) Math.max(last, Math.min(frames - 1, Math.max(0, offset)));
                message[0] = (byte) MidiEventRing.status(packed);
                message[1] = (byte) MidiEventRing.data1(packed);
                message[2] = (byte) MidiEventRing.data2(packed);
                JackMidi.eventWrite(port, frame, message, 3);
                last = frame;
                ring.advance();
            }
        } catch (JackException e) {
            writeErrors++; // the buffer is full: the rest waits for the next period
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
            // panic first; give the process thread two periods to write it before the port goes
            try {
                allNotesOff(System.nanoTime());
                JackHost.sleepPeriods(host, 3);
            } catch (IllegalStateException ignored) {
                // the server went away meanwhile
            }
        }
        host.remove(cycle);
        JackHost.sleepPeriods(host, 2); // a process call already under way finishes with the port
        host.unregister(port);
        host.release();
    }

    @Override
    public String toString() {
        return "JACK MIDI out " + CLIENT_AND_PORT + (channel == 0 ? "" : " @" + (channel + 1));
    }

    private static final String CLIENT_AND_PORT = JackHost.CLIENT_NAME + ":" + PORT;
}
