package dev.pianogenie.app.cli;

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
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Real-time playing for M minutes: latency per minute, heap, threads, stuck notes; last line JSON.")
public final class BenchSoakCommand implements Callable<Integer> {

    @Option(names = "--model", description = "model folder (default: the shipped model)")
    Path model;

    @Option(names = "--minutes", defaultValue = "20", description = "minutes of playing (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--engine", defaultValue = DecoderEngine.DEFAULT_NAME, description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Override
    public Integer call() throws Exception {
        OptionChecks.between("--minutes", minutes, 1, 7 * 24 * 60); // a week
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
        try (StreamingDecoder d = Decoders.open(m, DecoderEngine.parse(engine), Sampling.of(Sampling.DEFAULT_TEMPERATURE).withSeed(1));
             Performer p = new Performer(d, new PerformerListener() { })) {
            p.attach(balance);
            SimulatedPlayer player = new SimulatedPlayer(1);
            for (int minute = 1; minute <= minutes; minute++) {
                long from = p.latency().count();
                presses += player.play(p, System.nanoTime(), 60, true);
                p.drain(5000);
                var l = p.latency();
                long heap = heapAfterGc();
                int threads = Thread.activeCount();
                double p99 = l.totalPercentileMicrosSince(from, 0.99);
                System.out.printf(Locale.ROOT, "minute %2d: %6d presses; decoder p50 %.0f µs p99 %.0f µs; press→outputs p50 %.0f µs"
                                + " p99 %.0f µs (this minute); player's own lateness p99 %.0f µs; heap %.1f MB; %d threads%n",
                        minute, presses, l.decodePercentileMicrosSince(from, 0.5), l.decodePercentileMicrosSince(from, 0.99),
                        l.totalPercentileMicrosSince(from, 0.5), p99, player.latenessPercentileMicros(0.99), heap / 1e6, threads);
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
        }
        int stuck = balance.stuck();
        System.out.printf(Locale.ROOT, "stuck notes at the end: %d%n", stuck);
        System.out.printf(Locale.ROOT, "{\"minutes\": %d, \"presses\": %d, \"stuck_notes\": %d, \"p99_first_minute_us\": %.1f,"
                        + " \"p99_last_minute_us\": %.1f, \"p99_worst_minute_us\": %.1f, \"heap_first_mb\": %.1f, \"heap_last_mb\": %.1f,"
                        + " \"threads_first\": %d, \"threads_last\": %d}%n",
                minutes, presses, stuck, firstP99, lastP99, worstP99, heapFirst / 1e6, heapLast / 1e6, threadsFirst, threadsLast);
        return stuck == 0 ? 0 : 1;
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
