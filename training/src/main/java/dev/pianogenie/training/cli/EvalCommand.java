package dev.pianogenie.training.cli;

import ai.djl.ndarray.NDManager;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.net.PianoGenieNet;
import dev.pianogenie.training.data.Dataset;
import dev.pianogenie.training.data.EvalWindows;
import dev.pianogenie.training.data.NoteBatch;
import dev.pianogenie.training.data.NoteSequence;
import dev.pianogenie.training.data.Split;
import dev.pianogenie.training.eval.GoldMetric;
import dev.pianogenie.training.eval.NetEvaluator;
import dev.pianogenie.training.eval.Scores;
import dev.pianogenie.training.run.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./genie eval}: PPL, accuracy, contour violations, buttons and Gold of a model on a dataset split. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluate a model on a split of a MIDI dataset: PPL, top-1 accuracy, CVR, button histogram, Gold.",
            "The last line is one JSON object."
        })
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model folder (with an encoder, or use --buttons)")
    Path model;

    @Option(names = "--data", required = true, description = "folder of MIDI files (with a MAESTRO CSV: its splits)")
    Path data;

    @Option(
            names = "--split",
            defaultValue = "validation",
            description = "test, validation, train or all (default: ${DEFAULT-VALUE})")
    String split;

    @Option(
            names = "--windows",
            defaultValue = "all",
            description =
                    "all: every consecutive 128-note window; first: only each performance's first (default: ${DEFAULT-VALUE})")
    String windows;

    @Option(
            names = "--buttons",
            paramLabel = "FROM_MODEL",
            description = "take the buttons from this model's encoder (for decoder-only models)")
    Path buttonsFrom;

    @Option(
            names = "--gold",
            description = "gold melodies JSON (default: ../shared/reference/gold-melodies.json beside the repository)")
    Path gold;

    @Option(names = "--limit", description = "evaluate only the first N performances of the split (quick checks)")
    Integer limit;

    @Option(
            names = "--json-out",
            description = "also write the final JSON object to this file (e.g. a model folder's eval.json)")
    Path jsonOut;

    @Option(
            names = "--threads",
            defaultValue = "0",
            description = "engine threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (limit != null) {
            CliChecks.positive("--limit", limit);
        }
        ThreadsOption.apply(threads);
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException(
                    "no folder at " + data.toAbsolutePath().normalize() + ": --data wants a folder of MIDI files");
        }
        EvalWindows.Mode mode =
                switch (windows.toLowerCase(Locale.ROOT)) {
                    case "all" -> EvalWindows.Mode.ALL;
                    case "first" -> EvalWindows.Mode.FIRST;
                    default ->
                        throw new IllegalArgumentException("--windows must be all or first, was '" + windows + "'");
                };
        PianoGenieModel m = ModelFiles.load(model);
        PianoGenieModel encoderModel = buttonsFrom != null ? ModelFiles.load(buttonsFrom) : m;
        if (!encoderModel.config().hasEncoder()) {
            throw new IllegalArgumentException(encoderModel.source() + " has no encoder (a decoder-only checkpoint):"
                    + " pass --buttons FROM_MODEL to take the buttons from a model that has one");
        }
        if (encoderModel.config().numButtons() != m.config().numButtons()) {
            throw new IllegalArgumentException(
                    encoderModel.source() + " quantises to "
                            + encoderModel.config().numButtons()
                            + " buttons but " + m.source() + " is played with "
                            + m.config().numButtons()
                            + ": its decoder would read button values it never learnt; take the buttons from a model with as many");
        }
        Dataset dataset = Dataset.load(data, System.err);
        List<NoteSequence> sequences = new ArrayList<>();
        if (split.equalsIgnoreCase("all")) {
            for (Split s : Split.values()) {
                sequences.addAll(dataset.split(s));
            }
        } else {
            sequences.addAll(dataset.split(Split.parse(split)));
        }
        if (limit != null) {
            sequences = sequences.subList(0, Math.min(limit, sequences.size()));
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("the " + split + " split of " + data + " is empty");
        }
        List<NoteBatch> batches = EvalWindows.of(sequences, TrainingConfig.SEQUENCE_LENGTH, mode, 64);
        // what comes after the evaluation is checked before it: a bad gold file or output is said now, not minutes
        // later
        Path goldFile = gold != null ? gold : defaultGold();
        List<GoldMetric.Melody> melodies = GoldMetric.read(goldFile);
        if (jsonOut != null) {
            checkNotAnInput(goldFile);
            AtomicFile.checkWritable(jsonOut, 0);
        }

        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            PianoGenieNet decoderNet = PianoGenieNet.of(m, manager);
            PianoGenieNet encoderNet = encoderModel == m ? decoderNet : PianoGenieNet.of(encoderModel, manager);
            NetEvaluator evaluator = new NetEvaluator(encoderNet, decoderNet, manager);
            Scores scores = new Scores(evaluator.numButtons(), meanVelocity(dataset, sequences));
            long t0 = System.nanoTime();
            for (NoteBatch b : batches) {
                scores.add(evaluator.evaluate(b));
            }
            // the gold buttons are 8-button ones: for another count there is no Gold
            GoldMetric.Result g = evaluator.numButtons() == GoldMetric.BUTTONS
                    ? GoldMetric.compute(melodies, evaluator::buttons)
                    : null;
            double seconds = (System.nanoTime() - t0) / 1e9;
            print(m, encoderModel, sequences.size(), mode, scores, g, seconds);
        }
        return 0;
    }

    private void print(
            PianoGenieModel m,
            PianoGenieModel enc,
            int performances,
            EvalWindows.Mode mode,
            Scores s,
            GoldMetric.Result g,
            double seconds) {
        System.out.printf(Locale.ROOT, "model     %s%n", m.describe());
        if (enc != m) {
            System.out.printf(Locale.ROOT, "buttons   from %s%n", enc.describe());
        }
        System.out.printf(
                Locale.ROOT,
                "data      %s, split %s: %d performances, %d windows (%s), %,d notes, %.1f s%n",
                data,
                split,
                performances,
                s.windows(),
                mode.name().toLowerCase(Locale.ROOT),
                s.notes(),
                seconds);
        System.out.printf(
                Locale.ROOT,
                "  PPL                %8.3f   (exp of the mean cross-entropy, %.4f nats)%n",
                s.perplexity(),
                s.meanCrossEntropy());
        System.out.printf(Locale.ROOT, "  top-1 accuracy     %8.4f%n", s.accuracy());
        System.out.printf(
                Locale.ROOT,
                "  CVR                %8.4f   (consecutive notes whose key and button move apart)%n",
                s.contourViolationRatio());
        long[] h = s.buttonHistogram();
        if (g != null) {
            System.out.printf(
                    Locale.ROOT,
                    "  Gold               %8.3f   (1-based gold buttons, as the paper; 0-based: %.3f)%n",
                    g.oneBased(),
                    g.zeroBased());
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "  Gold               none       (the gold melodies are for %d buttons; this model has %d)%n",
                    GoldMetric.BUTTONS,
                    h.length);
        }
        StringBuilder hist = new StringBuilder();
        for (int b = 0; b < h.length; b++) {
            hist.append(String.format(Locale.ROOT, " %d:%.3f", b, (double) h[b] / s.notes()));
        }
        System.out.println("  buttons           " + hist);
        String velocity;
        if (s.hasVelocity()) {
            System.out.printf(
                    Locale.ROOT,
                    "  velocity MAE       %8.3f   (expectation of the velocity output, teacher-forced; ce %.4f nats)%n",
                    s.velocityMae(),
                    s.velocityCrossEntropy());
            System.out.printf(
                    Locale.ROOT,
                    "    baselines        %8.3f   previous note's velocity; %.3f the training mean (%.2f)%n",
                    s.previousVelocityMae(),
                    s.meanVelocityMae(),
                    s.meanVelocity());
            velocity = String.format(
                    Locale.ROOT,
                    ", \"velocity_mae\": %.4f, \"velocity_ce\": %.5f, \"velocity_mae_previous_note\": %.4f, "
                            + "\"velocity_mae_training_mean\": %.4f, \"velocity_training_mean\": %.3f",
                    s.velocityMae(),
                    s.velocityCrossEntropy(),
                    s.previousVelocityMae(),
                    s.meanVelocityMae(),
                    s.meanVelocity());
        } else {
            System.out.println("  velocity           none       (" + m.velocityKind() + ": no velocity output)");
            velocity = ", \"velocity_mae\": null";
        }
        String json = String.format(
                Locale.ROOT,
                "{\"split\": \"%s\", \"windows\": %d, \"notes\": %d, \"ppl\": %.4f, \"accuracy\": %.4f, \"cvr\": %.5f, \"gold\": %s, "
                        + "\"gold_zero_based\": %s, \"mean_ce\": %.5f, \"mode\": \"%s\", \"buttons\": %d, \"button_histogram\": %s%s}",
                split,
                s.windows(),
                s.notes(),
                s.perplexity(),
                s.accuracy(),
                s.contourViolationRatio(),
                gold(g, true),
                gold(g, false),
                s.meanCrossEntropy(),
                mode.name().toLowerCase(Locale.ROOT),
                h.length,
                Arrays.toString(h),
                velocity);
        System.out.println(json);
        if (jsonOut != null) {
            try {
                AtomicFile.write(
                        jsonOut, (json + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (FileAccessException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    /** A Gold figure for the JSON line, null when there is none. */
    private static String gold(GoldMetric.Result g, boolean oneBased) {
        return g == null ? "null" : String.format(Locale.ROOT, "%.4f", oneBased ? g.oneBased() : g.zeroBased());
    }

    /**
     * {@code --json-out} never replaces what the evaluation reads: the gold file, a file of the model folders (its
     * config or weights) or of the data folder. A JSON an earlier evaluation wrote (e.g. the model folder's
     * eval.json) may be written again.
     */
    private void checkNotAnInput(Path goldFile) throws java.io.IOException {
        AtomicFile.checkNotInput(jsonOut, "--json-out", goldFile, "the gold melodies file");
        if (!Files.isRegularFile(jsonOut)) {
            return;
        }
        try (var in = Files.newInputStream(jsonOut)) {
            if (new String(in.readNBytes(8), java.nio.charset.StandardCharsets.UTF_8).equals("{\"split\"")) {
                return; // an earlier evaluation's
            }
        }
        Path file = jsonOut.toRealPath();
        for (var input : List.of(
                Map.entry("--model", model),
                Map.entry("--buttons", buttonsFrom == null ? model : buttonsFrom),
                Map.entry("--data", data))) {
            if (Files.isDirectory(input.getValue())
                    && file.startsWith(input.getValue().toRealPath())) {
                throw new IllegalArgumentException(
                        "--json-out " + jsonOut + " is a file of the " + input.getKey() + " folder " + input.getValue()
                                + ", which the evaluation reads: writing it would destroy it; give another name");
            }
        }
    }

    /**
     * The constant baseline: the mean velocity of the training split's notes on the piano (of the evaluated notes when the
     * dataset has no training split).
     */
    private static double meanVelocity(Dataset dataset, List<NoteSequence> evaluated) {
        List<NoteSequence> from = dataset.split(Split.TRAIN).isEmpty() ? evaluated : dataset.split(Split.TRAIN);
        long sum = 0;
        long n = 0;
        for (NoteSequence s : from) {
            for (int i = 0; i < s.size(); i++) {
                if (dev.pianogenie.model.Keys.isOnPiano(s.pitch(i))) {
                    sum += s.velocity(i);
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) sum / n;
    }

    private static Path defaultGold() {
        Path p = GoldMetric.besideRepository();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no gold melodies at " + p + ": pass --gold FILE");
        }
        return p;
    }
}
