package dev.pianogenie.training.loop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.net.PianoGenieLoss;
import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.run.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Data parallelism on the CPU: a batch's rows are split into {@code shards}, each shard runs forward and backward on
 * its own replica of the network on its own thread, and the gradients are summed in shard order.
 *
 * <p>Why: the LSTMs' kernels are small (32 rows × 128 units a time step), so two engine threads inside one op spend
 * much of a step at the op's thousands of barriers (measured: 2 threads 270 ms a step, 1 thread 341 ms); two shards
 * of 16 rows on one thread each take 170–180 ms side by side, with one meeting point a step.
 *
 * <p>The sum is the same as one batch's: each shard's loss is its mean weighted by its share of the rows (an exact
 * power of two for even splits), so Σ shards = the batch mean — the same model and loss, up to float summation
 * order. Each shard computes on one thread and the sum has a fixed order, so a run is deterministic for its shard
 * count, whatever the number of cores: the count is part of the recipe ({@link TrainingConfig#shards()}).
 *
 * <p>DJL's gradient collector allows one collector at a time in the whole process; the shards run autograd through
 * the PyTorch engine's own calls ({@link JniUtils#backward}, grad mode per thread). Training runs only on PyTorch.
 */
final class ShardedSteps implements AutoCloseable {
    /** One shard's loss terms (already weighted by its share) and, for shard 0, where its time went. */
    record ShardResult(
            float total, float reconstruction, float margin, float contour, float velocity, long[] phaseNanos) {
        /** The step's losses: the shards' summed in shard order (the same sums every run), with the update's norm. */
        static dev.pianogenie.training.run.StepLosses summed(List<ShardResult> results, float gradNorm) {
            double total = 0;
            double reconstruction = 0;
            double margin = 0;
            double contour = 0;
            double velocity = 0;
            for (ShardResult r : results) {
                total += r.total();
                reconstruction += r.reconstruction();
                margin += r.margin();
                contour += r.contour();
                velocity += r.velocity();
            }
            return new dev.pianogenie.training.run.StepLosses(
                    total, reconstruction, margin, contour, gradNorm, velocity);
        }
    }

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final List<PianoGenieNet> replicas;
    /** Each replica's trainable parameters, in the master's order (the gradients summed and synced). */
    private final List<List<Parameter>> parameters;

    private final NDManager manager;
    private final ExecutorService workers;
    private final ThreadLocal<Integer> workerIndex = new ThreadLocal<>();

    /**
     * @param master   the run's network: replica 0, the one the optimizer updates
     * @param shards   how many replicas (at least 2)
     * @param threads  how many shards run at once
     * @param intraOp  engine threads inside each op of a worker
     * @param trainable the names of the parameters a step updates (the others, a frozen encoder, need no gradient and
     *                 are copied to the replicas once)
     */
    ShardedSteps(
            PianoGenieNet master,
            NDManager manager,
            int shards,
            int threads,
            int intraOp,
            java.util.Set<String> trainable) {
        this.manager = manager;
        this.replicas = new ArrayList<>(shards);
        this.parameters = new ArrayList<>(shards);
        replicas.add(master);
        for (int s = 1; s < shards; s++) {
            PianoGenieNet r = new PianoGenieNet(master.config());
            r.initialize(manager, DataType.FLOAT32, r.exampleInputShapes());
            replicas.add(r);
        }
        for (PianoGenieNet r : replicas) {
            List<Parameter> train = new ArrayList<>();
            r.namedParameters().forEach((name, p) -> {
                p.getArray().setRequiresGradient(trainable.contains(name));
                if (trainable.contains(name)) {
                    train.add(p);
                }
            });
            parameters.add(List.copyOf(train));
        }
        AtomicInteger next = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, shards)), task -> {
            int index = next.getAndIncrement();
            Thread t = new Thread(
                    () -> {
                        workerIndex.set(index);
                        JniUtils.setNumThreads(Math.max(1, intraOp)); // this thread's ops; set before its first op
                        task.run();
                    },
                    "genie-train-shard-" + index);
            t.setDaemon(true);
            return t;
        });
        syncAll();
        // the update, the sums and the copies run on the calling thread between the shards' work: small ops, which
        // an engine thread pool only slows (measured: optimizer 15.8 ms a step with 2 threads)
        JniUtils.setNumThreads(Math.max(1, intraOp));
    }

    int shards() {
        return replicas.size();
    }

    /** Copies every parameter of the master into the other replicas (after a load), frozen ones included. */
    void syncAll() {
        List<Parameter> from = List.copyOf(replicas.get(0).namedParameters().values());
        for (int s = 1; s < replicas.size(); s++) {
            List<Parameter> to = List.copyOf(replicas.get(s).namedParameters().values());
            for (int i = 0; i < from.size(); i++) {
                copy(from.get(i).getArray(), to.get(i).getArray());
            }
        }
    }

    /**
     * Copies the master's trainable parameters into the other replicas (after an update), inside the engine: DJL's
     * {@code copyTo} goes through a host buffer (measured: 200–300 µs for a 512 × 256 LSTM weight, against 10 µs for
     * the engine's own copy).
     */
    void syncReplicas() {
        List<Parameter> from = parameters.get(0);
        for (int s = 1; s < replicas.size(); s++) {
            List<Parameter> to = parameters.get(s);
            for (int i = 0; i < from.size(); i++) {
                copy(from.get(i).getArray(), to.get(i).getArray());
            }
        }
    }

    /** {@code to ← from} in the engine (a full-range slice assignment: PyTorch's copy_). */
    private static void copy(NDArray from, NDArray to) {
        long[] shape = to.getShape().getShape();
        long[] ones = new long[shape.length];
        Arrays.fill(ones, 1L);
        JniUtils.indexSet((PtNDArray) to, (PtNDArray) from, new long[shape.length], shape, ones);
    }

    /**
     * Forward and backward of every shard of {@code b}; the gradients stay on the replicas until {@link #gradients}.
     * Returns each shard's result in shard order.
     */
    List<ShardResult> forwardBackward(NoteBatch b, PianoGenieLoss loss) throws InterruptedException {
        int shards = replicas.size();
        List<Future<ShardResult>> futures = new ArrayList<>(shards);
        int from = 0;
        for (int s = 0; s < shards; s++) {
            int rows = b.batch() / shards + (s < b.batch() % shards ? 1 : 0);
            NoteBatch part = rows(b, from, rows);
            float share = (float) rows / b.batch();
            int shard = s;
            futures.add(workers.submit(() -> shardStep(shard, part, share, loss)));
            from += rows;
        }
        return collect(futures);
    }

    private ShardResult shardStep(int shard, NoteBatch part, float share, PianoGenieLoss loss) {
        PianoGenieNet net = replicas.get(shard);
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        JniUtils.setGradMode(true);
        try (NDManager sub = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(sub, false);
            NDList in = BatchLoss.inputs(sub, net, part);
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            PianoGenieLoss.Terms t = BatchLoss.forward(sub, store, net, in, part, loss);
            NDArray weighted = t.total().mul(share);
            long t2 = System.nanoTime();
            long c2 = CPU.getCurrentThreadCpuTime();
            JniUtils.backward((PtNDArray) weighted, (PtNDArray) sub.ones(weighted.getShape()), false, false);
            long t3 = System.nanoTime();
            long c3 = CPU.getCurrentThreadCpuTime();
            return new ShardResult(
                    weighted.getFloat(),
                    t.reconstruction().getFloat() * share,
                    t.margin().getFloat() * share,
                    t.contour().getFloat() * share,
                    t.velocity() == null ? Float.NaN : t.velocity().getFloat() * share,
                    new long[] {t1 - t0, t2 - t1, t3 - t2, c1 - c0, c2 - c1, c3 - c2});
        } finally {
            JniUtils.setGradMode(false);
        }
    }

    /**
     * The batch's gradients, summed over shards in shard order into the master's own gradients (returned, attached to
     * {@code step}), every other replica's gradient zeroed for the next step. The master's are left for the update to
     * consume: {@link AdamOptimizer} zeroes them. In place: no new arrays, two ops a parameter fewer than a sum into
     * new arrays, and the same float additions in the same order.
     */
    NDList gradients(NDManager step) {
        List<Parameter> master = parameters.get(0);
        NDList sums = new NDList(master.size());
        for (int i = 0; i < master.size(); i++) {
            NDArray sum = master.get(i).getArray().getGradient();
            sum.attach(step);
            for (int s = 1; s < parameters.size(); s++) {
                NDArray w = parameters.get(s).get(i).getArray();
                NDArray g = w.getGradient();
                g.attach(step);
                JniUtils.addi((PtNDArray) sum, (PtNDArray) g);
                JniUtils.zeroGrad((PtNDArray) w); // autograd adds into the gradient: the next step starts from zero
            }
            sums.add(sum);
        }
        return sums;
    }

    /** Runs {@code task} over {@code items} on the workers, each with its worker's replica; results in order. */
    <T, R> List<R> map(List<T> items, ReplicaTask<T, R> task) throws InterruptedException {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(workers.submit(() -> {
                JniUtils.setGradMode(false);
                return task.apply(replicas.get(workerIndex.get()), item);
            }));
        }
        return collect(futures);
    }

    /** Work on one replica (which no other task uses meanwhile). */
    interface ReplicaTask<T, R> {
        R apply(PianoGenieNet replica, T item) throws Exception;
    }

    private static <R> List<R> collect(List<Future<R>> futures) throws InterruptedException {
        List<R> out = new ArrayList<>(futures.size());
        try {
            for (Future<R> f : futures) {
                out.add(f.get());
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } finally {
            for (Future<R> f : futures) {
                f.cancel(false); // after a failure: the shards not yet started need not run
            }
        }
        return out;
    }

    private static NoteBatch rows(NoteBatch b, int from, int rows) {
        int n = b.length();
        return new NoteBatch(
                rows,
                n,
                Arrays.copyOfRange(b.keys(), from * n, (from + rows) * n),
                Arrays.copyOfRange(b.dtSeconds(), from * n, (from + rows) * n),
                Arrays.copyOfRange(b.velocities(), from * n, (from + rows) * n));
    }

    /** Stops the workers, waiting for a shard still running (after another shard failed) before the arrays go. */
    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Shards over the engine threads {@code genie train --threads} asked for (all cores by default): as many shards at
     * once as there are threads, the threads left over shared inside each shard's ops.
     */
    static ShardedSteps onEngineThreads(
            PianoGenieNet net, NDManager manager, int shards, java.util.Set<String> trainable) {
        int threads = Integer.getInteger(
                "ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors());
        int atOnce = Math.max(1, Math.min(shards, threads));
        return new ShardedSteps(net, manager, shards, atOnce, Math.max(1, threads / atOnce), trainable);
    }
}
