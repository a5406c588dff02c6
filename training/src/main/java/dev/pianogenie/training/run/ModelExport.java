package dev.pianogenie.training.run;

import ai.djl.ndarray.NDManager;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.engine.Engines;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.model.net.PianoGenieNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes a trained network as a model folder the live decoder loads, with its provenance. */
public final class ModelExport {
    private ModelExport() {}

    public static void export(PianoGenieNet net, TrainingState state, Path out) throws IOException {
        export(net, state, out, false);
    }

    /**
     * @param latest the network holds the run's latest parameters (step {@code state.step()}), not its best by
     *               validation: its provenance then says so and carries no validation figures unless that step was the best
     */
    private static void export(PianoGenieNet net, TrainingState state, Path out, boolean latest) throws IOException {
        Map<String, String> p = new LinkedHashMap<>(state.model().provenance());
        TrainingConfig t = state.training();
        p.put("source", "trained with ./genie train");
        boolean best = !latest || state.step() == state.bestStep();
        p.put("step", Long.toString(latest ? state.step() : state.bestStep()));
        if (best) {
            p.put("validation_ce", String.format(Locale.ROOT, "%.5f", state.bestValidationCe()));
            p.put("validation_ppl", String.format(Locale.ROOT, "%.4f", Math.exp(state.bestValidationCe())));
            if (state.model().predictsVelocity()) {
                p.put("validation_velocity_ce", String.format(Locale.ROOT, "%.5f", state.bestValidationVelocityCe()));
            }
            p.remove("selected");
        } else {
            p.remove("validation_ce");
            p.remove("validation_ppl");
            p.put(
                    "selected",
                    String.format(
                            Locale.ROOT,
                            "the run's latest parameters (step %d), not its best by"
                                    + " validation (step %d, validation PPL %.4f)",
                            state.step(),
                            state.bestStep(),
                            Math.exp(state.bestValidationCe())));
        }
        p.put(
                "recipe",
                String.format(
                                Locale.ROOT,
                                "batch %d x %d, Adam lr %.3g, warm-up %d, schedule %s to %d steps (floor %.2f), clip-norm %.2g, "
                                        + "loss weights margin %.2g contour %.2g, seed %d",
                                t.batchSize(),
                                t.sequenceLength(),
                                t.learningRate(),
                                t.warmupSteps(),
                                t.schedule(),
                                t.steps(),
                                t.minLrFraction(),
                                t.clipNorm(),
                                t.marginWeight(),
                                t.contourWeight(),
                                t.seed())
                        + (t.freezeEncoder() && t.freezeDecoder()
                                ? ", encoder and decoder frozen (velocity output trained only)"
                                : t.freezeEncoder()
                                        ? ", encoder frozen (decoder trained only)"
                                        : t.freezeDecoder() ? ", decoder frozen" : "")
                        + (state.model().predictsVelocity()
                                ? String.format(
                                        Locale.ROOT,
                                        ", velocity output of %d units, loss weight %.2g%s",
                                        state.model().velocityUnits(),
                                        t.velocityWeight(),
                                        t.velocityMaeWeight() > 0
                                                ? String.format(
                                                        Locale.ROOT,
                                                        " (+ %.2g x its MAE in bins)",
                                                        t.velocityMaeWeight())
                                                : "")
                                : ""));
        p.put("training_hours", String.format(Locale.ROOT, "%.2f", state.elapsedSeconds() / 3600));
        p.put("exported", Instant.now().toString());
        ModelConfig config = state.model().withProvenance(p);
        ModelFiles.save(out, config, net.tensors(true));
    }

    /** Exports a run's best parameters ({@code best.bin}) without training. */
    public static TrainingState exportBest(Path runDir, Path out) throws IOException {
        return exportBest(runDir, out, null);
    }

    /** The same, under another name than the run's (null: the run's). */
    public static TrainingState exportBest(Path runDir, Path out, String name) throws IOException {
        return exportFrom(new RunFolder(runDir).best(), out, name, false);
    }

    /**
     * Exports a run's latest parameters ({@code checkpoint.bin}) without training: a stage of a recipe that ends on a
     * step count rather than on validation (e.g. a short encoder fine-tune before a decoder-only one).
     */
    public static TrainingState exportLatest(Path runDir, Path out, String name) throws IOException {
        return exportFrom(new RunFolder(runDir).checkpoint(), out, name, true);
    }

    private static TrainingState exportFrom(Path file, Path out, String name, boolean latest) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(
                    latest
                            ? "no " + RunFolder.CHECKPOINT + " in " + file.getParent()
                                    + ": --latest exports a run's latest parameters"
                                    + " from its checkpoint (a run kept in git keeps only " + RunFolder.BEST
                                    + ": export that without --latest)"
                            : "no " + RunFolder.BEST + " in " + file.getParent()
                                    + ": the run has not validated yet, or this is not a run folder");
        }
        CheckpointFile.Contents contents = CheckpointFile.read(file);
        TrainingState state = RunFolder.readHeader(contents.headerJson());
        if (name != null) {
            state = new TrainingState(
                    state.step(),
                    state.training(),
                    state.model().withName(name),
                    state.bestValidationCe(),
                    state.bestStep(),
                    state.elapsedSeconds(),
                    state.bestValidationVelocityCe());
        }
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            PianoGenieNet net = new PianoGenieNet(state.model());
            net.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, net.exampleInputShapes());
            net.load(contents.tensors());
            export(net, state, out, latest);
        }
        return state;
    }
}
