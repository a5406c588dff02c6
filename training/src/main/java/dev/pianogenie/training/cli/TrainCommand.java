package dev.pianogenie.training.cli;

import ai.djl.Device;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.io.ShippedModel;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.run.Provenance;
import dev.pianogenie.training.run.Recipe;
import dev.pianogenie.training.run.RunFolder;
import dev.pianogenie.training.run.RunLock;
import dev.pianogenie.training.run.RunLog;
import dev.pianogenie.training.run.TrainingConfig;
import dev.pianogenie.training.run.TrainingState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./genie train}: trains the Piano Genie autoencoder on a folder of MIDI files, resumably; or fine-tunes a model. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        defaultValueProvider = TrainDefaults.class,
        description = {
            "Train the Piano Genie autoencoder on a folder of MIDI files (MAESTRO or your own), or fine-tune a"
                    + " model on them (--init).",
            "Checkpoints are written atomically to the run folder; --resume continues a run exactly, with its own recipe.",
            "Progress, validation and notes also go to RUN/train.log."
        })
public final class TrainCommand implements Callable<Integer> {

    static {
        TrainingConfig f = TrainingConfig.FINE_TUNE;
        System.setProperty(
                "genie.train.fine-tune",
                String.format(
                        Locale.ROOT,
                        "lr %s, warm-up %d steps, %d steps, validation every %d",
                        Recipe.plain(f.learningRate()),
                        f.warmupSteps(),
                        f.steps(),
                        f.validateEvery()));
        System.setProperty("genie.train.wsd-decay", Math.round(100 * TrainingConfig.WSD_DECAY_FRACTION) + " percent");
    }

    @Option(
            names = "--data",
            description =
                    "folder of MIDI files, searched recursively (with a MAESTRO CSV: its splits;"
                            + " otherwise each file goes to train, validation or test by a hash of its bytes); required unless --export-only")
    Path data;

    @Option(names = "--out", description = "model folder for the best model (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--run", description = "run folder for checkpoints, curve and log (default: OUT/training)")
    Path run;

    @Option(
            names = "--resume",
            description = "continue the run in the run folder from its last checkpoint, with its recipe")
    boolean resume;

    @Option(
            names = "--change-recipe",
            description = "with --resume: train on with the recipe options given"
                    + " (batch, seed, lr, ...) instead of refusing them")
    boolean changeRecipe;

    @Option(
            names = "--init",
            paramLabel = "MODEL_DIR",
            description = "fine-tune: start from this model folder (with its"
                    + " encoder; 'default' = the shipped " + ShippedModel.RELATIVE
                    + "), with defaults that suit fine-tuning:"
                    + " ${sys:genie.train.fine-tune}")
    String init;

    @Mixin
    RecipeOptions recipe;

    @Mixin
    NetworkOptions network;

    @Option(
            names = "--device",
            description =
                    "cpu or gpu (a CUDA GPU; needs the CUDA build, see the README)" + " (default: ${DEFAULT-VALUE})")
    String device = "cpu";

    @Option(names = "--threads", description = "engine threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--gold",
            description =
                    "gold melodies JSON: the encoder's Gold is reported at every validation and"
                            + " kept in the curve (default: ../shared/reference/gold-melodies.json beside the repository, when there)")
    Path gold;

    @Option(names = "--export-only", description = "only write the run's best model to --out (no training)")
    boolean exportOnly;

    @Option(
            names = "--latest",
            description = "with --export-only: the run's latest parameters (its checkpoint) instead"
                    + " of its best by validation")
    boolean latest;

    @Option(
            names = "--name",
            description = "the model's name (default: from the data folder, e.g. \"Piano Genie (my-music)\";"
                    + " with --export-only: the run's)")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    @Override
    public Integer call() throws Exception {
        TrainOptionRules.check(this);
        ThreadsOption.apply(threads);
        RunFolder runDir = new RunFolder(run != null ? run : out.resolve("training"));
        if (init != null) { // the trained model would replace the files of the model it starts from
            AtomicFile.checkNotInput(out, "--out", initFolder(), "the --init model");
        }
        // one run at a time in a run folder, and in a model folder outside it: held for the run's life
        boolean outApart = !runDir.dir()
                .toAbsolutePath()
                .normalize()
                .startsWith(out.toAbsolutePath().normalize());
        if (exportOnly) {
            try (RunLock runLock = Files.isDirectory(runDir.dir()) ? runDir.lock() : null;
                    RunLock outLock = outApart ? RunLock.acquire(out, "the model folder") : null) {
                return ExportOnly.export(runDir, out, name, latest);
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR is required to train (a folder of MIDI files)");
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException(
                    "no folder at " + data.toAbsolutePath().normalize() + ": --data wants a folder of MIDI files");
        }
        Device dev = device();
        Files.createDirectories(runDir.dir());
        try (RunLock runLock = runDir.lock();
                RunLock outLock = outApart ? RunLock.acquire(out, "the model folder") : null;
                RunLog log = RunLog.open(runDir.log(), System.out)) {
            log.println("$ genie "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            for (RunLock l : java.util.Arrays.asList(runLock, outLock)) {
                if (l != null && l.tookOverStale()) {
                    log.println("note: a stale lock (" + l.staleHolder() + ", no longer running) was taken over");
                }
            }
            String env = NativeEnvironment.warning();
            if (env != null) {
                log.println(env);
            }
            for (Path p : runDir.removeStaleTempFiles()) {
                log.println("removed " + p + " (a temporary file a stopped run left)");
            }
            for (Path p : RunFolder.removeLeftOversOf(out)) {
                log.println("removed " + p + " (a temporary file a stopped run left)");
            }
            return new TrainSession(this, runDir, dev, log).train();
        }
    }

    private Device device() {
        if (device.equalsIgnoreCase("cpu")) {
            return Device.cpu();
        }
        if (Engines.pytorch().getGpuCount() == 0) {
            throw new IllegalArgumentException(
                    "--device gpu: PyTorch sees no CUDA GPU here (this build has the CPU natives;"
                            + " build with -Pcuda on a machine with an NVIDIA driver, see the README)");
        }
        return Device.gpu();
    }

    /** The recipe a new run trains by: the defaults (a fine-tune's with --init), with the options given put in. */
    TrainingConfig newRecipe(Device dev, boolean fineTune) {
        TrainingConfig defaults = fineTune ? TrainingConfig.FINE_TUNE : TrainingConfig.DEFAULTS;
        if (!given("--shards")) { // one per core on the CPU; a GPU computes the batch whole
            int cores = dev.equals(Device.cpu()) ? ThreadsOption.count(threads) : 1;
            defaults = defaults.withShards(
                    TrainingConfig.defaultShards(cores, given("--batch") ? recipe.batch : defaults.batchSize()));
        }
        return recipe.recipe(this::given).over(defaults);
    }

    /** The resumed run's recipe; options given again must agree with it unless --change-recipe, said aloud. */
    TrainingConfig resumedRecipe(TrainingState resumed, RunLog log) {
        return recipe.recipe(this::given).resuming(resumed.training(), changeRecipe, log::println);
    }

    private Path initFolder() {
        return init.equals("default") ? ShippedModel.folder() : Path.of(init);
    }

    /** The --init model, or null without --init. */
    PianoGenieModel initModel() throws Exception {
        if (init == null) {
            return null;
        }
        Path dir = initFolder();
        PianoGenieModel m = ModelFiles.load(dir);
        if (!m.config().hasEncoder()) {
            throw new IllegalArgumentException(
                    dir + " is a decoder-only model (" + m.describe() + "): it has no encoder"
                            + " to fine-tune; start from a model folder with an encoder, e.g. --init default ("
                            + ShippedModel.RELATIVE + ")");
        }
        return m;
    }

    /** Name and provenance from the user's data (or --name); a fine-tuned model keeps the base model's provenance beside. */
    ModelConfig modelConfig(PianoGenieModel base, Dataset dataset) {
        boolean maestro = dataset.hasOfficialSplits();
        String modelName = name != null ? name : Provenance.modelName(data, maestro, base != null);
        var provenance = Provenance.of(data, maestro, base);
        return base != null
                ? network.fineTuning(base, modelName, provenance, this::given)
                : network.newNetwork(modelName, provenance);
    }
}
