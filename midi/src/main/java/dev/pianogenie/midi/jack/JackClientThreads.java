package dev.pianogenie.midi.jack;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.lowlevel.JackLibrary;

/**
 * The threads JACK runs Java on for one client — its process thread (the process callback) and its notification
 * thread (the xrun and shutdown callbacks) — started, and stopped so that JACK never cancels a thread that is in
 * the JVM.
 *
 * <p>Why: libjack (jackd2) stops a client's threads with <em>asynchronous</em> {@code pthread_cancel}: the process
 * thread in {@code jack_deactivate}, the notification thread in {@code jack_client_close}. A thread cancelled while it
 * runs Java (a late process call, an xrun callback) dies in the middle of the JVM, and the next safepoint waits for
 * it for ever: the whole program hangs. Seen as a CI run that hung while the window switched outputs on a loaded
 * machine, the server reporting late clients by the thousand. So {@link #stop} goes in this order:
 * <ol>
 *   <li>the process callback returns false at its next call: JACK then deactivates the client and ends the thread
 *   itself, outside Java ({@code JackClient::End}); we wait until the thread has left the JVM;</li>
 *   <li>the client being inactive now, the xrun and shutdown callbacks are unregistered, and one under way is
 *   waited for;</li>
 *   <li>only then {@code jack_deactivate} (no thread of ours left to cancel) and {@code jack_client_close} (cancels
 *   a notification thread that is in libjack's own code).</li>
 * </ol>
 *
 * <p>PipeWire's libjack (pipewire-jack, {@code pw-jack}; read in 0.3.65 and 1.x) differs: it ignores the process
 * callback's value and calls on every period, the client active until {@code jack_deactivate}, which stops the
 * thread with a <em>deferred</em> {@code pthread_cancel} (it acts only at a cancellation point: normally the wait
 * for the next period in libjack); the xrun callback runs on the process thread; callbacks cannot be changed while
 * active. So a call that comes after our false (only PipeWire's does) returns true at once, keeping the thread
 * attached (on false JNAJack detaches it, and it would re-attach every period); the callbacks stay registered; and
 * {@code jack_deactivate} is called just after such a call has returned, a whole period before the next.
 */
final class JackClientThreads {
    /** One period's work; false ends the client's processing for good. */
    interface Process {
        boolean process(int frames);
    }

    private final JackClient client;
    private final JackLibrary lib;
    private final JackLibrary._jack_client clientPtr;
    private final AtomicLong xruns = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean inCall;
    private volatile boolean ended; // our callback returned false
    private volatile long callsAfterEnd; // process calls that came after that (PipeWire's libjack)
    private volatile Thread processThread;
    private volatile Thread xrunThread;
    private volatile Thread shutdownThread;

    /**
     * Sets the callbacks (before {@link JackClient#activate}).
     *
     * @param threadName the process thread's name in the JVM (a daemon thread: it never keeps the JVM alive)
     * @param onShutdown runs on JACK's thread when the server goes away: return at once
     */
    JackClientThreads(JackClient client, String threadName, Process process, Runnable onShutdown) throws JackException {
        this.client = client;
        try { // JNAJack's direct-mapped library and the client's pointer, for the calls it does not offer
            Field l = org.jaudiolibs.jnajack.Jack.class.getDeclaredField("jackLib");
            l.setAccessible(true);
            Field c = JackClient.class.getDeclaredField("clientPtr");
            c.setAccessible(true);
            lib = (JackLibrary) l.get(org.jaudiolibs.jnajack.Jack.getInstance());
            clientPtr = (JackLibrary._jack_client) c.get(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new JackException("cannot reach JNAJack's library (JNAJack changed?): " + e);
        }
        client.setProcessCallback((c, frames) -> {
            Thread t = Thread.currentThread(); // the same attached thread every period: no allocation
            if (processThread != t) {
                processThread = t;
            }
            if (ended) { // this libjack ignored our false (PipeWire's): stay attached, do nothing
                callsAfterEnd++; // only this thread writes it
                return true;
            }
            inCall = true;
            try {
                boolean on = !stopping && process.process(frames);
                ended = !on;
                return on;
            } finally {
                inCall = false;
            }
        });
        attachAsDaemon(client, threadName);
        client.setXrunCallback(c -> {
            xrunThread = Thread.currentThread();
            xruns.incrementAndGet();
        });
        client.onShutdown(c -> {
            shutdownThread = Thread.currentThread();
            onShutdown.run();
        });
    }

    /** JNAJack's low-level library (no allocation per call), for the process thread's own queries. */
    JackLibrary lib() {
        return lib;
    }

    JackLibrary._jack_client clientPtr() {
        return clientPtr;
    }

    /** Xruns the server reported since the client opened (any client's). */
    long xruns() {
        return xruns.get();
    }

    /**
     * Stops the client's threads in the safe order (class comment) and closes it.
     *
     * @param serverGone the server went away: the threads ended by themselves; only wait for them to leave the JVM
     * @param periodNanos the server's period (how long a process call may take to come)
     */
    void stopAndClose(boolean serverGone, long periodNanos) {
        stopping = true;
        long patience = Math.max(1_000_000_000L, 50 * periodNanos);
        if (serverGone) {
            awaitGone(shutdownThread, patience); // the thread that told us: out of Java before it is cancelled
            awaitGone(processThread, patience);
            client.close();
            return;
        }
        if (!awaitProcessEnd(patience)) {
            // a process call has been in Java for over STUCK_NANOS (a deadlock in a cycle?): cancelling it would hang
            // the whole program, so the client is left open rather than closed (the server drops it when we exit)
            System.err.println("genie: JACK's process thread is stuck in a call; the JACK client " + client.getName()
                    + " is left open");
            return;
        }
        if (processThread != null && !processThreadAlive() && callsAfterEnd == 0) {
            // the client is inactive once JACK's End() has run (just after our last call returned): then the
            // notification thread's Java callbacks can go
            long until = System.nanoTime() + patience;
            boolean unregistered;
            while (!(unregistered = lib.jack_set_xrun_callback(clientPtr, null, null) == 0)
                    && callsAfterEnd == 0
                    && System.nanoTime() < until) {
                LockSupport.parkNanos(1_000_000L);
            }
            if (unregistered) {
                lib.jack_on_shutdown(clientPtr, null, null);
                awaitGone(xrunThread, patience);
                awaitGone(shutdownThread, patience);
            }
        }
        if (callsAfterEnd > 0) { // PipeWire's libjack: the client is still active (class comment)
            awaitCallAfterEnd(patience);
        }
        client.deactivate(); // nothing of ours left to cancel: a no-op once End() has run, else a thread in libjack
        client.close();
    }

    /** How long a process call may stay in Java before we stop waiting for it and leave the client open. */
    static final long STUCK_NANOS = 10_000_000_000L;

    /**
     * Waits for the process thread to end itself at its next call (or, under PipeWire's libjack, for a call after
     * our false: the thread does not end there); or, if no call comes within {@code patience}
     * (a stalled server), for the thread to be out of Java (in libjack, where cancelling it is safe). False when a
     * call stays in Java longer than {@link #STUCK_NANOS}.
     */
    private boolean awaitProcessEnd(long patience) {
        long start = System.nanoTime();
        while ((processThreadAlive() || processThread == null) && callsAfterEnd == 0) {
            long waited = System.nanoTime() - start;
            if (waited > patience && !inCall) {
                return true;
            }
            if (waited > patience + STUCK_NANOS) {
                return false;
            }
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /**
     * Returns once a process call after our false has been counted — that call returns at once, and the thread then
     * waits in libjack for the next period, where PipeWire's deferred cancel takes it — or after {@code patience}
     * without one (a stalled server: the thread waits in libjack already).
     */
    private void awaitCallAfterEnd(long patience) {
        long seen = callsAfterEnd;
        long until = System.nanoTime() + patience;
        while (callsAfterEnd == seen && System.nanoTime() < until) {
            LockSupport.parkNanos(50_000L);
        }
    }

    private boolean processThreadAlive() {
        Thread t = processThread;
        return t != null && t.isAlive();
    }

    /** Waits until {@code t} (null: none) has left the JVM; whether it did within {@code nanos}. */
    private static boolean awaitGone(Thread t, long nanos) {
        long until = System.nanoTime() + nanos;
        while (t != null && t.isAlive()) {
            if (System.nanoTime() > until) {
                return false;
            }
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /**
     * Attaches JACK's process thread to the JVM once, as a named <em>daemon</em> thread that stays attached:
     * JNAJack asks JNA for a non-daemon thread (which kept the JVM alive); without any such set-up JNA would attach
     * and detach the thread every period, allocating a Thread each time. JNA looks the set-up up when the thread
     * first calls in, so replacing JNAJack's after {@code setProcessCallback} (before {@code activate}) works. JNAJack
     * keeps its callback wrapper private: found by reflection.
     */
    private static void attachAsDaemon(JackClient client, String threadName) throws JackException {
        try {
            Field f = JackClient.class.getDeclaredField("processCallback");
            f.setAccessible(true);
            com.sun.jna.Callback wrapper = (com.sun.jna.Callback) f.get(client);
            Native.setCallbackThreadInitializer(wrapper, new CallbackThreadInitializer(true, false, threadName));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new JackException("cannot set up JACK's process thread (JNAJack changed?): " + e);
        }
    }
}
