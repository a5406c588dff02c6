package dev.pianogenie.training.cli;

import ai.djl.Device;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.training.data.CropSampler;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.data.EvalWindows;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.data.PrefetchingBatches;
import dev.pianogenie.training.data.Split;
import dev.pianogenie.training.eval.GoldMetric;
import dev.pianogenie.training.loop.BestModelExport;
import dev.pianogenie.training.loop.ProgressReporter;
import dev.pianogenie.training.loop.TrainingListener;
import dev.pianogenie.training.loop.TrainingRun;
import dev.pianogenie.training.run.CurvePlot;
import dev.pianogenie.training.run.Provenance;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.RunLog;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One {@code genie train} that trains: the recipe, data and network put together, the run, and what is said at its end. */
final class TrainSession {
    private final TrainCommand cmd;
    private final RunFolder runDir;
    private final Device dev;
    private final RunLog log;

    TrainSession(TrainCommand cmd, RunFolder runDir, Device dev, RunLog log) {
        this.cmd = cmd;
        this.runDir = runDir;
        this.dev = dev;
        this.log = log;
    }

    int train() throws Exception {
        // read before the data: a bad gold file is said now, not after minutes of loading
        Path goldFile = cmd.gold != null
                ? cmd.gold
                : Files.isRegularFile(GoldMetric.besideRepository()) ? GoldMetric.besideRepository() : null;
        List<GoldMetric.Melody> melodies = goldFile != null ? GoldMetric.read(goldFile) : null;
        PianoGenieModel base = cmd.initModel();
        TrainingState resumed = cmd.resume ? runDir.resumeState() : null;
        TrainingConfig config;
        if (resumed != null) {
            config = cmd.resumedRecipe(resumed, log);
            cmd.network.checkSameShape(resumed.model(), "the run in " + runDir + " trains", cmd::given);
            cmd.network.checkSameButtons(resumed.model(), "the run in " + runDir + " trains", cmd::given);
        } else {
            config = cmd.newRecipe(dev, base != null);
            if (base != null) {
                cmd.network.checkSameShape(base.config(), base.source() + " is", cmd::given);
            }
        }
        Dataset dataset = Dataset.load(cmd.data, log);
        if (dataset.split(Split.TRAIN).isEmpty()) {
            throw new IllegalArgumentException("the dataset " + cmd.data + " has no training performances");
        }
        ModelConfig model = resumed != null
                ? Provenance.resumedOn(resumed, cmd.data, log::println)
                : cmd.modelConfig(base, dataset);
        List<NoteBatch> validation = EvalWindows.spread(
                EvalWindows.of(dataset.split(Split.VALIDATION), config.sequenceLength(), EvalWindows.Mode.ALL, 64),
                config.validationWindows(),
                64);
        if (validation.isEmpty()) {
            log.println("warning: the validation split has no 128-note window: there is no model selection,"
                    + " the latest model is exported at every validation step");
        }
        boolean terminal = System.console() != null;
        final TrainingConfig recipe = config;
        try (PrefetchingBatches batches = new PrefetchingBatches(
                        new CropSampler(
                                dataset.split(Split.TRAIN),
                                config.batchSize(),
                                config.sequenceLength(),
                                config.seed(),
                                config.sampling(),
                                true),
                        4);
                ProgressReporter reporter = new ProgressReporter(log, terminal, Duration.ofSeconds(10));
                TrainingRun trainingRun = new TrainingRun(
                        config,
                        model,
                        runDir.dir(),
                        batches,
                        validation,
                        cmd.resume,
                        TrainingListener.all(reporter, new BestModelExport(cmd.out)),
                        c -> recipe,
                        dev)) {
            if (trainingRun.warmStarted()) {
                log.printf(
                        Locale.ROOT,
                        "no %s in %s: warm start from %s at step %d (fresh optimizer moments,"
                                + " learning rate warmed up again)%n",
                        RunFolder.CHECKPOINT,
                        runDir,
                        RunFolder.BEST,
                        trainingRun.state().step());
            }
            if (melodies != null && model.numButtons() == GoldMetric.BUTTONS) { // the gold buttons are 8-button ones
                trainingRun.trackGold(evaluator ->
                        GoldMetric.compute(melodies, evaluator::buttons).oneBased());
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
            CountDownLatch reported = new CountDownLatch(1);
            Thread hook = new Thread(
                    () -> {
                        trainingRun.requestStop();
                        try {
                            trainingRun.awaitFinished(Duration.ofSeconds(60));
                            reported.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "stop-training");
            Runtime.getRuntime().addShutdownHook(hook);
            TrainingState end = trainingRun.run();
            reporter.close();
            CurvePlot.render(runDir.curve(), runDir.plot());
            sayWhereItStopped(end);
            reported.countDown();
        }
        return 0;
    }

    private void sayWhereItStopped(TrainingState end) {
        if (end.bestStep() >= 0) {
            log.printf(
                    Locale.ROOT,
                    "stopped at step %d of %d after %s; best validation ce %.4f (PPL %.3f) at step %d%n",
                    end.step(),
                    end.training().steps(),
                    ProgressReporter.inWords(end.elapsedSeconds()),
                    end.bestValidationCe(),
                    Math.exp(end.bestValidationCe()),
                    end.bestStep());
            log.println("best model: " + cmd.out + "; checkpoint, curve and log: " + runDir);
            log.println("play it: ./genie --model " + cmd.out);
        } else {
            log.printf(
                    Locale.ROOT,
                    "stopped at step %d of %d after %s, before its first validation: no model written"
                            + " to %s yet (validation every %d steps); checkpoint, curve and log: %s%n",
                    end.step(),
                    end.training().steps(),
                    ProgressReporter.inWords(end.elapsedSeconds()),
                    cmd.out,
                    end.training().validateEvery(),
                    runDir);
        }
        if (end.step() < end.training().steps()) {
            log.println("go on with: ./genie train --resume --data " + cmd.data + " --out " + cmd.out
                    + (cmd.given("--run") ? " --run " + runDir : ""));
        }
    }
}
