package dev.pianogenie.training.loop;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.model.net.PianoGenieLoss;
import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.data.BatchSource;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.eval.NetEvaluator;
import dev.pianogenie.training.eval.Scores;
import dev.pianogenie.training.run.CheckpointFile;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.StepLosses;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.TrainingCurve;
import dev.pianogenie.training.run.TrainingState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One training run of the Piano Genie autoencoder on DJL's PyTorch engine, resumable at any step.
 *
 * <p>The run folder holds {@code checkpoint.bin} (parameters + Adam moments + state, written atomically
 * every {@code checkpointEvery} steps and at every validation), {@code best.bin} (the parameters with the
 * lowest validation reconstruction loss) and {@code curve.csv}. Batch {@code i} is always the same batch, so
 * a run killed at any moment and resumed continues exactly where its last checkpoint left it.
 */
public final class TrainingRun implements AutoCloseable {
    private TrainingConfig config;
    private final RunFolder folder;
    private final BatchSource batches;
    private final List<NoteBatch> validation;
    private final TrainingListener listener;
    private final Engine engine;
    private final NDManager manager;
    private final PianoGenieNet net;
    private final Map<String, Parameter> parameters;
    /** The parameters the optimizer updates: all, or the decoder's when the recipe freezes the encoder. */
    private final Map<String, Parameter> trainable;

    private final AdamOptimizer adam;
    private final PianoGenieLoss loss;
    private final TrainingCurve curve;
    /** The data-parallel steps when the recipe has more than one shard; null when the batch is computed whole. */
    private final ShardedSteps sharded;

    private final StepPhases phases = new StepPhases();
    private TrainingState state;
    /** Began from best.bin with fresh Adam moments, as there was no checkpoint.bin to resume. */
    private final boolean warmStarted;
    /** Gold at every validation (null: not measured). */
    private java.util.function.ToDoubleFunction<NetEvaluator> gold;

    private volatile boolean stopRequested;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    /**
     * @param resume continue from {@code runDir/checkpoint.bin} (which must exist); otherwise start fresh
     *               (an existing checkpoint is refused, so a run is never overwritten by accident)
     */
    public TrainingRun(
            TrainingConfig config,
            ModelConfig model,
            Path runDir,
            BatchSource batches,
            List<NoteBatch> validation,
            boolean resume,
            TrainingListener listener)
            throws IOException {
        this(
                config,
                model,
                runDir,
                batches,
                validation,
                resume,
                listener,
                c -> c.withSteps(config.steps()),
                Device.cpu());
    }

    /**
     * @param onResume on resume, what becomes of the checkpoint's recipe (by default it is kept, so the run
     *                 continues exactly; a deliberate change — a higher total, another clip — goes here)
     * @param device   where the network trains (the CPU, or a CUDA GPU when the engine has one)
     */
    public TrainingRun(
            TrainingConfig config,
            ModelConfig model,
            Path runDir,
            BatchSource batches,
            List<NoteBatch> validation,
            boolean resume,
            TrainingListener listener,
            java.util.function.UnaryOperator<TrainingConfig> onResume,
            Device device)
            throws IOException {
        this.config = config;
        this.folder = new RunFolder(runDir);
        this.batches = batches;
        this.validation = List.copyOf(validation);
        this.listener = listener;
        Files.createDirectories(runDir);
        if (!resume) {
            folder.refuseExistingRun();
        }
        this.engine = Engines.pytorch();
        engine.setRandomSeed((int) config.seed());
        this.manager = engine.newBaseManager(device);
        // without checkpoint.bin a resume warm-starts from best.bin: fresh Adam moments, the lr warmed up again
        Path from = resume ? folder.resumeFrom() : folder.checkpoint();
        boolean warmStart = resume && folder.resumeIsWarmStart();
        TrainingState restored = resume ? RunFolder.readState(from) : null;
        ModelConfig modelConfig = restored != null ? RunFolder.resumedModel(restored.model(), model) : model;
        this.net = new PianoGenieNet(modelConfig);
        net.initialize(manager, DataType.FLOAT32, net.exampleInputShapes());
        this.parameters = net.namedParameters();
        this.adam = new AdamOptimizer(manager, parameters);
        if (restored != null) {
            CheckpointFile.Contents contents = CheckpointFile.read(from);
            restoreParameters(contents.tensors());
            if (!warmStart) {
                adam.restore(CheckpointTensors.floats(contents.tensors()), restored.step());
            }
            // a resumed run keeps its recipe (so it continues exactly); only the total may change
            this.config = onResume.apply(restored.training());
            this.state = new TrainingState(
                    restored.step(),
                    this.config,
                    modelConfig,
                    restored.bestValidationCe(),
                    restored.bestStep(),
                    restored.elapsedSeconds(),
                    restored.bestValidationVelocityCe());
        } else {
            this.state = new TrainingState(0, config, modelConfig, Double.POSITIVE_INFINITY, -1, 0);
        }
        this.loss = new PianoGenieLoss(
                this.config.marginWeight(),
                this.config.contourWeight(),
                this.config.velocityWeight(),
                this.config.velocityMaeWeight()); // the resumed recipe's
        this.warmStarted = warmStart;
        this.curve = new TrainingCurve(folder.curve(), state.step());
        this.trainable =
                TrainableParameters.select(parameters, this.config.freezeEncoder(), this.config.freezeDecoder());
        this.sharded = this.config.shards() > 1
                ? ShardedSteps.onEngineThreads(net, manager, this.config.shards(), trainable.keySet())
                : null;
    }

    /**
     * Starts a fresh run from trained parameters (fine-tuning): every parameter must be there, encoder included.
     * Adam's moments stay fresh, so {@code warmupSteps} matter.
     */
    public void initializeFrom(Map<String, Tensor> tensors) {
        if (state.step() != 0) {
            throw new IllegalStateException(
                    "only a fresh run starts from a model; this one is at step " + state.step());
        }
        net.load(tensors);
        replicasFollow();
    }

    /** The master's parameters changed outside a step (a load): the other shards' replicas take them. */
    private void replicasFollow() {
        if (sharded != null) {
            sharded.syncAll();
        }
    }

    /**
     * Also scores the encoder's Gold at every validation (reported and in the curve, not used to select: the encoder's
     * buttons drift from the ones people choose as training goes on, and this makes the drift visible as it happens).
     */
    public void trackGold(java.util.function.ToDoubleFunction<NetEvaluator> score) {
        this.gold = score;
    }

    /**
     * Scores the validation windows now (e.g. the starting model of a fine-tuning), keeping it if best; the curve gets
     * the scores as a row of their own at this step, so the plot starts from where training starts.
     */
    public Scores validateNow() throws IOException {
        try (NDManager sub = manager.newSubManager()) {
            Scores scores = validate(new NetEvaluator(net, sub));
            curve.appendValidation(state.step(), scores);
            return scores;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("validation interrupted");
        }
    }

    public PianoGenieNet net() {
        return net;
    }

    public TrainingState state() {
        return state;
    }

    /** Where the steps' time went since {@link #run()} began (or the last {@link StepPhases#reset()}). */
    public StepPhases phases() {
        return phases;
    }

    /** Asks the loop to stop after the current step, writing a checkpoint (safe from a shutdown hook). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits (up to the timeout) for {@link #run()} to return, e.g. from a shutdown hook after a stop request. */
    public boolean awaitFinished(java.time.Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Trains until {@code config.steps()} (or a stop request); returns the final state. */
    public TrainingState run() throws IOException, InterruptedException {
        try {
            return runSteps();
        } finally {
            finished.countDown();
        }
    }

    private TrainingState runSteps() throws IOException, InterruptedException {
        listener.started(state);
        ParameterStore store = new ParameterStore(manager, false);
        NetEvaluator evaluator = new NetEvaluator(net, manager);
        long segmentStart = System.nanoTime();
        long segmentSteps = 0;
        double elapsedBefore = state.elapsedSeconds();
        long step = state.step();
        phases.reset();
        while (step < config.steps() && !stopRequested) {
            NoteBatch b = batches.batch(step);
            phases.lap(StepPhases.Phase.DATA);
            double lr = learningRateAt(step);
            StepLosses losses = trainStep(store, b, (float) lr);
            step++;
            segmentSteps++;
            double seconds = (System.nanoTime() - segmentStart) / 1e9;
            double stepsPerSecond = segmentSteps / seconds;
            state = state.at(step, config, elapsedBefore + seconds);
            listener.step(step, losses, lr, stepsPerSecond);
            Scores scores = null;
            if (step % config.validateEvery() == 0 || step == config.steps()) {
                scores = validate(evaluator);
            }
            curve.append(step, losses, lr, stepsPerSecond, scores);
            if (scores != null || step % config.checkpointEvery() == 0) {
                saveCheckpoint();
            }
            phases.endStep();
        }
        if (step % config.checkpointEvery() != 0) {
            saveCheckpoint();
        }
        return state;
    }

    private StepLosses trainStep(ParameterStore store, NoteBatch b, float lr) throws InterruptedException {
        if (sharded != null) {
            return shardedStep(b, lr);
        }
        try (NDManager sub = manager.newSubManager();
                GradientCollector gc = engine.newGradientCollector()) {
            NDList in = BatchLoss.inputs(sub, net, b);
            phases.lap(StepPhases.Phase.COPY_IN);
            PianoGenieLoss.Terms t = BatchLoss.forward(sub, store, net, in, b, loss);
            phases.lap(StepPhases.Phase.FORWARD);
            gc.backward(t.total());
            phases.lap(StepPhases.Phase.BACKWARD);
            float norm = adam.update(trainable, lr, (float) config.clipNorm());
            phases.lap(StepPhases.Phase.OPTIMIZER);
            StepLosses losses = new StepLosses(
                    t.total().getFloat(),
                    t.reconstruction().getFloat(),
                    t.margin().getFloat(),
                    t.contour().getFloat(),
                    norm,
                    t.velocity() == null ? Double.NaN : t.velocity().getFloat());
            phases.lap(StepPhases.Phase.COPY_OUT);
            return losses;
        }
    }

    /** One step over the shards: forward and backward side by side, then one update of the summed gradients. */
    private StepLosses shardedStep(NoteBatch b, float lr) throws InterruptedException {
        List<ShardedSteps.ShardResult> results = sharded.forwardBackward(b, loss);
        phases.lapShards(results.get(0).phaseNanos());
        float norm;
        try (NDManager step = manager.newSubManager()) {
            norm = adam.update(trainable, sharded.gradients(step), lr, (float) config.clipNorm());
        }
        sharded.syncReplicas();
        phases.lap(StepPhases.Phase.OPTIMIZER);
        StepLosses losses = ShardedSteps.ShardResult.summed(results, norm);
        phases.lap(StepPhases.Phase.COPY_OUT);
        return losses;
    }

    /** Scores on the validation windows; keeps the best parameters by reconstruction loss. */
    private Scores validate(NetEvaluator evaluator) throws IOException, InterruptedException {
        Scores scores = new Scores(net.config().numButtons());
        if (sharded != null) { // the windows spread over the shards' replicas, added up in order
            for (NetEvaluator.Evaluated e :
                    sharded.map(validation, (replica, b) -> new NetEvaluator(replica, manager).evaluate(b))) {
                scores.add(e);
            }
        } else {
            for (NoteBatch b : validation) {
                scores.add(evaluator.evaluate(b));
            }
        }
        if (gold != null) {
            try (NDManager sub = manager.newSubManager()) {
                scores.setGold(gold.applyAsDouble(new NetEvaluator(net, sub)));
            }
        }
        boolean best = state.beatenBy(config, scores);
        if (best) {
            state = state.withBest(config, scores);
            folder.writeBest(state, parameterTensors());
            listener.newBest(net, state);
        }
        listener.validated(state.step(), scores, best);
        return scores;
    }

    /**
     * The schedule's rate; while Adam's moments are younger than the run (after a warm start, also across an exact
     * resume of it), ramped up again over the warm-up, as fresh moments need.
     */
    private double learningRateAt(long step) {
        double lr = config.learningRateAt(step);
        long momentAge = adam.steps();
        return momentAge >= step
                ? lr
                : lr * Math.min(1.0, (momentAge + 1) / (double) Math.max(1, config.warmupSteps()));
    }

    /** Whether this run began from best.bin with fresh optimizer moments (there was no checkpoint.bin). */
    public boolean warmStarted() {
        return warmStarted;
    }

    private void saveCheckpoint() throws IOException {
        curve.flush(); // every row up to the checkpoint's step is on disk before the checkpoint is
        Map<String, Tensor> tensors = parameterTensors();
        adam.state().forEach((name, array) -> tensors.put(name, CheckpointTensors.tensor(name, array)));
        Path file = folder.writeCheckpoint(state, tensors);
        listener.checkpointed(state.step(), file);
    }

    private Map<String, Tensor> parameterTensors() {
        return CheckpointTensors.of(parameters);
    }

    private void restoreParameters(Map<String, Tensor> tensors) throws IOException {
        CheckpointTensors.restore(parameters, tensors);
    }

    /** Loads parameters (e.g. {@code best.bin}) into this run's network. */
    public void loadParameters(Path file) throws IOException {
        restoreParameters(CheckpointFile.read(file).tensors());
        replicasFollow();
    }

    @Override
    public void close() {
        try {
            curve.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + curve.file() + ": " + e.getMessage(), e);
        } finally {
            if (sharded != null) {
                sharded.close();
            }
            adam.close();
            manager.close();
        }
    }
}
