package dev.pianogenie.training.cli;

import dev.pianogenie.files.AtomicFile;
import ai.djl.Device;
import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.net.TorchLstm;
import dev.pianogenie.training.data.CropSampler;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.data.EvalWindows;
import dev.pianogenie.training.data.PrefetchingBatches;
import dev.pianogenie.training.data.Split;
import dev.pianogenie.training.eval.GoldMetric;
import dev.pianogenie.training.loop.ProgressReporter;
import dev.pianogenie.training.loop.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.data.PerformanceSampling;
import dev.pianogenie.training.run.RunLog;
import dev.pianogenie.training.run.TrainingState;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.ModelExport;
import dev.pianogenie.training.run.CurvePlot;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.RunLock;

/** {@code ./genie train}: trains the Piano Genie autoencoder on a folder of MIDI files, resumably; or fine-tunes a model. */
@Command(name = "train", mixinStandardHelpOptions = true, defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Train the Piano Genie autoencoder on a folder of MIDI files (MAESTRO or your own), or fine-tune a"
                + " model on them (--init).",
            "Checkpoints are written atomically to the run folder; --resume continues a run exactly, with its own recipe.",
            "Progress, validation and notes also go to RUN/train.log."})
public final class TrainCommand implements Callable<Integer> {

    static {
        TrainingConfig f = TrainingConfig.FINE_TUNE;
        System.setProperty("genie.train.fine-tune", String.format(Locale.ROOT,
                "lr %s, warm-up %d steps, %d steps, validation every %d", plain(f.learningRate()), f.warmupSteps(),
                f.steps(), f.validateEvery()));
        System.setProperty("genie.train.wsd-decay", Math.round(100 * TrainingConfig.WSD_DECAY_FRACTION) + " percent");
    }

    @Option(names = "--data", description = "folder of MIDI files, searched recursively (with a MAESTRO CSV: its splits;"
            + " otherwise each file goes to train, validation or test by a hash of its bytes); required unless --export-only")
    Path data;

    @Option(names = "--out", description = "model folder for the best model (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--run", description = "run folder for checkpoints, curve and log (default: OUT/training)")
    Path run;

    @Option(names = "--resume", description = "continue the run in the run folder from its last checkpoint, with its recipe")
    boolean resume;

    @Option(names = "--change-recipe", description = "with --resume: train on with the recipe options given"
            + " (batch, seed, lr, ...) instead of refusing them")
    boolean changeRecipe;

    @Option(names = "--init", paramLabel = "MODEL_DIR", description = "fine-tune: start from this model folder (with its"
            + " encoder; 'default' = the shipped assets/model), with defaults that suit fine-tuning:"
            + " ${sys:genie.train.fine-tune}")
    String init;

    @Option(names = "--freeze-encoder", arity = "0..1", fallbackValue = "true", description = "train the decoder only: the encoder, and so which button each note"
            + " gets, stays the --init model's (keeps the buttons a player knows; a step costs less)")
    boolean freezeEncoder;

    @Option(names = "--freeze-decoder", arity = "0..1", fallbackValue = "true", description = "with --freeze-encoder: train"
            + " the velocity output only, over the --init model's encoder and decoder (its pitch figures stay exactly"
            + " as they were; a step costs little more than the forward pass)")
    boolean freezeDecoder;

    @Option(names = "--velocity-weight", description = "weight of the velocity output's loss (default: ${DEFAULT-VALUE})")
    double velocityWeight;

    @Option(names = "--velocity-mae-weight", description = "weight of the velocity output's absolute error (its"
            + " expectation's, in bins of 4) beside its cross-entropy (default: ${DEFAULT-VALUE})")
    double velocityMaeWeight;

    @Option(names = "--velocity-units", description = "hidden units of the velocity output, 0 = no velocity output"
            + " (default: ${DEFAULT-VALUE}; with --init: the model's own, or this many added to a model without one)")
    int velocityUnits;

    @Option(names = "--steps", description = "total training steps (default: ${DEFAULT-VALUE}; with --init: its own;"
            + " with --resume: the run's)")
    long steps;

    @Option(names = "--batch", description = "sequences per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", description = "seed for initialisation and batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lr", description = "Adam learning rate (default: ${DEFAULT-VALUE}, the paper's)")
    double lr;

    @Option(names = "--warmup", description = "linear learning-rate warm-up steps (default: ${DEFAULT-VALUE})")
    long warmup;

    @Option(names = "--schedule", description = "after warm-up: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
            + " wsd = constant, then a linear decay over the last ${sys:genie.train.wsd-decay} of the steps")
    TrainingConfig.Schedule schedule;

    @Option(names = "--min-lr-fraction", description = "where cosine or wsd decay ends, as a fraction of --lr"
            + " (default: ${DEFAULT-VALUE})")
    double minLrFraction;

    @Option(names = "--clip-norm", description = "global gradient-norm clipping, 0 = off (default: ${DEFAULT-VALUE})")
    double clipNorm;

    @Option(names = "--margin-weight", description = "weight of the margin loss (default: ${DEFAULT-VALUE})")
    double marginWeight;

    @Option(names = "--contour-weight", description = "weight of the contour loss (default: ${DEFAULT-VALUE})")
    double contourWeight;

    @Option(names = "--validate-every", description = "steps between validations (default: ${DEFAULT-VALUE})")
    long validateEvery;

    @Option(names = "--checkpoint-every", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    long checkpointEvery;

    @Option(names = "--validation-windows", description = "validation windows used for model selection, spread over"
            + " the split (default: ${DEFAULT-VALUE})")
    int validationWindows;

    @Option(names = "--sampling", description = "how crops pick a performance: ${COMPLETION-CANDIDATES}"
            + " (uniform = the paper's; default: ${DEFAULT-VALUE})")
    PerformanceSampling sampling;

    @Option(names = "--encoding", description = "ΔT encoding: ${COMPLETION-CANDIDATES} (paper: 33 one-hot buckets;"
            + " tutorial: a scalar) (default: ${DEFAULT-VALUE})")
    FeatureEncoding encoding;

    @Option(names = "--rnn-dim", description = "LSTM width, at least " + TorchLstm.MIN_HIDDEN + " (default: ${DEFAULT-VALUE})")
    int rnnDim;

    @Option(names = "--layers", description = "LSTM layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--encoder-dim", description = "LSTM width of the encoder alone, at least " + TorchLstm.MIN_HIDDEN
            + "; the live decoder does not run the encoder, so it may be wider (default: as --rnn-dim)")
    int encoderDim;

    @Option(names = "--device", description = "cpu or gpu (a CUDA GPU; needs the CUDA build, see the README)"
            + " (default: ${DEFAULT-VALUE})")
    String device = "cpu";

    @Option(names = "--threads", description = "engine threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--shards", description = "split each batch this many ways, each part on its own core (data-parallel:"
            + " the same loss; a run is repeatable for its shard count, which is part of its recipe); 0 = one per engine"
            + " thread, at most " + TrainingConfig.MAX_SHARDS + " (default: ${DEFAULT-VALUE})")
    int shards;

    @Option(names = "--gold", description = "gold melodies JSON: the encoder's Gold is reported at every validation and"
            + " kept in the curve (default: ../shared/reference/gold-melodies.json beside the repository, when there)")
    Path gold;

    @Option(names = "--export-only", description = "only write the run's best model to --out (no training)")
    boolean exportOnly;

    @Option(names = "--latest", description = "with --export-only: the run's latest parameters (its checkpoint) instead"
            + " of its best by validation")
    boolean latest;

    @Option(names = "--name", description = "the model's name (default: from the data folder, e.g. \"Piano Genie (my-music)\";"
            + " with --export-only: the run's)")
    String name;

    /** More steps than anyone means (at 5 steps/s, 230 days). */
    static final long MAX_STEPS = 100_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The defaults in --help and for options not given: from TrainingConfig and ModelConfig, the one place for them. */
    public static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (!(arg instanceof CommandLine.Model.OptionSpec o)) {
                return null;
            }
            TrainingConfig d = TrainingConfig.DEFAULTS;
            ModelConfig m = ModelConfig.paperDefaults("");
            return switch (o.longestName()) {
                case "--out" -> "runs/model";
                case "--steps" -> Long.toString(d.steps());
                case "--batch" -> Integer.toString(d.batchSize());
                case "--seed" -> Long.toString(d.seed());
                case "--lr" -> plain(d.learningRate());
                case "--warmup" -> Long.toString(d.warmupSteps());
                case "--schedule" -> d.schedule().name();
                case "--min-lr-fraction" -> plain(d.minLrFraction());
                case "--clip-norm" -> plain(d.clipNorm());
                case "--margin-weight" -> plain(d.marginWeight());
                case "--contour-weight" -> plain(d.contourWeight());
                case "--velocity-weight" -> plain(d.velocityWeight());
                case "--velocity-mae-weight" -> plain(d.velocityMaeWeight());
                case "--velocity-units" -> Integer.toString(ModelConfig.DEFAULT_VELOCITY_UNITS);
                case "--validate-every" -> Long.toString(d.validateEvery());
                case "--checkpoint-every" -> Long.toString(d.checkpointEvery());
                case "--validation-windows" -> Integer.toString(d.validationWindows());
                case "--sampling" -> d.sampling().name();
                case "--encoding" -> m.encoding().name();
                case "--rnn-dim" -> Integer.toString(m.rnnDim());
                case "--layers" -> Integer.toString(m.rnnLayers());
                case "--threads", "--shards", "--encoder-dim" -> "0";
                default -> null;
            };
        }
    }

    /** 3e-4, 0.05, 2000: numbers as a person writes them. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : Double.toString(v).replace(".0E", "E").toLowerCase(Locale.ROOT);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** A recipe option: its name, its value in a recipe, its value on the command line. */
    private record Knob(String option, Function<TrainingConfig, Object> inRecipe, Object onCommandLine) {
    }

    private List<Knob> knobs() {
        return List.of(
                new Knob("--batch", TrainingConfig::batchSize, batch),
                new Knob("--seed", TrainingConfig::seed, seed),
                new Knob("--lr", TrainingConfig::learningRate, lr),
                new Knob("--warmup", TrainingConfig::warmupSteps, warmup),
                new Knob("--schedule", TrainingConfig::schedule, schedule),
                new Knob("--min-lr-fraction", TrainingConfig::minLrFraction, minLrFraction),
                new Knob("--clip-norm", TrainingConfig::clipNorm, clipNorm),
                new Knob("--margin-weight", TrainingConfig::marginWeight, marginWeight),
                new Knob("--contour-weight", TrainingConfig::contourWeight, contourWeight),
                new Knob("--validate-every", TrainingConfig::validateEvery, validateEvery),
                new Knob("--checkpoint-every", TrainingConfig::checkpointEvery, checkpointEvery),
                new Knob("--validation-windows", TrainingConfig::validationWindows, validationWindows),
                new Knob("--sampling", TrainingConfig::sampling, sampling),
                new Knob("--shards", TrainingConfig::shards, shards),
                new Knob("--freeze-encoder", TrainingConfig::freezeEncoder, freezeEncoder),
                new Knob("--velocity-weight", TrainingConfig::velocityWeight, velocityWeight),
                new Knob("--freeze-decoder", TrainingConfig::freezeDecoder, freezeDecoder),
                new Knob("--velocity-mae-weight", TrainingConfig::velocityMaeWeight, velocityMaeWeight));
    }

    /** {@code base} with every option given on the command line (and --steps) put in. */
    private TrainingConfig withGiven(TrainingConfig base, long totalSteps) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Knob k : knobs()) {
            v.put(k.option(), given(k.option()) ? k.onCommandLine() : k.inRecipe().apply(base));
        }
        return new TrainingConfig(totalSteps, (Integer) v.get("--batch"), base.sequenceLength(), (Double) v.get("--lr"),
                (Long) v.get("--warmup"), (TrainingConfig.Schedule) v.get("--schedule"), (Double) v.get("--min-lr-fraction"),
                (Double) v.get("--clip-norm"), (Double) v.get("--margin-weight"), (Double) v.get("--contour-weight"),
                (Long) v.get("--seed"), (Long) v.get("--validate-every"), (Long) v.get("--checkpoint-every"),
                (PerformanceSampling) v.get("--sampling"), (Integer) v.get("--validation-windows"),
                (Integer) v.get("--shards"), (Boolean) v.get("--freeze-encoder"), (Double) v.get("--velocity-weight"),
                (Boolean) v.get("--freeze-decoder"), (Double) v.get("--velocity-mae-weight"));
    }

    /** "batch 8 → 32, seed 1 → 0": what differs between two recipes. */
    private String differences(TrainingConfig from, TrainingConfig to) {
        List<String> d = new ArrayList<>();
        for (Knob k : knobs()) {
            Object a = k.inRecipe().apply(from);
            Object b = k.inRecipe().apply(to);
            if (!Objects.equals(a, b)) {
                d.add(k.option().substring(2) + " " + show(a) + " → " + show(b));
            }
        }
        return String.join(", ", d);
    }

    private static String show(Object v) {
        return v instanceof Double x ? plain(x) : v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(v);
    }

    /** Checks what picocli's types cannot: ranges, with the option's name. */
    private void checkRanges() {
        if (given("--steps")) {
            CliChecks.positive("--steps", steps);
            if (steps > MAX_STEPS) { // a typo's extra digits: years of training, and an ETA in days
                throw new IllegalArgumentException("--steps must be at most " + MAX_STEPS + " (the default model took 40000), was "
                        + steps);
            }
        }
        CliChecks.batch(batch);
        if (!(lr > 0 && lr < 1)) {
            throw new IllegalArgumentException("--lr must be between 0 and 1 (exclusive), was " + plain(lr));
        }
        CliChecks.atLeast("--warmup", warmup, 0);
        if (!(minLrFraction >= 0 && minLrFraction <= 1)) {
            throw new IllegalArgumentException("--min-lr-fraction must be between 0 and 1, was " + plain(minLrFraction));
        }
        for (var w : List.of(Map.entry("--clip-norm", clipNorm), Map.entry("--margin-weight", marginWeight),
                Map.entry("--contour-weight", contourWeight), Map.entry("--velocity-weight", velocityWeight),
                Map.entry("--velocity-mae-weight", velocityMaeWeight))) {
            if (!(w.getValue() >= 0)) {
                throw new IllegalArgumentException(w.getKey() + " must be 0 or more, was " + plain(w.getValue()));
            }
        }
        CliChecks.positive("--validate-every", validateEvery);
        CliChecks.positive("--checkpoint-every", checkpointEvery);
        CliChecks.positive("--validation-windows", validationWindows);
        CliChecks.atLeast("--rnn-dim", rnnDim, TorchLstm.MIN_HIDDEN);
        if (rnnDim > ModelConfig.MAX_RNN_DIM) {
            throw new IllegalArgumentException("--rnn-dim must be at most " + ModelConfig.MAX_RNN_DIM + ", was " + rnnDim);
        }
        if (encoderDim != 0) {
            CliChecks.atLeast("--encoder-dim", encoderDim, TorchLstm.MIN_HIDDEN);
            if (encoderDim > ModelConfig.MAX_RNN_DIM) {
                throw new IllegalArgumentException("--encoder-dim must be at most " + ModelConfig.MAX_RNN_DIM + ", was " + encoderDim);
            }
        }
        CliChecks.positive("--layers", layers);
        if (layers > 16) {
            throw new IllegalArgumentException("--layers must be at most 16, was " + layers);
        }
        ThreadsOption.count(threads); // checks --threads
        if (given("--shards")) {
            ThreadsOption.checkShards(shards, batch);
        }
        if (!device.equalsIgnoreCase("cpu") && !device.equalsIgnoreCase("gpu")) {
            throw new IllegalArgumentException("--device must be cpu or gpu, was '" + device + "'");
        }
        if (changeRecipe && !resume) {
            throw new IllegalArgumentException("--change-recipe goes with --resume (a new run takes its options as given)");
        }
        if (latest && !exportOnly) {
            throw new IllegalArgumentException("--latest chooses what --export-only writes: give both");
        }
        if (freezeEncoder && init == null && !resume) {
            throw new IllegalArgumentException("--freeze-encoder keeps a trained encoder's buttons: start from a model with"
                    + " --init MODEL_DIR (a new network's encoder is random)");
        }
        if (velocityUnits < 0 || velocityUnits > ModelConfig.MAX_VELOCITY_UNITS) {
            throw new IllegalArgumentException("--velocity-units must be 0.." + ModelConfig.MAX_VELOCITY_UNITS + ", was "
                    + velocityUnits);
        }
        if (freezeDecoder && !freezeEncoder) {
            throw new IllegalArgumentException("--freeze-decoder trains the velocity output alone: give --freeze-encoder too"
                    + " (a trainable encoder over a frozen decoder would move the buttons under it)");
        }
        if (freezeDecoder && given("--velocity-units") && velocityUnits == 0) {
            throw new IllegalArgumentException("--freeze-decoder trains the velocity output alone, but --velocity-units 0"
                    + " leaves none: nothing would learn");
        }
        if (init != null && resume) {
            throw new IllegalArgumentException("--init starts a new run from a model; --resume continues a run: choose one");
        }
    }

    @Override
    public Integer call() throws Exception {
        checkRanges();
        ThreadsOption.apply(threads);
        Path runDir = run != null ? run : out.resolve("training");
        if (init != null) { // the trained model would replace the files of the model it starts from
            AtomicFile.checkNotInput(out, "--out", initFolder(), "the --init model");
        }
        // one run at a time in a run folder, and in a model folder outside it: held for the run's life
        boolean outApart = !runDir.toAbsolutePath().normalize().startsWith(out.toAbsolutePath().normalize());
        if (exportOnly) {
            try (RunLock runLock = Files.isDirectory(runDir) ? RunLock.acquire(runDir, "the run folder") : null;
                 RunLock outLock = outApart ? RunLock.acquire(out, "the model folder") : null) {
                return exportOnly(runDir);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required to train (a folder of MIDI files)");
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("no folder at " + data.toAbsolutePath().normalize()
                    + ": --data wants a folder of MIDI files");
        }
        Device dev = device();
        Files.createDirectories(runDir);
        try (RunLock runLock = RunLock.acquire(runDir, "the run folder");
             RunLock outLock = outApart ? RunLock.acquire(out, "the model folder") : null;
             RunLog log = RunLog.open(runDir.resolve("train.log"), System.out)) {
            log.println("$ genie " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            for (RunLock l : java.util.Arrays.asList(runLock, outLock)) {
                if (l != null && l.tookOverStale()) {
                    log.println("note: a stale lock (" + l.staleHolder() + ", no longer running) was taken over");
                }
            }
            String env = NativeEnvironment.warning();
            if (env != null) {
                log.println(env);
            }
            for (Path p : removeStaleFiles(runDir)) {
                log.println("removed " + p + " (a temporary file a stopped run left)");
            }
            return train(runDir, dev, log);
        }
    }

    private Device device() {
        if (device.equalsIgnoreCase("cpu")) {
            return Device.cpu();
        }
        if (Engines.pytorch().getGpuCount() == 0) {
            throw new IllegalArgumentException("--device gpu: PyTorch sees no CUDA GPU here (this build has the CPU natives;"
                    + " build with -Pcuda on a machine with an NVIDIA driver, see the README)");
        }
        return Device.gpu();
    }

    private List<Path> removeStaleFiles(Path runDir) throws IOException {
        List<Path> removed = new ArrayList<>(new RunFolder(runDir).removeStaleTempFiles());
        removed.addAll(RunFolder.removeLeftOversOf(out));
        return removed;
    }

    private Integer train(Path runDir, Device dev, RunLog log) throws Exception {
        // read before the data: a bad gold file is said now, not after minutes of loading
        Path goldFile = gold != null ? gold : Files.isRegularFile(GoldMetric.besideRepository()) ? GoldMetric.besideRepository() : null;
        List<GoldMetric.Melody> melodies = goldFile != null ? GoldMetric.read(goldFile) : null;
        PianoGenieModel base = init != null ? initModel() : null;
        TrainingState resumed = resume ? RunFolder.resumeState(runDir) : null;
        TrainingConfig config;
        if (resumed != null) {
            config = resumedRecipe(resumed.training(), log);
            checkArchitecture(resumed.model(), "the run in " + runDir + " trains");
        } else {
            TrainingConfig defaults = base != null ? TrainingConfig.FINE_TUNE : TrainingConfig.DEFAULTS;
            if (!given("--shards")) { // one per core on the CPU; a GPU computes the batch whole
                int cores = dev.equals(Device.cpu()) ? ThreadsOption.count(threads) : 1;
                defaults = defaults.withShards(TrainingConfig.defaultShards(cores, given("--batch") ? batch : defaults.batchSize()));
            }
            config = withGiven(defaults, given("--steps") ? steps : defaults.steps());
            if (base != null) {
                checkArchitecture(base.config(), base.source() + " is");
            }
        }
        Dataset dataset = Dataset.load(data, log);
        if (dataset.split(Split.TRAIN).isEmpty()) {
            throw new IllegalArgumentException("the dataset " + data + " has no training performances");
        }
        ModelConfig model = resumed != null ? resumedOn(resumed, log) : modelConfig(base, dataset);
        List<NoteBatch> validation = EvalWindows.spread(
                EvalWindows.of(dataset.split(Split.VALIDATION), config.sequenceLength(), EvalWindows.Mode.ALL, 64),
                config.validationWindows(), 64);
        if (validation.isEmpty()) {
            log.println("warning: the validation split has no 128-note window: there is no model selection,"
                    + " the latest model is exported at every validation step");
        }
        boolean terminal = System.console() != null;
        final TrainingConfig recipe = config;
        try (PrefetchingBatches batches = new PrefetchingBatches(new CropSampler(dataset.split(Split.TRAIN),
                        config.batchSize(), config.sequenceLength(), config.seed(), config.sampling(), true), 4);
                ProgressReporter reporter = new ProgressReporter(log, terminal, java.time.Duration.ofSeconds(10)) {
                    @Override
                    public void newBest(dev.pianogenie.model.net.PianoGenieNet net, TrainingState state) throws IOException {
                        ModelExport.export(net, state, out); // the best model so far is always a loadable model folder
                    }
                };
                TrainingRun trainingRun = new TrainingRun(config, model, runDir, batches, validation, resume, reporter,
                        c -> recipe, dev)) {
            if (trainingRun.warmStarted()) {
                log.printf(Locale.ROOT, "no %s in %s: warm start from %s at step %d (fresh optimizer moments,"
                        + " learning rate warmed up again)%n", RunFolder.CHECKPOINT, runDir, RunFolder.BEST,
                        trainingRun.state().step());
            }
            if (melodies != null) {
                trainingRun.trackGold(evaluator -> GoldMetric.compute(melodies, evaluator::buttons).oneBased());
            }
            if (base != null) {
                trainingRun.initializeFrom(base.tensors());
                log.println("fine-tuning " + base.describe());
                if (!validation.isEmpty()) {
                    trainingRun.validateNow(); // the starting point: the best model until training beats it
                }
            }
            // Ctrl-C or a kill (SIGTERM): finish the step, write the checkpoint, say where the run stopped, then let
            // the JVM exit
            java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
            Thread hook = new Thread(() -> {
                trainingRun.requestStop();
                try {
                    trainingRun.awaitFinished(java.time.Duration.ofSeconds(60));
                    reported.await(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-training");
            Runtime.getRuntime().addShutdownHook(hook);
            TrainingState end = trainingRun.run();
            reporter.close();
            CurvePlot.render(runDir.resolve("curve.csv"), runDir.resolve("curve.png"));
            if (end.bestStep() >= 0) {
                log.printf(Locale.ROOT, "stopped at step %d of %d after %s; best validation ce %.4f (PPL %.3f) at step %d%n",
                        end.step(), end.training().steps(), ProgressReporter.inWords(end.elapsedSeconds()),
                        end.bestValidationCe(), Math.exp(end.bestValidationCe()), end.bestStep());
                log.println("best model: " + out + "; checkpoint, curve and log: " + runDir);
                log.println("play it: ./genie --model " + out);
            } else {
                log.printf(Locale.ROOT, "stopped at step %d of %d after %s, before its first validation: no model written"
                        + " to %s yet (validation every %d steps); checkpoint, curve and log: %s%n",
                        end.step(), end.training().steps(), ProgressReporter.inWords(end.elapsedSeconds()), out,
                        end.training().validateEvery(), runDir);
            }
            if (end.step() < end.training().steps()) {
                log.println("go on with: ./genie train --resume --data " + data + " --out " + out
                        + (given("--run") ? " --run " + runDir : ""));
            }
            reported.countDown();
        }
        return 0;
    }

    /** The resumed run's recipe; options given again must agree with it unless --change-recipe, said aloud. */
    private TrainingConfig resumedRecipe(TrainingConfig recipe, RunLog log) {
        long total = given("--steps") ? steps : recipe.steps();
        TrainingConfig asked = withGiven(recipe, total);
        String diff = differences(recipe, asked);
        if (!diff.isEmpty() && !changeRecipe) {
            throw new IllegalArgumentException("the run's recipe differs from the options given (" + diff
                    + "): a resume keeps its recipe — drop those options, or add --change-recipe to train on with them");
        }
        if (!diff.isEmpty()) {
            log.println("note: resuming with a changed recipe, as asked: " + diff);
        }
        if (total != recipe.steps()) {
            log.printf(Locale.ROOT, "note: the run's total goes from %d to %d steps%n", recipe.steps(), total);
        }
        return asked;
    }

    /**
     * The resumed run's model; resumed on another --data folder than the one it began with, that is said and kept in
     * its provenance (written with its checkpoints and in the model folder): "A, then B from step N".
     */
    private ModelConfig resumedOn(TrainingState resumed, RunLog log) {
        ModelConfig m = resumed.model();
        String before = m.provenance().get("data");
        String now = data.toString();
        if (before == null || AtomicFile.sameFile(Path.of(lastData(before)), data)) {
            return m;
        }
        log.println("note: resuming on --data " + now + ", not the data the run trained on so far (" + lastData(before)
                + "): the run's provenance records it from step " + resumed.step());
        Map<String, String> p = new LinkedHashMap<>(m.provenance());
        p.put("data", before + DATA_THEN + now + " from step " + resumed.step());
        return m.withProvenance(p);
    }

    private static final String DATA_THEN = ", then ";

    /** The data folder a provenance's "data" names last ("A, then B from step N" → B). */
    private static String lastData(String provenance) {
        int then = provenance.lastIndexOf(DATA_THEN);
        String last = then < 0 ? provenance : provenance.substring(then + DATA_THEN.length());
        return last.replaceFirst(" from step \\d+$", "");
    }

    /** The network cannot change shape: --encoding, --rnn-dim or --layers given must match the model's. */
    private void checkArchitecture(ModelConfig m, String what) {
        List<String> d = new ArrayList<>();
        if (given("--encoding") && encoding != m.encoding()) {
            d.add("encoding " + show(m.encoding()) + " (not " + show(encoding) + ")");
        }
        if (given("--rnn-dim") && rnnDim != m.rnnDim()) {
            d.add("LSTM width " + m.rnnDim() + " (not " + rnnDim + ")");
        }
        if (given("--encoder-dim") && encoderDim != m.encoderRnnDim()) {
            d.add("encoder width " + m.encoderRnnDim() + " (not " + encoderDim + ")");
        }
        if (given("--layers") && layers != m.rnnLayers()) {
            d.add("" + m.rnnLayers() + " layers (not " + layers + ")");
        }
        // a model without a velocity output may get one (--init); one it has keeps its width
        if (given("--velocity-units") && m.predictsVelocity() && velocityUnits != m.velocityUnits()) {
            d.add("a velocity output of " + m.velocityUnits() + " units (not " + velocityUnits + ")");
        }
        if (!d.isEmpty()) {
            throw new IllegalArgumentException(what + " a network of " + String.join(", ", d)
                    + ": its shape cannot change; drop those options");
        }
    }

    private Path initFolder() {
        return init.equals("default")
                ? Path.of(System.getProperty("genie.home", ".")).resolve("assets").resolve("model")
                : Path.of(init);
    }

    private PianoGenieModel initModel() throws Exception {
        Path dir = initFolder();
        PianoGenieModel m = ModelFiles.load(dir);
        if (!m.config().hasEncoder()) {
            throw new IllegalArgumentException(dir + " is a decoder-only model (" + m.describe() + "): it has no encoder"
                    + " to fine-tune; start from a model folder with an encoder, e.g. --init default (assets/model)");
        }
        return m;
    }

    /** Name and provenance from the user's data (or --name); a fine-tuned model keeps the base model's provenance beside. */
    private ModelConfig modelConfig(PianoGenieModel base, Dataset dataset) {
        String folder = data.toAbsolutePath().normalize().getFileName().toString();
        boolean maestro = dataset.hasOfficialSplits();
        String dataName = maestro ? "MAESTRO" : folder;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("data", data.toString());
        String dataLicence = maestro ? "CC BY-NC-SA 4.0 (trained on MAESTRO)" : "that of the training data (" + folder + ")";
        if (base != null) {
            p.put("fine_tuned_from", base.config().name() + " (" + base.source() + ")");
            String baseLicence = base.config().provenance().getOrDefault("licence", "unknown");
            p.put("licence", dataLicence + "; and the base model's: " + baseLicence);
            String modelName = name != null ? name : "Piano Genie (" + dataName + ", fine-tuned)";
            int units = base.config().predictsVelocity() ? base.config().velocityUnits() : velocityUnits;
            return new ModelConfig(modelName, base.config().encoding(), base.config().cell(), base.config().rnnDim(),
                    base.config().rnnLayers(), true, p, base.config().encoderRnnDim(), units);
        }
        p.put("licence", dataLicence);
        return new ModelConfig(name != null ? name : "Piano Genie (" + dataName + ")", encoding, CellConvention.TORCH_IFGO,
                rnnDim, layers, true, p, encoderDim, velocityUnits); // encoderDim 0: as wide as the decoder
    }

    private Integer exportOnly(Path runDir) throws IOException {
        TrainingState exported = latest ? ModelExport.exportLatest(runDir, out, name) : ModelExport.exportBest(runDir, out, name);
        Path csv = runDir.resolve("curve.csv");
        if (Files.exists(csv)) {
            Files.copy(csv, out.resolve("training-curve.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            CurvePlot.render(csv, out.resolve("training-curve.png"));
        }
        if (latest) {
            System.out.printf(Locale.ROOT, "exported the latest parameters of %s (step %d; its best by validation: step %d,"
                    + " PPL %.3f) to %s%n", runDir, exported.step(), exported.bestStep(), Math.exp(exported.bestValidationCe()), out);
        } else {
            System.out.printf(Locale.ROOT, "exported the best model of %s (step %d, validation PPL %.3f) to %s%n",
                    runDir, exported.bestStep(), Math.exp(exported.bestValidationCe()), out);
        }
        return 0;
    }
}
