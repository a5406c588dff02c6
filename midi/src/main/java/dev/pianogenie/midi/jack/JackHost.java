package dev.pianogenie.midi.jack;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import dev.pianogenie.midi.sound.MidiDeviceException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackStatus;

/**
 * The one JACK client of this program, {@code piano-genie}, shared by the JACK outputs and the JACK MIDI input
 * (each registers its ports on it and adds a {@link Cycle}). It is opened by the first user and closed by the last.
 *
 * <p>Real-time rules for every {@link Cycle}: it runs on JACK's process thread, so it allocates nothing, takes no
 * lock and does no I/O; it talks to the rest of the program through preallocated lock-free rings.
 *
 * <p>Hazards handled here (TECH-NOTES, "JACK and PipeWire from Java"): a static strong reference keeps the
 * client reachable while it is open, so it cannot be collected into a zombie that stalls the other clients; JACK's
 * threads are started and stopped by {@link JackClientThreads} (a daemon process thread; never cancelled by JACK
 * while in the JVM); the server going away is reported once, on its own thread, and the client closed.
 */
public final class JackHost {
    public static final String CLIENT_NAME = "piano-genie";
    /** Said when the server dies while we play. */
    public static final String GONE = "the JACK server went away";
    /** What to do then. */
    public static final String RESTART = "start it again (or the PipeWire session), then choose the JACK output again";
    /** Said when no server answers; names how to start one. */
    public static final String NO_SERVER = "no JACK server answers: start one (e.g. `jackd -d alsa`, or"
            + " `jackd -d dummy` to try it without a sound card, or QjackCtl), or on a PipeWire desktop run the app"
            + " through PipeWire's JACK: `pw-jack ./genie ...` (Debian: apt-get install pipewire-jack)";

    /** Work done once per JACK period on JACK's process thread (see the class comment for its rules). */
    public interface Cycle {
        /**
         * @param frames     this period's frames
         * @param cycleNanos {@link System#nanoTime()} at the start of this process call
         */
        void process(int frames, long cycleNanos);
    }

    private static final Object LOCK = new Object();
    private static volatile JackHost open; // the strong reference that keeps an active client from being collected
    private static int users;

    private final Jack jack;
    private final JackClient client;
    private final int sampleRate;
    private final int period;
    private final Optional<Boolean> realtime; // empty: the server's library does not say
    private volatile Cycle[] cycles = new Cycle[0];
    private final JackClientThreads threads;
    private volatile long processCalls;
    private volatile boolean gone;
    private volatile boolean closed;
    private final CopyOnWriteArrayList<Runnable> goneListeners = new CopyOnWriteArrayList<>();

    private JackHost(Jack jack, JackClient client) throws JackException {
        this.jack = jack;
        this.client = client;
        this.sampleRate = client.getSampleRate();
        this.period = client.getBufferSize();
        this.threads = new JackClientThreads(client, "jack-process", this::process, this::serverWentAway);
        this.lib = threads.lib();
        this.libClient = threads.clientPtr();
        client.activate();
        this.realtime = isRealtime(client);
    }

    /**
     * The shared client, opened if nobody holds it yet; every {@code acquire} is matched by one {@link #release()}.
     *
     * @throws MidiDeviceException {@link #NO_SERVER} (or the library's absence) in one line
     */
    public static JackHost acquire() throws MidiDeviceException {
        synchronized (LOCK) {
            if (open == null || open.gone) {
                open = create(CLIENT_NAME);
            }
            users++;
            return open;
        }
    }

    private static JackHost create(String name) throws MidiDeviceException {
        Jack j = jackLibrary();
        JackClient c = openClient(j, name);
        try {
            return new JackHost(j, c);
        } catch (JackException e) {
            c.close();
            throw new MidiDeviceException(
                    "JACK did not let " + name + " start (" + e.getMessage() + "); " + NO_SERVER, e);
        }
    }

    /** Gives the client back; the last user closes it (ports and connections go with it). */
    public void release() {
        synchronized (LOCK) {
            if (open != this) {
                return; // already closed (the server went away)
            }
            if (--users <= 0) {
                users = 0;
                open = null;
                close();
            }
        }
    }

    /**
     * Whether a JACK server answers now, and how it runs ("48000 Hz, 128 frames (2.67 ms), realtime"); empty when
     * none does. Opens and closes a short-lived client; never starts a server.
     */
    public static Optional<String> probe() {
        JackHost o = open; // not under LOCK: a client closing there must not hold up the window's menus
        if (o != null && !o.gone) {
            return Optional.of(o.describe());
        }
        try {
            Jack j = jackLibrary();
            JackClient c = openClient(j, CLIENT_NAME + "-probe");
            try {
                return Optional.of(describe(c.getSampleRate(), c.getBufferSize(), isRealtime(c)));
            } finally {
                c.close();
            }
        } catch (MidiDeviceException | JackException e) {
            return Optional.empty();
        }
    }

    public String describe() {
        return describe(sampleRate, period, realtime);
    }

    private static String describe(int rate, int frames, Optional<Boolean> rt) {
        return String.format(
                java.util.Locale.ROOT,
                "JACK server: %d Hz, %d frames a period (%.2f ms)%s",
                rate,
                frames,
                frames * 1e3 / rate,
                rt.map(r -> r ? ", realtime" : ", NOT realtime (xruns likely: start jackd with -R)")
                        .orElse(""));
    }

    static Jack jackLibrary() throws MidiDeviceException {
        try {
            Jack j = Jack.getInstance();
            quietLibjack();
            return j;
        } catch (JackException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new MidiDeviceException(
                    "JACK's library (libjack.so.0) is missing: install it (Debian:"
                            + " apt-get install libjack-jackd2-0, or pipewire-jack), then start a server; " + NO_SERVER,
                    e);
        }
    }

    /**
     * libjack prints its errors ("Cannot connect to server socket") itself; ours say it in one line instead. The
     * replacement printer is a native function that ignores its argument (libc's {@code strlen}), not a Java
     * callback: libjack prints from its own threads too, which it cancels asynchronously (see
     * {@link JackClientThreads}), and a thread cancelled inside the JVM hangs it.
     */
    private static void quietLibjack() {
        if (Boolean.getBoolean("genie.jack.verbose")) {
            return;
        }
        NativeLibrary jack = NativeLibrary.getInstance("jack");
        com.sun.jna.Function ignore = NativeLibrary.getInstance("c").getFunction("strlen");
        jack.getFunction("jack_set_error_function").invokeVoid(new Object[] {ignore});
        jack.getFunction("jack_set_info_function").invokeVoid(new Object[] {ignore});
    }

    private static JackClient openClient(Jack j, String name) throws MidiDeviceException {
        EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
        try {
            return j.openClient(name, EnumSet.of(JackOptions.JackNoStartServer), status);
        } catch (JackException | RuntimeException e) {
            if (status.contains(JackStatus.JackServerFailed) || status.isEmpty()) {
                throw new MidiDeviceException(NO_SERVER); // the one line; JNAJack's own message adds nothing
            }
            throw new MidiDeviceException(
                    "JACK refused the client " + name + " (" + status + "): is the server"
                            + " running as another user?",
                    e);
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Frames a period. */
    public int period() {
        return period;
    }

    public long periodNanos() {
        return period * 1_000_000_000L / sampleRate;
    }

    /**
     * Whether the server runs its process threads with realtime priority ({@code jack_is_realtime}); empty when its
     * library does not say (some PipeWire versions answer "not supported").
     */
    public Optional<Boolean> realtime() {
        return realtime;
    }

    /** Xruns the server reported since this client opened (any client's, not only ours). */
    public long xruns() {
        return threads.xruns();
    }

    /** Process calls so far. */
    public long cycles() {
        return processCalls;
    }

    /** Whether the server went away (then this client is closed and every port dead). */
    public boolean gone() {
        return gone;
    }

    public String clientName() {
        return client.getName();
    }

    /** Told once, on its own thread, when the server goes away. */
    public void onGone(Runnable r) {
        goneListeners.add(r);
    }

    public void removeOnGone(Runnable r) {
        goneListeners.remove(r);
    }

    public JackPort register(String shortName, JackPortType type, JackPortFlags direction) throws MidiDeviceException {
        try {
            return client.registerPort(shortName, type, direction);
        } catch (JackException e) {
            throw new MidiDeviceException(
                    "JACK refused the port " + CLIENT_NAME + ":" + shortName
                            + " (is another piano-genie using that name?)",
                    e);
        }
    }

    public void unregister(JackPort port) {
        if (!gone && !closed) {
            try {
                // JNAJack fetches every port's buffer before each process call, and drops a port from its list only
                // after unregistering it: meanwhile PipeWire's libjack answers NULL (JNAJack's NullPointerException,
                // a stack trace, a lost period; seen for a connected port at 128 frames). So the port leaves the list
                // first, and the process call that may still use the old list ends, before JACK hears of it.
                dropFromJnaJacksList(port);
                sleepPeriods(this, 2);
                client.unregisterPort(port);
            } catch (JackException e) {
                // the client closes soon anyway; its ports go with it
            }
        }
    }

    private void dropFromJnaJacksList(JackPort port) {
        try {
            Field f = JackClient.class.getDeclaredField("ports");
            f.setAccessible(true);
            JackPort[] all = (JackPort[]) f.get(client);
            f.set(client, Arrays.stream(all).filter(p -> p != port).toArray(JackPort[]::new));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JNAJack changed: it unregisters the port its own way
        }
    }

    /** Adds work to every period, from the next one on. */
    public synchronized void add(Cycle c) {
        Cycle[] more = Arrays.copyOf(cycles, cycles.length + 1);
        more[cycles.length] = c;
        cycles = more;
    }

    public synchronized void remove(Cycle c) {
        cycles = Arrays.stream(cycles).filter(x -> x != c).toArray(Cycle[]::new);
    }

    /**
     * Connects two ports by full name ("piano-genie:midi_out" → "Ardour:MIDI in"): a name that is not a port is
     * refused with the ports there are.
     */
    public void connect(String from, String to) throws MidiDeviceException {
        try {
            jack.connect(client, from, to);
        } catch (JackException e) {
            throw new MidiDeviceException(
                    "JACK could not connect " + from + " to " + to + "; ports: " + String.join(", ", ports(null, null)),
                    e);
        }
    }

    /**
     * Full names of the ports of another client's that match {@code type} and {@code flags} (null: any), e.g. the
     * system playback ports (physical inputs).
     */
    public List<String> ports(JackPortType type, EnumSet<JackPortFlags> flags) {
        try {
            String[] names = jack.getPorts(client, null, type, flags);
            return names == null ? List.of() : List.of(names);
        } catch (JackException e) {
            return List.of();
        }
    }

    /**
     * The port {@code wanted} names: its full name, else the one port whose name contains it (case-insensitive).
     */
    public String port(String wanted, JackPortType type, EnumSet<JackPortFlags> flags, String what)
            throws MidiDeviceException {
        List<String> all = new ArrayList<>(ports(type, flags));
        all.removeIf(p -> p.startsWith(clientName() + ":"));
        for (String p : all) {
            if (p.equalsIgnoreCase(wanted)) {
                return p;
            }
        }
        String w = wanted.toLowerCase(java.util.Locale.ROOT);
        List<String> some = all.stream()
                .filter(p -> p.toLowerCase(java.util.Locale.ROOT).contains(w))
                .toList();
        if (some.size() == 1) {
            return some.get(0);
        }
        throw new MidiDeviceException((some.isEmpty()
                        ? "no JACK " + what + " named '" + wanted + "'"
                        : "'" + wanted + "' matches " + some.size() + " JACK " + what + "s")
                + "; there are: "
                + (all.isEmpty() ? "none" : String.join(", ", some.isEmpty() ? all : some)));
    }

    /** Waits about {@code n} periods (a closing port's last process calls); keeps the interrupt. */
    static void sleepPeriods(JackHost host, int n) {
        try {
            Thread.sleep(Math.max(1, n * host.periodNanos() / 1_000_000 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // JACK's process thread: no allocation, no lock, no I/O (reads a volatile array and calls the cycles)
    private boolean process(int frames) {
        long now = System.nanoTime();
        { // how late into the period Java got control: the JVM's own stalls on the way in show here
            int late = lib.jack_frames_since_cycle_start(libClient);
            entryLate[(int) Math.min(DURATION_BUCKETS - 1, Math.max(0, late) * 100_000L / sampleRate)]++;
        }
        Cycle[] cs = cycles;
        for (Cycle c : cs) {
            c.process(frames, now);
        }
        int bucket = (int) Math.min(DURATION_BUCKETS - 1, (System.nanoTime() - now) / 10_000L);
        durations[bucket]++; // one writer (this thread); readers only report
        processCalls++;
        return true;
    }

    private static final int DURATION_BUCKETS = 2000; // 10 µs each, up to 20 ms
    private final long[] durations = new long[DURATION_BUCKETS];
    private final long[] entryLate = new long[DURATION_BUCKETS];
    private final org.jaudiolibs.jnajack.lowlevel.JackLibrary lib;
    private final org.jaudiolibs.jnajack.lowlevel.JackLibrary._jack_client libClient;

    /** The q-quantile, in µs, of how far into the period our process call began (JACK's clock). */
    public double entryMicros(double q) {
        return quantile(entryLate, q);
    }

    private static double quantile(long[] hist, double q) {
        long total = 0;
        for (long d : hist) {
            total += d;
        }
        long want = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen >= want && seen > 0) {
                return (i + 1) * 10.0;
            }
        }
        return 0;
    }

    /** Process calls that began later than {@code micros} into their period. */
    public long callsEnteredLaterThan(long micros) {
        long n = 0;
        for (int i = (int) Math.min(DURATION_BUCKETS - 1, micros / 10); i < DURATION_BUCKETS; i++) {
            n += entryLate[i];
        }
        return n;
    }

    /**
     * How long our process calls took (Java side, from entry to return; a call stopped by the JVM counts its wait),
     * the q-quantile in µs at 10 µs resolution, over all calls so far; and the longest bucket seen.
     */
    public double processMicros(double q) {
        return quantile(durations, q);
    }

    /** Process calls that took longer than {@code micros} (a whole period: an xrun of ours). */
    public long processCallsLongerThan(long micros) {
        long n = 0;
        for (int i = (int) Math.min(DURATION_BUCKETS - 1, micros / 10); i < DURATION_BUCKETS; i++) {
            n += durations[i];
        }
        return n;
    }

    private void serverWentAway() {
        gone = true;
        Thread t = new Thread(
                () -> {
                    synchronized (LOCK) {
                        if (open == this) {
                            open = null;
                            users = 0;
                        }
                    }
                    for (Runnable r : goneListeners) {
                        r.run();
                    }
                    close();
                },
                "jack-server-gone");
        t.setDaemon(true);
        t.start();
    }

    private void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        threads.stopAndClose(gone, periodNanos()); // frees the client's memory and threads, also after the server died
    }

    /**
     * {@code jack_is_realtime}, which JNAJack 1.4.0 does not offer, called through JNA: 1 yes, 0 no; anything else (an
     * older PipeWire's -ENOTSUP) or no answer: empty.
     */
    private static Optional<Boolean> isRealtime(JackClient client) {
        try {
            Field f = JackClient.class.getDeclaredField("clientPtr");
            f.setAccessible(true);
            Pointer p = ((PointerType) f.get(client)).getPointer();
            int answer = NativeLibrary.getInstance("jack")
                    .getFunction("jack_is_realtime")
                    .invokeInt(new Object[] {p});
            return answer == 1 ? Optional.of(true) : answer == 0 ? Optional.of(false) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }
}
