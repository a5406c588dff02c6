package dev.pianogenie.training.cli;

import static dev.pianogenie.training.run.Recipe.plain;

import dev.pianogenie.training.data.PerformanceSampling;
import dev.pianogenie.training.run.Recipe;
import dev.pianogenie.training.run.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** {@code genie train}'s recipe options (what decides a run apart from the network and the data); see {@link Recipe}. */
final class RecipeOptions {
    /** More steps than anyone means (at 5 steps/s, 230 days). */
    static final long MAX_STEPS = 100_000_000L;

    @Option(
            names = "--steps",
            description = "total training steps (default: ${DEFAULT-VALUE}; with --init: its own;"
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

    @Option(
            names = "--schedule",
            description = "after warm-up: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE});"
                    + " wsd = constant, then a linear decay over the last ${sys:genie.train.wsd-decay} of the steps")
    TrainingConfig.Schedule schedule;

    @Option(
            names = "--min-lr-fraction",
            description = "where cosine or wsd decay ends, as a fraction of --lr" + " (default: ${DEFAULT-VALUE})")
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

    @Option(
            names = "--validation-windows",
            description = "validation windows used for model selection, spread over"
                    + " the split (default: ${DEFAULT-VALUE})")
    int validationWindows;

    @Option(
            names = "--sampling",
            description = "how crops pick a performance: ${COMPLETION-CANDIDATES}"
                    + " (uniform = the paper's; default: ${DEFAULT-VALUE})")
    PerformanceSampling sampling;

    @Option(
            names = "--shards",
            description = "split each batch this many ways, each part on its own core (data-parallel:"
                    + " the same loss; a run is repeatable for its shard count, which is part of its recipe); 0 = one per engine"
                    + " thread, at most " + TrainingConfig.MAX_SHARDS + " (default: ${DEFAULT-VALUE})")
    int shards;

    @Option(
            names = "--freeze-encoder",
            arity = "0..1",
            fallbackValue = "true",
            description = "train the decoder only: the encoder, and so which button each note"
                    + " gets, stays the --init model's (keeps the buttons a player knows; a step costs less)")
    boolean freezeEncoder;

    @Option(
            names = "--freeze-decoder",
            arity = "0..1",
            fallbackValue = "true",
            description = "with --freeze-encoder: train"
                    + " the velocity output only, over the --init model's encoder and decoder (its pitch figures stay exactly"
                    + " as they were; a step costs little more than the forward pass)")
    boolean freezeDecoder;

    @Option(
            names = "--velocity-weight",
            description = "weight of the velocity output's loss (default: ${DEFAULT-VALUE})")
    double velocityWeight;

    @Option(
            names = "--velocity-mae-weight",
            description = "weight of the velocity output's absolute error (its"
                    + " expectation's, in bins of 4) beside its cross-entropy (default: ${DEFAULT-VALUE})")
    double velocityMaeWeight;

    /** The options given on the command line ({@code given} says which), typed, for {@link Recipe} to merge. */
    Recipe recipe(Predicate<String> given) {
        Recipe r = new Recipe();
        if (given.test("--steps")) {
            r.steps(steps);
        }
        put(r, given, Recipe.BATCH, batch);
        put(r, given, Recipe.SEED, seed);
        put(r, given, Recipe.LR, lr);
        put(r, given, Recipe.WARMUP, warmup);
        put(r, given, Recipe.SCHEDULE, schedule);
        put(r, given, Recipe.MIN_LR_FRACTION, minLrFraction);
        put(r, given, Recipe.CLIP_NORM, clipNorm);
        put(r, given, Recipe.MARGIN_WEIGHT, marginWeight);
        put(r, given, Recipe.CONTOUR_WEIGHT, contourWeight);
        put(r, given, Recipe.VALIDATE_EVERY, validateEvery);
        put(r, given, Recipe.CHECKPOINT_EVERY, checkpointEvery);
        put(r, given, Recipe.VALIDATION_WINDOWS, validationWindows);
        put(r, given, Recipe.SAMPLING, sampling);
        put(r, given, Recipe.SHARDS, shards);
        put(r, given, Recipe.FREEZE_ENCODER, freezeEncoder);
        put(r, given, Recipe.VELOCITY_WEIGHT, velocityWeight);
        put(r, given, Recipe.FREEZE_DECODER, freezeDecoder);
        put(r, given, Recipe.VELOCITY_MAE_WEIGHT, velocityMaeWeight);
        return r;
    }

    private static <T> void put(Recipe r, Predicate<String> given, Recipe.Knob<T> knob, T value) {
        if (given.test(knob.option())) {
            r.given(knob, value);
        }
    }

    /** Checks what picocli's types cannot: ranges, with the option's name. */
    void check(Predicate<String> given) {
        if (given.test("--steps")) {
            CliChecks.positive("--steps", steps);
            if (steps > MAX_STEPS) { // a typo's extra digits: years of training, and an ETA in days
                throw new IllegalArgumentException(
                        "--steps must be at most " + MAX_STEPS + " (the default model took 40000), was " + steps);
            }
        }
        CliChecks.batch(batch);
        if (!(lr > 0 && lr < 1)) {
            throw new IllegalArgumentException("--lr must be between 0 and 1 (exclusive), was " + plain(lr));
        }
        CliChecks.atLeast("--warmup", warmup, 0);
        if (!(minLrFraction >= 0 && minLrFraction <= 1)) {
            throw new IllegalArgumentException(
                    "--min-lr-fraction must be between 0 and 1, was " + plain(minLrFraction));
        }
        for (var w : List.of(
                Map.entry("--clip-norm", clipNorm),
                Map.entry("--margin-weight", marginWeight),
                Map.entry("--contour-weight", contourWeight),
                Map.entry("--velocity-weight", velocityWeight),
                Map.entry("--velocity-mae-weight", velocityMaeWeight))) {
            if (!(w.getValue() >= 0)) {
                throw new IllegalArgumentException(w.getKey() + " must be 0 or more, was " + plain(w.getValue()));
            }
        }
        CliChecks.positive("--validate-every", validateEvery);
        CliChecks.positive("--checkpoint-every", checkpointEvery);
        CliChecks.positive("--validation-windows", validationWindows);
    }
}
