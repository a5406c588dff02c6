package dev.pianogenie.app.cli;

import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./genie bench decoder}: the latency of one {@code next()} call (press → key), after warm-up, over
 * many presses: percentiles, the worst case, bytes allocated on the Java heap per call, and memory before
 * and after (native memory shows in the process's resident size).
 */
@Command(
        name = "decoder",
        mixinStandardHelpOptions = true,
        description =
                "Latency of one decoder step (press → key) and of the look-ahead (the model's buttons, one call); last line JSON.")
public final class BenchDecoderCommand implements Callable<Integer> {
    /** More measured presses than a bench needs by far (each keeps its latency: 80 MB at this bound). */
    static final int MAX_PRESSES = 10_000_000;

    @Option(names = "--model", description = "model folder (default: the shipped model, else the paper's reference)")
    Path model;

    @Option(
            names = "--engine",
            defaultValue = DecoderEngine.DEFAULT_NAME,
            description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--steps", defaultValue = "200000", description = "measured presses (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(
            names = "--warmup",
            defaultValue = "20000",
            description = "presses before measuring (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--temperature", description = "sampling temperature (default: ${DEFAULT-VALUE})")
    double temperature = dev.pianogenie.model.Sampling.DEFAULT_TEMPERATURE;

    @Override
    public Integer call() throws Exception {
        OptionChecks.between("--steps", steps, 1, MAX_PRESSES);
        OptionChecks.between("--warmup", warmup, 0, MAX_PRESSES);
        Path dir = model != null ? model : dev.pianogenie.app.live.DefaultModel.locate();
        PianoGenieModel m = ModelFiles.load(dir);
        DecoderEngine e = DecoderEngine.parse(engine);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long[] latencies = new long[steps];
        SplittableRandom random = new SplittableRandom(1);
        System.out.printf(
                Locale.ROOT,
                "model %s, engine %s, T = %.2f: %,d warm-up presses, %,d measured%n",
                m.describe(),
                e,
                temperature,
                warmup,
                steps);
        try (BaseStreamingDecoder decoder =
                Decoders.open(m, e, Sampling.of(temperature).withSeed(1))) {
            long clock = 0;
            int n = decoder.numButtons(); // 8: the same presses as ever
            for (int i = 0; i < warmup; i++) {
                clock += 50_000_000L + random.nextLong(200_000_000L);
                decoder.next(random.nextInt(n), clock);
            }
            System.gc();
            long rssBefore = residentBytes();
            long heapBefore = usedHeap();
            long allocBefore = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < steps; i++) {
                clock += 50_000_000L + random.nextLong(200_000_000L);
                int button = random.nextInt(n);
                long t0 = System.nanoTime();
                decoder.next(button, clock);
                latencies[i] = System.nanoTime() - t0;
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - allocBefore;
            System.gc();
            long rssAfter = residentBytes();
            long heapAfter = usedHeap();
            // the look-ahead (what each button would play next: one batch of all buttons in one call) after each press,
            // as the
            // performer runs it; timed alone, over a quarter as many presses
            long[] ahead = new long[Math.max(1, steps / 4)];
            for (int i = 0; i < ahead.length; i++) {
                long gap = 50_000_000L + random.nextLong(200_000_000L);
                clock += gap;
                decoder.next(random.nextInt(n), clock);
                long t0 = System.nanoTime();
                decoder.lookahead(clock + gap);
                ahead[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ahead);
            System.gc();
            long rssAhead = residentBytes();
            Arrays.sort(latencies);
            double p50 = pct(latencies, 0.50);
            double p99 = pct(latencies, 0.99);
            double p999 = pct(latencies, 0.999);
            double max = latencies[latencies.length - 1] / 1e3;
            double perCall = (double) allocated / steps;
            System.out.printf(
                    Locale.ROOT,
                    "latency of next(): p50 %.1f µs  p90 %.1f µs  p99 %.1f µs  p99.9 %.1f µs  max %.1f µs%n",
                    p50,
                    pct(latencies, 0.90),
                    p99,
                    p999,
                    max);
            System.out.printf(Locale.ROOT, "Java heap allocated per call: %.0f bytes%n", perCall);
            System.out.printf(
                    Locale.ROOT,
                    "look-ahead (%d buttons, one call; after the note, off the press's path): "
                            + "p50 %.1f µs  p99 %.1f µs  max %.1f µs (%,d look-aheads; resident after them %.1f MB)%n",
                    n,
                    pct(ahead, 0.5),
                    pct(ahead, 0.99),
                    ahead[ahead.length - 1] / 1e3,
                    ahead.length,
                    rssAhead / 1e6);
            System.out.printf(
                    Locale.ROOT,
                    "memory: resident %.1f → %.1f MB, heap used %.1f → %.1f MB (after %,d presses)%n",
                    rssBefore / 1e6,
                    rssAfter / 1e6,
                    heapBefore / 1e6,
                    heapAfter / 1e6,
                    steps);
            System.out.printf(
                    Locale.ROOT,
                    "{\"engine\": \"%s\", \"steps\": %d, \"p50_us\": %.1f, \"p99_us\": %.1f, \"p999_us\": %.1f, \"max_us\": %.1f, "
                            + "\"alloc_bytes_per_call\": %.0f, \"rss_mb_before\": %.1f, \"rss_mb_after\": %.1f, "
                            + "\"lookahead_p50_us\": %.1f, \"lookahead_p99_us\": %.1f}%n",
                    e.name().toLowerCase(Locale.ROOT),
                    steps,
                    p50,
                    p99,
                    p999,
                    max,
                    perCall,
                    rssBefore / 1e6,
                    rssAfter / 1e6,
                    pct(ahead, 0.5),
                    pct(ahead, 0.99));
        }
        return 0;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e3;
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** VmRSS from /proc (Linux); -1 elsewhere. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux: memory is reported as unknown
        }
        return -1;
    }
}
