package dev.pianogenie.midi.jack;

import dev.pianogenie.midi.sound.MidiDeviceException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackMidi;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;

/**
 * A JACK MIDI input port, {@code piano-genie:midi_in}: a DAW track or a keyboard routed through JACK plays into it.
 * JACK's process thread copies each channel message (note on/off, controllers...) with its time into a preallocated
 * ring; a thread of ours ({@code jack-midi-in}) hands them to the listener, off JACK's thread. An event's time is
 * when it happened: the start of the period that carried it plus its frame, one period back (JACK delivers in this
 * period what arrived during the last one).
 */
public final class JackMidiInput implements AutoCloseable {
    public static final String PORT = "midi_in";
    static final long POLL_NANOS = 250_000L;

    /** Where the messages go; called on the input's own thread, in order. */
    public interface Listener {
        void message(int status, int data1, int data2, long nanos);

        /** The server went away: no more messages. */
        void serverGone(String detail);
    }

    private final JackHost host;
    private final JackPort port;
    private final MidiEventRing ring = new MidiEventRing(4096);
    private final JackMidi.Event event = new JackMidi.Event(); // JACK's thread only
    private final byte[] data = new byte[256];
    private final JackHost.Cycle cycle = this::process;
    private final Thread handOff;
    private final Listener listener;
    private final Runnable gone;
    private volatile boolean running = true;
    private long skipped; // JACK's thread: system-exclusive and other long messages, not used here
    private boolean closed;

    /** @param connectFrom a port (full name or a unique part of one) to connect to the input at once, e.g. "a2j:Keystation" */
    public JackMidiInput(Optional<String> connectFrom, Listener listener) throws MidiDeviceException {
        this.listener = listener;
        this.host = JackHost.acquire();
        try {
            port = host.register(PORT, JackPortType.MIDI, JackPortFlags.JackPortIsInput);
            host.add(cycle);
            if (connectFrom.isPresent()) {
                String from = host.port(
                        connectFrom.get(),
                        JackPortType.MIDI,
                        EnumSet.of(JackPortFlags.JackPortIsOutput),
                        "MIDI output");
                host.connect(from, portName());
            }
        } catch (MidiDeviceException | RuntimeException e) {
            host.remove(cycle);
            host.release();
            throw e;
        }
        handOff = new Thread(this::handOff, "jack-midi-in");
        handOff.setDaemon(true);
        handOff.setPriority(Thread.MAX_PRIORITY);
        handOff.start();
        gone = () -> {
            running = false;
            listener.serverGone(JackHost.GONE + ": " + portName() + " is gone; "
                    + JackHost.RESTART.replace("output", "controller"));
        };
        host.onGone(gone);
    }

    public String portName() {
        return host.clientName() + ":" + PORT;
    }

    public JackHost host() {
        return host;
    }

    /** Events that did not fit in the ring: should stay 0. */
    public long dropped() {
        return ring.dropped();
    }

    // JACK's process thread
    private void process(int frames, long cycleNanos) {
        try {
            int n = JackMidi.getEventCount(port);
            long from = cycleNanos - host.periodNanos();
            for (int i = 0; i < n; i++) {
                JackMidi.eventGet(event, port, i);
                int size = event.size();
                if (size < 1 || size > 3) {
                    skipped++;
                    continue;
                }
                event.read(data);
                int status = data[0] & 0xFF;
                if (status < 0x80 || status >= 0xF0) {
                    skipped++;
                    continue;
                }
                ring.offer(
                        MidiEventRing.pack(status, size > 1 ? data[1] : 0, size > 2 ? data[2] : 0),
                        from + event.time() * 1_000_000_000L / host.sampleRate());
            }
        } catch (JackException e) {
            skipped++;
        }
    }

    private void handOff() {
        while (running) {
            if (ring.isEmpty()) {
                LockSupport.parkNanos(POLL_NANOS);
                continue;
            }
            int m = ring.peekMessage();
            long t = ring.peekNanos();
            ring.advance();
            listener.message(MidiEventRing.status(m), MidiEventRing.data1(m), MidiEventRing.data2(m), t);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        host.removeOnGone(gone);
        host.remove(cycle);
        JackHost.sleepPeriods(host, 2);
        host.unregister(port);
        host.release();
    }
}
