package dev.pianogenie.training.cli;

import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.training.data.CropSampler;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.data.EvalWindows;
import dev.pianogenie.training.data.PrefetchingBatches;
import dev.pianogenie.training.data.Split;
import dev.pianogenie.training.loop.CurvePlot;
import dev.pianogenie.training.loop.ModelExport;
import dev.pianogenie.training.loop.NoteBatch;
import dev.pianogenie.training.loop.ProgressReporter;
import dev.pianogenie.training.loop.TrainingConfig;
import dev.pianogenie.training.loop.TrainingRun;
import dev.pianogenie.training.loop.TrainingState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./genie train}: trains the Piano Genie autoencoder on a folder of MIDI files, resumably. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the Piano Genie autoencoder on a folder of MIDI files (MAESTRO or your own).",
            "Checkpoints are written atomically to the run folder; --resume continues a run exactly."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", description = "folder of MIDI files (with a MAESTRO CSV: its splits); required unless --export-only")
    Path data;

    @Option(names = "--out", defaultValue = "runs/model", description = "model folder for the best model (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--run", description = "run folder for checkpoints, curve and log (default: OUT/training)")
    Path run;

    @Option(names = "--resume", description = "continue the run in the run folder from its last checkpoint")
    boolean resume;

    @Option(names = "--steps", description = "total training steps (default: 50000, or the resumed run's total)")
    Long steps;

    @Option(names = "--batch", defaultValue = "32", description = "sequences per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", defaultValue = "0", description = "seed for initialisation and batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lr", defaultValue = "3e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}, the paper's)")
    double lr;

    @Option(names = "--warmup", defaultValue = "0", description = "linear learning-rate warm-up steps (default: ${DEFAULT-VALUE})")
    long warmup;

    @Option(names = "--schedule", defaultValue = "constant", description = "constant or cosine (decay after warm-up; default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--min-lr-fraction", defaultValue = "0.05", description = "cosine floor as a fraction of --lr (default: ${DEFAULT-VALUE})")
    double minLrFraction;

    @Option(names = "--clip-norm", defaultValue = "0", description = "global gradient-norm clipping, 0 = off (default: ${DEFAULT-VALUE})")
    double clipNorm;

    @Option(names = "--margin-weight", defaultValue = "1.0", description = "weight of the margin loss (default: ${DEFAULT-VALUE})")
    double marginWeight;

    @Option(names = "--contour-weight", defaultValue = "1.0", description = "weight of the contour loss (default: ${DEFAULT-VALUE})")
    double contourWeight;

    @Option(names = "--encoding", defaultValue = "paper", description = "ΔT encoding: paper (33 one-hot buckets) or tutorial (scalar) (default: ${DEFAULT-VALUE})")
    String encoding;

    @Option(names = "--rnn-dim", defaultValue = "128", description = "LSTM width (default: ${DEFAULT-VALUE})")
    int rnnDim;

    @Option(names = "--layers", defaultValue = "2", description = "LSTM layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--validate-every", defaultValue = "1000", description = "steps between validations (default: ${DEFAULT-VALUE})")
    long validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    long checkpointEvery;

    @Option(names = "--validation-windows", defaultValue = "2048", description = "validation windows used for model selection, spread over the split (default: ${DEFAULT-VALUE})")
    int validationWindows;

    @Option(names = "--sampling", defaultValue = "uniform", description = "how crops pick a performance: uniform (the paper) or by-notes (default: ${DEFAULT-VALUE})")
    String sampling;

    @Option(names = "--threads", defaultValue = "0", description = "engine threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--export-only", description = "only write the run's best model to --out (no training)")
    boolean exportOnly;

    @Option(names = "--name", defaultValue = "Piano Genie (MAESTRO)", description = "the model's name (default: ${DEFAULT-VALUE})")
    String name;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * A resumed run keeps its recipe, so it continues exactly — except what is given again on the command line
     * (a higher --steps; a changed --lr, --clip-norm or loss weight, e.g. for a trial from a checkpoint), said aloud.
     */
    TrainingConfig onResume(TrainingConfig c) {
        var given = spec.commandLine().getParseResult();
        long s = steps != null ? steps : c.steps();
        double newLr = given.hasMatchedOption("--lr") ? lr : c.learningRate();
        double clip = given.hasMatchedOption("--clip-norm") ? clipNorm : c.clipNorm();
        double margin = given.hasMatchedOption("--margin-weight") ? marginWeight : c.marginWeight();
        double contour = given.hasMatchedOption("--contour-weight") ? contourWeight : c.contourWeight();
        TrainingConfig r = new TrainingConfig(s, c.batchSize(), c.sequenceLength(), newLr, c.warmupSteps(), c.schedule(),
                c.minLrFraction(), clip, margin, contour, c.seed(), c.validateEvery(), c.checkpointEvery());
        if (!r.withSteps(c.steps()).equals(c)) {
            System.out.printf(Locale.ROOT, "note: resuming with a changed recipe: lr %.3g → %.3g, clip %.3g → %.3g, "
                    + "margin %.3g → %.3g, contour %.3g → %.3g%n", c.learningRate(), newLr, c.clipNorm(), clip,
                    c.marginWeight(), margin, c.contourWeight(), contour);
        }
        return r;
    }

    @Override
    public Integer call() throws Exception {
        ThreadsOption.apply(threads);
        Path runDir = run != null ? run : out.resolve("training");
        if (exportOnly) {
            TrainingState best = ModelExport.exportBest(runDir, out);
            Path csv = runDir.resolve("curve.csv");
            if (java.nio.file.Files.exists(csv)) {
                java.nio.file.Files.copy(csv, out.resolve("training-curve.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                CurvePlot.render(csv, out.resolve("training-curve.png"));
            }
            System.out.printf(Locale.ROOT, "exported the best model of %s (step %d, validation PPL %.3f) to %s%n",
                    runDir, best.bestStep(), Math.exp(best.bestValidationCe()), out);
            return 0;
        }
        long totalSteps = steps != null ? steps : resume ? -1 : 50_000;
        TrainingConfig config = new TrainingConfig(totalSteps > 0 ? totalSteps : 1, batch, TrainingConfig.SEQUENCE_LENGTH, lr, warmup,
                TrainingConfig.Schedule.valueOf(schedule.toUpperCase(Locale.ROOT)), minLrFraction, clipNorm,
                marginWeight, contourWeight, seed, validateEvery, checkpointEvery);
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required to train (a folder of MIDI files)");
        }
        ModelConfig model = new ModelConfig(name, FeatureEncoding.valueOf(encoding.toUpperCase(Locale.ROOT)),
                CellConvention.TORCH_IFGO, rnnDim, layers, true,
                Map.of("data", data.toString(), "licence", "CC BY-NC-SA 4.0 when trained on MAESTRO"));

        Dataset dataset = Dataset.load(data, System.out);
        if (dataset.split(Split.TRAIN).isEmpty()) {
            throw new IllegalArgumentException("the dataset " + data + " has no training performances");
        }
        List<NoteBatch> validation = EvalWindows.spread(
                EvalWindows.of(dataset.split(Split.VALIDATION), config.sequenceLength(), EvalWindows.Mode.ALL, 64),
                validationWindows, 64);
        if (validation.isEmpty()) {
            System.out.println("warning: the validation split has no 128-note window: there is no model selection,"
                    + " the latest model is exported at every validation step");
        }
        CropSampler.Weighting weighting = sampling.equalsIgnoreCase("by-notes")
                ? CropSampler.Weighting.BY_NOTES : CropSampler.Weighting.UNIFORM;
        boolean terminal = System.console() != null;
        try (PrefetchingBatches batches = new PrefetchingBatches(new CropSampler(dataset.split(Split.TRAIN), batch,
                        config.sequenceLength(), seed, weighting, true), 4);
                ProgressReporter reporter = new ProgressReporter(System.out, terminal, 50) {
                    @Override
                    public void newBest(dev.pianogenie.model.net.PianoGenieNet net, TrainingState state) throws java.io.IOException {
                        ModelExport.export(net, state, out); // the best model so far is always a loadable model folder
                    }
                };
                TrainingRun trainingRun = new TrainingRun(config, model, runDir, batches, validation, resume, reporter,
                        this::onResume)) {
            if (trainingRun.warmStarted()) {
                System.out.printf(Locale.ROOT, "no %s in %s: warm start from %s at step %d (fresh optimizer moments,"
                        + " learning rate warmed up again)%n", TrainingRun.CHECKPOINT, runDir, TrainingRun.BEST,
                        trainingRun.state().step());
            }
            // Ctrl-C or a kill (SIGTERM): finish the step, write the checkpoint, then let the JVM exit
            Thread hook = new Thread(() -> {
                trainingRun.requestStop();
                try {
                    trainingRun.awaitFinished(java.time.Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-training");
            Runtime.getRuntime().addShutdownHook(hook);
            TrainingState end = trainingRun.run();
            CurvePlot.render(runDir.resolve("curve.csv"), runDir.resolve("curve.png"));
            System.out.printf(Locale.ROOT, "stopped at step %d of %d after %.1f h; best validation ce %.4f (PPL %.3f) at step %d%n",
                    end.step(), end.training().steps(), end.elapsedSeconds() / 3600, end.bestValidationCe(),
                    Math.exp(end.bestValidationCe()), end.bestStep());
            System.out.println("checkpoint, best parameters and curve: " + runDir);
        }
        return 0;
    }
}
