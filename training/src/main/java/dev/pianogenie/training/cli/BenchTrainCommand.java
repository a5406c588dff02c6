package dev.pianogenie.training.cli;

import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.training.data.BatchSource;
import dev.pianogenie.training.data.CropSampler;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.data.PerformanceSampling;
import dev.pianogenie.training.data.PrefetchingBatches;
import dev.pianogenie.training.data.Split;
import dev.pianogenie.training.loop.StepPhases;
import dev.pianogenie.training.loop.TrainingListener;
import dev.pianogenie.training.loop.TrainingRun;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./genie bench train}: the training loop's speed — the real {@link TrainingRun} (data, step, curve row),
 * on random or real batches, warm-up excluded — with the milliseconds of each phase of a step.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Measure training speed: steps/s and ms per phase of a step (data, host→native copies,"
                    + " forward, backward, optimizer, native→host copies, the rest), warm-up excluded.",
            "Random batches unless --data is given. The last line is one JSON object."
        })
public final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--steps", description = "timed steps (default: ${DEFAULT-VALUE})")
    int steps = 30;

    @Option(names = "--warmup", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup = 5;

    @Option(names = "--batch", description = "sequences per batch (default: ${DEFAULT-VALUE}, as train)")
    int batch = TrainingConfig.DEFAULTS.batchSize();

    @Option(names = "--data", description = "real batches: random crops of this folder's training split")
    Path data;

    @Option(names = "--threads", description = "engine threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads = 0;

    @Option(
            names = "--shards",
            description = "the batch split this many ways, side by side (data-parallel, as train);"
                    + " 0 = one per thread (default: ${DEFAULT-VALUE})")
    int shards = 0;

    @Override
    public Integer call() throws Exception {
        CliChecks.positive("--steps", steps);
        CliChecks.atLeast("--warmup", warmup, 0);
        CliChecks.batch(batch);
        ThreadsOption.apply(threads);
        int split = shards > 0
                ? ThreadsOption.checkShards(shards, batch)
                : TrainingConfig.defaultShards(ThreadsOption.count(threads), batch);
        TrainingConfig defaults = TrainingConfig.DEFAULTS;
        TrainingConfig config = defaults.toBuilder()
                .steps(warmup + steps + 1L)
                .batchSize(batch)
                .warmupSteps(0)
                .schedule(TrainingConfig.Schedule.CONSTANT)
                .minLrFraction(0)
                .clipNorm(0)
                .validateEvery(Long.MAX_VALUE)
                .checkpointEvery(Long.MAX_VALUE)
                .shards(split)
                .build();
        ModelConfig model = ModelConfig.paperDefaults("bench");
        BatchSource source;
        String batches;
        if (data != null) {
            Dataset dataset = Dataset.load(data, System.err);
            source = new CropSampler(
                    dataset.split(Split.TRAIN),
                    batch,
                    config.sequenceLength(),
                    config.seed(),
                    PerformanceSampling.UNIFORM,
                    true);
            batches = "real (" + data + ")";
        } else {
            source = randomBatches(batch, config.sequenceLength());
            batches = "random";
        }
        Path dir = Files.createTempDirectory("genie-bench-train");
        StepPhases phases;
        double seconds;
        TrainingRun[] running = new TrainingRun[1];
        long[] cpu = {processCpuNanos(), 0};
        TrainingListener timing = new TrainingListener() {
            @Override
            public void step(long step, StepLosses losses, double lr, double stepsPerSecond) {
                if (step == warmup) {
                    running[0].phases().resetAfterThisStep();
                    cpu[0] = processCpuNanos();
                }
                if (step == warmup + steps) {
                    cpu[1] = processCpuNanos();
                    running[0].requestStop(); // before the last step's validation: only steps are timed
                }
            }
        };
        try (PrefetchingBatches prefetch = new PrefetchingBatches(source, 4);
                TrainingRun run = new TrainingRun(config, model, dir, prefetch, List.of(), false, timing)) {
            running[0] = run;
            if (warmup == 0) {
                run.phases().reset();
            }
            run.run();
            phases = run.phases();
            seconds = phases.totalMsPerStep() * phases.steps() / 1000;
        } finally {
            deleteTree(dir);
        }
        print(phases, seconds, batches, (cpu[1] - cpu[0]) / 1e6 / steps, split);
        return 0;
    }

    /** CPU time of the whole process (all threads): with wall time, it shows how busy the machine was. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void print(StepPhases phases, double seconds, String batches, double cpuMsPerStep, int split) {
        double ms = phases.totalMsPerStep();
        double stepsPerSecond = phases.steps() / seconds;
        System.out.printf(
                Locale.ROOT,
                "training step, batch %d × %d, paper model (LSTM 128 × 2), %s batches, %s threads," + " %d shard%s%n",
                batch,
                TrainingConfig.SEQUENCE_LENGTH,
                batches,
                System.getProperty("ai.djl.pytorch.num_threads"),
                split,
                split == 1 ? "" : "s");
        System.out.println("native settings: " + NativeEnvironment.describe());
        System.out.printf(
                Locale.ROOT,
                "%d steps after %d warm-up: %.3f steps/s, %.1f ms per step (CPU time %.1f ms per step;"
                        + " load average %.2f)%n",
                phases.steps(),
                warmup,
                stepsPerSecond,
                ms,
                cpuMsPerStep,
                loadAverage());
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"steps_per_s\": %.3f, \"ms_per_step\": %.2f", stepsPerSecond, ms));
        Map<StepPhases.Phase, Double> cpu = phases.threadCpuMsPerStep();
        System.out.println("  phase         wall ms      %   CPU ms of the training thread"
                + (split > 1 ? " (copy_in to backward:" + " the first shard's)" : ""));
        for (Map.Entry<StepPhases.Phase, Double> e : phases.msPerStep().entrySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-10s %10.2f %6.1f %10.2f%n",
                    e.getKey().key(),
                    e.getValue(),
                    100 * e.getValue() / ms,
                    cpu.get(e.getKey()));
            json.append(
                    String.format(Locale.ROOT, ", \"%s_ms\": %.2f", e.getKey().key(), e.getValue()));
        }
        for (Map.Entry<StepPhases.Phase, Double> e : cpu.entrySet()) {
            json.append(String.format(
                    Locale.ROOT, ", \"%s_thread_cpu_ms\": %.2f", e.getKey().key(), e.getValue()));
        }
        json.append(String.format(
                Locale.ROOT,
                ", \"cpu_ms_per_step\": %.2f, \"load_average\": %.2f, \"native_settings\": %b",
                cpuMsPerStep,
                loadAverage(),
                NativeEnvironment.tuned()));
        json.append(String.format(
                Locale.ROOT,
                ", \"steps\": %d, \"batch\": %d, \"length\": %d, \"threads\": %s, \"shards\": %d, \"batches\": \"%s\"}",
                phases.steps(),
                batch,
                TrainingConfig.SEQUENCE_LENGTH,
                System.getProperty("ai.djl.pytorch.num_threads"),
                split,
                data != null ? "real" : "random"));
        System.out.println(json);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Uniform keys, ΔT up to 1.2 s (a step's time does not depend on the values). */
    static BatchSource randomBatches(int batch, int length) {
        return index -> {
            SplittableRandom r = new SplittableRandom(index);
            int[] keys = new int[batch * length];
            float[] dts = new float[batch * length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = r.nextInt(dev.pianogenie.model.Keys.NUM_KEYS);
                dts[i] = i % length == 0 ? (float) FeatureEncoding.FIRST_NOTE_DT : (float) r.nextDouble(1.2);
            }
            return new NoteBatch(batch, length, keys, dts);
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
