package dev.pianogenie.training.cli;

import static dev.pianogenie.training.run.Recipe.plain;

import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.training.run.TrainingConfig;
import picocli.CommandLine;

/** {@code genie train}'s defaults, in --help and for options not given: from TrainingConfig and ModelConfig, the one place for them. */
public final class TrainDefaults implements CommandLine.IDefaultValueProvider {
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
