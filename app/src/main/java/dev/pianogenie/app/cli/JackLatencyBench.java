package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.jack.JackHost;
import dev.pianogenie.midi.jack.JackMidiSink;
import dev.pianogenie.midi.jack.JackMonitor;
import dev.pianogenie.midi.jack.JackSynthSink;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./genie bench latency --output jack}: presses through the real performer and decoder into both JACK outputs,
 * heard by a second client ({@link JackMonitor}) as a DAW would: press → the note's event in the JACK MIDI buffer
 * (the period whose buffer carries it, when the listening client processes it) and press → its first audible
 * sample (−60 dBFS) in the JACK audio buffer. Also the period, xruns, the garbage collector's pauses and what JACK's
 * process thread allocates per period.
 */
final class JackLatencyBench {
    private JackLatencyBench() {}

    /** Presses in real time (each up to 0.6 s, every period kept): 20,000 is over three hours at most. */
    static final int MAX_PRESSES = 20_000;

    static int run(PianoGenieModel model, String engine, int presses, JackSynthSink.Rendering rendering)
            throws Exception {
        dev.pianogenie.app.live.PianoSound
                .prepareHere(); // the synth in JACK plays the default sound: the sampled piano
        JackHost.probe().orElseThrow(() -> new IllegalStateException(JackHost.NO_SERVER));
        long[] toMidi = new long[presses];
        long[] toAudio = new long[presses];
        int missedMidi = 0;
        int missedAudio = 0;
        int notSilent = 0;
        long[] sinkToMidi = new long[presses];
        long[] sinkToAudio = new long[presses];
        long[] lastDone = new long[1]; // written by the performer thread, read after drain()
        SplittableRandom random = new SplittableRandom(5);
        try (JackGcWatch gc = new JackGcWatch();
                // every period of the run: a press takes at most 0.6 s (idle, the last note's silence, the wait, the
                // release), so the monitor never fills up before the last press, however short the period
                JackMonitor monitor = new JackMonitor(40 * (presses + 100) + 10_000, 0.6 * (presses + 100) + 60);
                StreamingDecoder d = Decoders.open(
                        model,
                        DecoderEngine.parse(engine),
                        Sampling.of(Sampling.DEFAULT_TEMPERATURE).withSeed(5));
                Performer p = new Performer(d, new PerformerListener() {
                    @Override
                    public void played(Played note) {
                        lastDone[0] = note.doneNanos();
                    }
                })) {
            String m = JackMonitor.NAME;
            JackMidiSink midi = new JackMidiSink(0, Optional.of(monitor.midiInPort()));
            JackSynthSink synth = new JackSynthSink(
                    Optional.empty(), rendering, Optional.of(List.of(m + ":in_l", m + ":in_r")), (x, n) -> {});
            JackHost host = synth.host();
            try {
                p.attach(midi);
                p.attach(synth);
                synth.control(91, 0); // no reverb: each note starts from silence (an onset, not the room, is measured)
                synth.control(93, 0);
                System.out.println(host.describe() + "; " + synth.describe());
                System.out.println("machine load (1/5/15 min): " + loadAverage());
                long xrunsBefore = 0;
                long cyclesBefore = 0;
                long allocBefore = 0;
                int gcBefore = 0;
                long latencyFrom = 0;
                for (int i = -100; i < presses; i++) { // 100 warm-up presses
                    if (i > 0 && i % 500 == 0) {
                        System.out.printf(
                                Locale.ROOT,
                                "  %d presses, %d xruns so far, load %s%n",
                                i,
                                monitor.xruns() - xrunsBefore,
                                loadAverage());
                    }
                    if (i == 0) {
                        xrunsBefore = monitor.xruns();
                        cyclesBefore = host.cycles();
                        allocBefore = processThreadAllocatedBytes();
                        gcBefore = gc.count();
                        latencyFrom = p.latency().count();
                    }
                    LockSupport.parkNanos(
                            15_000_000L + random.nextLong(20_000_000L)); // like a player: idle between presses
                    long silentSince = System.nanoTime() + 300_000_000L;
                    while (!lastPeriodSilent(monitor) && System.nanoTime() < silentSince) {
                        LockSupport.parkNanos(1_000_000L); // the last note's release has died away
                    }
                    boolean silent = lastPeriodSilent(monitor);
                    int events = monitor.eventCount();
                    int periodsBefore = monitor.periodCount();
                    int b = random.nextInt(p.decoder().numButtons());
                    long t = System.nanoTime();
                    p.onEvent(ButtonEvent.press(b, 100, t));
                    long midiAt = 0;
                    long audioAt = 0;
                    long until = t + 200_000_000L;
                    int scanned = periodsBefore;
                    while ((midiAt == 0 || audioAt == 0) && System.nanoTime() < until) {
                        LockSupport.parkNanos(200_000L);
                        if (midiAt == 0 && monitor.eventCount() > events) {
                            for (JackMonitor.Event e : monitor.events().subList(events, monitor.eventCount())) {
                                if (e.status() == Midi.NOTE_ON && e.data2() > 0) {
                                    midiAt = e.cycleNanos();
                                    break;
                                }
                            }
                        }
                        for (int k = scanned; audioAt == 0 && k < monitor.periodCount(); k++) {
                            JackMonitor.Period per = monitor.period(k);
                            if (per.cycleNanos() >= t && per.firstAudible() >= 0) {
                                audioAt = per.cycleNanos();
                            }
                            scanned = k + 1;
                        }
                    }
                    p.onEvent(ButtonEvent.release(b, System.nanoTime()));
                    p.drain(1000);
                    synth.allNotesOff(System.nanoTime()); // all sound off: silence before the next press
                    LockSupport.parkNanos(30_000_000L);
                    if (i >= 0) {
                        toMidi[i] = midiAt == 0 ? -1 : midiAt - t;
                        toAudio[i] = audioAt == 0 || !silent ? -1 : audioAt - t;
                        long done = lastDone[0];
                        sinkToMidi[i] = midiAt == 0 || done < t ? -1 : midiAt - done;
                        sinkToAudio[i] = toAudio[i] < 0 || done < t ? -1 : audioAt - done;
                        missedMidi += midiAt == 0 ? 1 : 0;
                        missedAudio += audioAt == 0 && silent ? 1 : 0; // unheard from silence, not just unmeasured
                        notSilent += silent ? 0 : 1;
                    }
                }
                long xruns = monitor.xruns() - xrunsBefore;
                long cycles = host.cycles() - cyclesBefore;
                long alloc = processThreadAllocatedBytes() - allocBefore;
                double bytesPerPeriod = alloc < 0 ? -1 : alloc / (double) Math.max(1, cycles); // -1: not measured
                double periodUs = host.periodNanos() / 1e3;
                double handedP50 = p.latency().totalPercentileMicrosSince(latencyFrom, 0.5);
                double handedP99 = p.latency().totalPercentileMicrosSince(latencyFrom, 0.99);
                long[] midiSorted =
                        Arrays.stream(toMidi).filter(x -> x >= 0).sorted().toArray();
                long[] audioSorted =
                        Arrays.stream(toAudio).filter(x -> x >= 0).sorted().toArray();
                double midiP50 = pct(midiSorted, 0.5) / 1e3;
                double midiP99 = pct(midiSorted, 0.99) / 1e3;
                double audioP50 = pct(audioSorted, 0.5) / 1e3;
                double audioP99 = pct(audioSorted, 0.99) / 1e3;
                System.out.printf(
                        Locale.ROOT,
                        "press → note-on in the JACK MIDI buffer (%d presses, %s): p50 %.0f µs  p99 %.0f µs  max %.0f µs; not seen: %d%n",
                        presses,
                        engine,
                        midiP50,
                        midiP99,
                        pct(midiSorted, 1.0) / 1e3,
                        missedMidi);
                System.out.printf(
                        Locale.ROOT,
                        "press → first audible sample in the JACK audio buffer: p50 %.0f µs  p99 %.0f µs  max %.0f µs; not heard: %d;"
                                + " not measured (still sounding before the press): %d%n",
                        audioP50,
                        audioP99,
                        pct(audioSorted, 1.0) / 1e3,
                        missedAudio,
                        notSilent);
                System.out.printf(
                        Locale.ROOT,
                        "  of which press → handed to the JACK sinks (the performer thread: queue, decoder; not"
                                + " realtime, so the machine's load shows here): p50 %.0f µs  p99 %.0f µs%n",
                        handedP50,
                        handedP99);
                long[] sm =
                        Arrays.stream(sinkToMidi).filter(x -> x >= 0).sorted().toArray();
                long[] sa =
                        Arrays.stream(sinkToAudio).filter(x -> x >= 0).sorted().toArray();
                System.out.printf(
                        Locale.ROOT,
                        "  and the JACK side alone, note handed to the sinks → in the JACK buffer: MIDI p50 %.0f µs  p99 %.0f µs;"
                                + " audio p50 %.0f µs  p99 %.0f µs%n",
                        pct(sm, 0.5) / 1e3,
                        pct(sm, 0.99) / 1e3,
                        pct(sa, 0.5) / 1e3,
                        pct(sa, 0.99) / 1e3);
                System.out.printf(
                        Locale.ROOT,
                        "targets at this period: audio p99 ≤ period + 1.5 ms = %.0f µs, MIDI p99 ≤ period + 1 ms = %.0f µs%n",
                        periodUs + 1500,
                        periodUs + 1000);
                System.out.printf(
                        Locale.ROOT,
                        "period %.0f µs (%d frames at %d Hz); xruns during the measured presses: %d; render-thread underruns: %d; MIDI dropped: %d%n",
                        periodUs,
                        host.period(),
                        host.sampleRate(),
                        xruns,
                        synth.underruns(),
                        midi.dropped());
                System.out.printf(
                        Locale.ROOT,
                        "JACK's process thread allocated %s bytes a period (JNAJack's and JNA's call-in%s)%n",
                        bytesPerPeriod < 0 ? "?" : String.format(Locale.ROOT, "%.1f", bytesPerPeriod),
                        rendering == JackSynthSink.Rendering.CALLBACK
                                ? ", and Gervill's rendering: its notes' starts; Gervill "
                                        + dev.pianogenie.midi.sound.GervillPatch.describe()
                                : "; the copy from the ring allocates none");
                System.out.println(gc.describe() + "; during the measured presses: " + (gc.count() - gcBefore));
                System.out.printf(
                        Locale.ROOT,
                        "our process call (all of it, warm-up included): p50 %.0f µs  p99 %.0f µs  p99.99 %.0f µs;"
                                + " calls longer than the period: %d of %d%n",
                        host.processMicros(0.5),
                        host.processMicros(0.99),
                        host.processMicros(0.9999),
                        host.processCallsLongerThan(host.periodNanos() / 1000),
                        host.cycles());
                System.out.printf(
                        Locale.ROOT,
                        "how far into its period our process call began (JACK's clock): p50 %.0f µs  p99 %.0f µs"
                                + "  p99.99 %.0f µs; calls that began after half the period: %d%n",
                        host.entryMicros(0.5),
                        host.entryMicros(0.99),
                        host.entryMicros(0.9999),
                        host.callsEnteredLaterThan(host.periodNanos() / 2000));
                System.out.printf(
                        Locale.ROOT,
                        "{\"jack_midi_p99_us\": %.1f, \"jack_audio_p99_us\": %.1f, \"period_us\": %.1f, \"xruns\": %d,"
                                + " \"jack_midi_p50_us\": %.1f, \"jack_audio_p50_us\": %.1f, \"to_sinks_p99_us\": %.1f, \"sinks_to_jack_midi_p99_us\": %.1f, \"sinks_to_jack_audio_p99_us\": %.1f,"
                                + " \"process_bytes_per_period\": %.1f, \"rendering\": \"%s\"}%n",
                        midiP99,
                        audioP99,
                        periodUs,
                        xruns,
                        midiP50,
                        audioP50,
                        handedP99,
                        pct(sm, 0.99) / 1e3,
                        pct(sa, 0.99) / 1e3,
                        bytesPerPeriod,
                        rendering.name().toLowerCase(Locale.ROOT));
                return missedMidi + missedAudio == 0 ? 0 : 1;
            } finally {
                synth.close();
                midi.close();
            }
        }
    }

    private static boolean lastPeriodSilent(JackMonitor monitor) {
        int n = monitor.periodCount();
        return n > 0 && monitor.period(n - 1).peak() <= JackMonitor.AUDIBLE;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Bytes allocated so far by JACK's process thread (attached to the JVM as "jack-process"), or −1. */
    static long processThreadAllocatedBytes() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("jack-process")) {
                return bean.getThreadAllocatedBytes(info.getThreadId());
            }
        }
        return -1;
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
