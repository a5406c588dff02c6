package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.app.perform.NoteBalance;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.app.perform.SimulatedPlayer;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./genie bench soak}: plays in real time for M minutes (10–20 presses/s, chords, pedal, resets) and prints,
 * per minute, that minute's decoder and press→outputs latency percentiles, heap after GC and thread count; then
 * checks that no note is left sounding. Presses are stamped when the simulated player sends them, as a controller
 * would; how late the player's own thread was (a loaded machine) is printed beside.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description =
                "Real-time playing for M minutes: latency per minute, heap, threads, stuck notes; last line JSON.")
public final class BenchSoakCommand implements Callable<Integer> {

    @Option(names = "--model", description = "model folder (default: the shipped model)")
    Path model;

    @Option(names = "--minutes", defaultValue = "20", description = "minutes of playing (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(
            names = "--engine",
            defaultValue = DecoderEngine.DEFAULT_NAME,
            description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(
            names = "--output",
            paramLabel = "jack",
            description = "jack: also play into a running JACK server (the synth"
                    + " into the system playback ports and JACK MIDI out) and report its xruns and the GC's pauses")
    String output;

    @Override
    public Integer call() throws Exception {
        OptionChecks.between("--minutes", minutes, 1, 7 * 24 * 60); // a week
        if (output != null && !output.equals("jack")) {
            throw new IllegalArgumentException(
                    "--output takes only jack here (without it the soak plays into a note counter only)");
        }
        if (output != null && dev.pianogenie.midi.jack.JackHost.probe().isEmpty()) {
            System.err.println("genie bench: " + dev.pianogenie.midi.jack.JackHost.NO_SERVER);
            return 1;
        }
        PianoGenieModel m = ModelFiles.load(model != null ? model : dev.pianogenie.app.live.DefaultModel.locate());
        NoteBalance balance = new NoteBalance();
        double firstP99 = 0;
        double lastP99 = 0;
        double worstP99 = 0;
        long heapFirst = 0;
        long heapLast = 0;
        int threadsFirst = 0;
        int threadsLast = 0;
        long presses = 0;
        String[] jackReport = new String[1];
        String[] jackJson = {""};
        try (StreamingDecoder d = Decoders.open(
                        m,
                        DecoderEngine.parse(engine),
                        Sampling.of(Sampling.DEFAULT_TEMPERATURE).withSeed(1));
                Performer p = new Performer(d, new PerformerListener() {})) {
            p.attach(balance);
            JackGcWatch gc = output != null ? new JackGcWatch() : null;
            dev.pianogenie.midi.jack.JackSynthSink jackSynth = null;
            dev.pianogenie.midi.jack.JackMidiSink jackMidi = null;
            if (output != null) {
                dev.pianogenie.app.live.PianoSound.prepareHere(); // JACK plays the default sound: the sampled piano
                jackSynth = new dev.pianogenie.midi.jack.JackSynthSink(
                        java.util.Optional.empty(),
                        OutputSpec.jackRendering(),
                        java.util.Optional.empty(),
                        (x, n) -> {});
                jackMidi = new dev.pianogenie.midi.jack.JackMidiSink(0, java.util.Optional.empty());
                p.attach(jackSynth);
                p.attach(jackMidi);
                System.out.println(jackSynth.host().describe() + "; " + jackSynth.describe() + "; "
                        + JackGcWatch.collector() + "; machine load " + JackLatencyBench.loadAverage());
            }
            long xrunsSoFar = 0;
            SimulatedPlayer player = new SimulatedPlayer(1);
            for (int minute = 1; minute <= minutes; minute++) {
                long from = p.latency().count();
                presses += player.play(p, System.nanoTime(), 60, true);
                p.drain(5000);
                var l = p.latency();
                // with JACK: no System.gc() (a full collection stops JACK's thread too; not what playing does): heap in
                // use
                long heap = output != null
                        ? Runtime.getRuntime().totalMemory()
                                - Runtime.getRuntime().freeMemory()
                        : heapAfterGc();
                int threads = Thread.activeCount();
                double p99 = l.totalPercentileMicrosSince(from, 0.99);
                System.out.printf(
                        Locale.ROOT,
                        "minute %2d: %6d presses; decoder p50 %.0f µs p99 %.0f µs; press→outputs p50 %.0f µs"
                                + " p99 %.0f µs (this minute); player's own lateness p99 %.0f µs; heap %.1f MB; %d threads%n",
                        minute,
                        presses,
                        l.decodePercentileMicrosSince(from, 0.5),
                        l.decodePercentileMicrosSince(from, 0.99),
                        l.totalPercentileMicrosSince(from, 0.5),
                        p99,
                        player.latenessPercentileMicros(0.99),
                        heap / 1e6,
                        threads);
                if (jackSynth != null) {
                    long x = jackSynth.host().xruns();
                    System.out.printf(
                            Locale.ROOT,
                            "  JACK: %d xruns this minute (%d in all), render underruns %d; %s; %s; load %s%n",
                            x - xrunsSoFar,
                            x,
                            jackSynth.underruns(),
                            ourCalls(jackSynth.host()),
                            gc.describe(),
                            JackLatencyBench.loadAverage());
                    xrunsSoFar = x;
                }
                if (minute == 1) {
                    firstP99 = p99;
                    heapFirst = heap;
                    threadsFirst = threads;
                }
                lastP99 = p99;
                worstP99 = Math.max(worstP99, p99);
                heapLast = heap;
                threadsLast = threads;
            }
            if (jackSynth != null) {
                long x = jackSynth.host().xruns();
                var host = jackSynth.host();
                jackReport[0] = String.format(
                        Locale.ROOT,
                        "JACK: %d xruns in %d minutes at %d frames (%s); render underruns %d; MIDI"
                                + " dropped %d; %s; %s",
                        x,
                        minutes,
                        host.period(),
                        host.describe(),
                        jackSynth.underruns(),
                        jackMidi.dropped(),
                        ourCalls(host),
                        gc.describe());
                jackJson[0] = String.format(
                        Locale.ROOT,
                        ", \"jack_xruns\": %d, \"jack_period_frames\": %d,"
                                + " \"jack_calls_over_period\": %d, \"jack_calls_begun_late\": %d, \"gc_pauses\": %d,"
                                + " \"gc_pause_p50_ms\": %.1f, \"gc_pause_p99_ms\": %.1f, \"gc_pause_max_ms\": %.1f",
                        x,
                        host.period(),
                        host.processCallsLongerThan(host.periodNanos() / 1000),
                        host.callsEnteredLaterThan(host.periodNanos() / 2000),
                        gc.count(),
                        gc.percentile(0.5),
                        gc.percentile(0.99),
                        gc.percentile(1.0));
                p.detach(jackSynth);
                p.detach(jackMidi);
                jackSynth.close();
                jackMidi.close();
                gc.close();
            }
        }
        int stuck = balance.stuck();
        if (jackReport[0] != null) {
            System.out.println(jackReport[0]);
        }
        System.out.printf(Locale.ROOT, "stuck notes at the end: %d%n", stuck);
        System.out.printf(
                Locale.ROOT,
                "{\"minutes\": %d, \"presses\": %d, \"stuck_notes\": %d, \"p99_first_minute_us\": %.1f,"
                        + " \"p99_last_minute_us\": %.1f, \"p99_worst_minute_us\": %.1f, \"heap_first_mb\": %.1f, \"heap_last_mb\": %.1f,"
                        + " \"threads_first\": %d, \"threads_last\": %d%s}%n",
                minutes,
                presses,
                stuck,
                firstP99,
                lastP99,
                worstP99,
                heapFirst / 1e6,
                heapLast / 1e6,
                threadsFirst,
                threadsLast,
                jackJson[0]);
        return stuck == 0 ? 0 : 1;
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /**
     * Our own process calls so far, to tell our xruns from the machine's: how long they took (p99, the longest), how
     * many took longer than a period, and how many JACK began after half the period (the thread woken late).
     */
    private static String ourCalls(dev.pianogenie.midi.jack.JackHost host) {
        long periodMicros = host.periodNanos() / 1000;
        return String.format(
                Locale.ROOT,
                "our process calls: p99 %.0f µs, longest %.0f µs, %d over a period, %d begun after"
                        + " half the period, of %d",
                host.processMicros(0.99),
                host.processMicros(1.0),
                host.processCallsLongerThan(periodMicros),
                host.callsEnteredLaterThan(periodMicros / 2),
                host.cycles());
    }
}
