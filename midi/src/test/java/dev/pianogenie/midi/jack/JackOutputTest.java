package dev.pianogenie.midi.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.testkit.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JACK outputs against a real JACK server (CI starts a dummy one: `.ci/run`), heard by a second client in this
 * JVM as a DAW would hear them. Skipped, visibly, only when no server answers. Timing is loose: CI's server may run
 * without realtime priority on a busy machine.
 */
class JackOutputTest {
    static final String MAESTRO =
            "2004/MIDI-Unprocessed_SMF_02_R1_2004_01-05_ORIG_MID--AUDIO_02_R1_2004_05_Track05_wav.midi";

    @BeforeEach
    void server() { // per test, so that each shows as skipped
        assumeTrue(JackHost.probe().isPresent(), "JACK tests skipped: " + JackHost.NO_SERVER);
    }

    @Test
    void everyNoteOnOfARealPerformanceArrivesWithItsVelocityAtAnotherClient() throws Exception {
        Performance p = MidiFileReader.read(SharedData.maestroFile(MAESTRO));
        List<Note> notes = p.notes().subList(0, 150); // ~15 s of Chopin's density, played 4x as fast
        try (JackMonitor monitor = new JackMonitor(4096);
                JackMidiSink sink = new JackMidiSink(2, Optional.empty())) {
            monitor.recordAudio(false);
            monitor.listenTo(sink.portName(), null, null);
            long start = System.nanoTime();
            List<int[]> sent = new ArrayList<>();
            for (Note n : notes) {
                long at = start + (long) (n.onsetSeconds() * 1e9 / 4);
                LockSupport.parkNanos(at - System.nanoTime());
                long now = System.nanoTime();
                sink.noteOn(n.pitch(), n.velocity(), now);
                sink.noteOff(n.pitch(), now + 1);
                sent.add(new int[] {n.pitch(), n.velocity()});
            }
            waitFor(() -> monitor.eventCount() >= 2 * notes.size(), 3000);
            List<int[]> received = new ArrayList<>();
            for (JackMonitor.Event e : monitor.events()) {
                if (e.status() == (Midi.NOTE_ON | 2)) {
                    received.add(new int[] {e.data1(), e.data2()});
                } else {
                    assertEquals(Midi.NOTE_OFF | 2, e.status(), "only note-ons and note-offs, on channel 3");
                }
            }
            long xruns = monitor.xruns();
            List<String> s1 = sent.stream().map(a -> a[0] + "/" + a[1]).toList();
            List<String> r1 = received.stream().map(a -> a[0] + "/" + a[1]).toList();
            if (xruns == 0) {
                assertEquals(s1, r1, "every note-on arrives with its pitch and velocity, in order");
            } else { // JACK drops or repeats a period's MIDI on an xrun: at most one event each, the rest in order
                int[][] lcs = new int[s1.size() + 1][r1.size() + 1];
                for (int i = 1; i <= s1.size(); i++) {
                    for (int j = 1; j <= r1.size(); j++) {
                        lcs[i][j] = s1.get(i - 1).equals(r1.get(j - 1))
                                ? lcs[i - 1][j - 1] + 1
                                : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
                    }
                }
                int common = lcs[s1.size()][r1.size()];
                assertTrue(
                        s1.size() - common <= xruns && r1.size() - common <= xruns,
                        xruns + " xruns, yet " + (s1.size() - common) + " lost and " + (r1.size() - common) + " extra");
            }
            assertEquals(0, sink.dropped());
        }
    }

    @Test
    void theSynthsAudioPortsCarryEachNote() throws Exception {
        for (JackSynthSink.Rendering mode : JackSynthSink.Rendering.values()) {
            try (JackMonitor monitor = new JackMonitor(1 << 16);
                    JackSynthSink synth =
                            new JackSynthSink(Optional.empty(), mode, Optional.of(List.of()), (m, f) -> {})) {
                String c = synth.host().clientName();
                monitor.listenTo(null, c + ":" + JackSynthSink.LEFT, c + ":" + JackSynthSink.RIGHT);
                LockSupport.parkNanos(300_000_000L);
                int[] pitches = {36, 60, 67, 72, 84, 96};
                long[] onsets = new long[pitches.length];
                int quiet = monitor.periodCount();
                for (int i = 0; i < pitches.length; i++) {
                    onsets[i] = System.nanoTime();
                    synth.noteOn(pitches[i], 90, onsets[i]);
                    LockSupport.parkNanos(150_000_000L);
                    synth.noteOff(pitches[i], System.nanoTime());
                    LockSupport.parkNanos(400_000_000L);
                    synth.allNotesOff(System.nanoTime()); // all sound off: a low note's release would still ring
                    LockSupport.parkNanos(200_000_000L);
                }
                int n = monitor.periodCount();
                for (int p = 0; p < quiet; p++) {
                    assertTrue(
                            monitor.period(p).peak() < JackMonitor.AUDIBLE,
                            mode + ": silence before the first note, period " + p + " of " + quiet + ": "
                                    + monitor.period(p).peak());
                }
                for (int i = 0; i < pitches.length; i++) {
                    float before = 0;
                    float after = 0;
                    for (int p = 0; p < n; p++) {
                        JackMonitor.Period per = monitor.period(p);
                        long dt = per.cycleNanos() - onsets[i];
                        if (dt > -60_000_000L && dt < -5_000_000L) {
                            before = Math.max(before, per.peak());
                        } else if (dt >= 0 && dt < 120_000_000L) {
                            after = Math.max(after, per.peak());
                        }
                    }
                    assertTrue(after > 0.01f, mode + ": note " + pitches[i] + " is heard (peak " + after + ")");
                    assertTrue(
                            before < after / 10,
                            mode + ": note " + pitches[i] + " starts after its note-on (" + before + " before, " + after
                                    + " after)");
                }
                // thread rendering's underruns depend on the machine's load (a plain thread, not JACK's realtime one):
                // `genie bench latency --output jack` reports them; not a unit-test property
            }
        }
    }

    /**
     * JACK stops a client's threads with an asynchronous pthread_cancel; one cancelled while in the JVM hangs it at the
     * next safepoint (JackClientThreads). Closed our way, each process thread ends itself outside Java and leaves
     * the JVM: none is left attached, however often clients come and go while they work.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void closingWhileTheThreadsWorkLeavesNoJackThreadInTheJvm() throws Exception {
        for (int i = 0; i < 6; i++) {
            try (JackMonitor monitor = new JackMonitor(64);
                    JackMidiSink sink = new JackMidiSink(0, Optional.empty())) {
                monitor.listenTo(sink.portName(), null, null);
                sink.noteOn(48 + i, 100, System.nanoTime());
                LockSupport.parkNanos(20_000_000L * (i % 3));
                System.gc(); // a safepoint while the process threads run
            }
        }
        waitFor(() -> jackThreads().isEmpty(), 2000);
        assertEquals(List.of(), jackThreads(), "JACK threads still attached to the JVM after their clients closed");
    }

    /**
     * The hazard itself: a process call still in Java (here: 2.5 s, holding a lock) when the client closes. JACK's
     * deactivate would cancel it there — the lock never released, or the JVM hung at its next safepoint. Closed our
     * way, the call runs to its end and the lock is free again.
     */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aProcessCallStillInJavaWhenTheClientClosesRunsToItsEnd() throws Exception {
        JackHost host = JackHost.acquire();
        java.util.concurrent.locks.ReentrantLock held = new java.util.concurrent.locks.ReentrantLock();
        java.util.concurrent.atomic.AtomicBoolean entered = new java.util.concurrent.atomic.AtomicBoolean();
        host.add((frames, nanos) -> {
            if (entered.compareAndSet(false, true)) {
                held.lock();
                try {
                    long end = System.nanoTime() + 2_500_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait(); // in Java the whole time (a slow render, a long GC pause on the way)
                    }
                } finally {
                    held.unlock();
                }
            }
        });
        waitFor(entered::get, 5000);
        assertTrue(entered.get(), "a process call came");
        host.release();
        assertTrue(
                held.tryLock(10, java.util.concurrent.TimeUnit.SECONDS),
                "the call ran to its end: not cancelled in the JVM");
        waitFor(() -> jackThreads().isEmpty(), 2000);
        assertEquals(List.of(), jackThreads());
    }

    static List<String> jackThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.equals("jack-process") || n.equals("jack-monitor"))
                .toList();
    }

    static void waitFor(java.util.function.BooleanSupplier done, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
