package dev.pianogenie.training.run;

import dev.pianogenie.training.data.PerformanceSampling;

/**
 * Everything that decides a training run apart from the architecture ({@code ModelConfig}) and the data.
 * The defaults are the paper's: batch 32 × 128 notes, Adam 3e-4, no schedule, no clipping.
 *
 * @param warmupSteps   linear learning-rate warm-up from 0 (0 = none)
 * @param schedule      what the learning rate does after warm-up: constant; cosine decay over the rest of the
 *                      run; or warm-up–stable–decay (WSD: constant, then a linear decay over the last
 *                      {@link #WSD_DECAY_FRACTION} of the steps — the total can still be raised on resume
 *                      until the decay has begun)
 * @param minLrFraction where the decay ends, as a fraction of the learning rate
 * @param clipNorm      global gradient-norm clipping (0 = off)
 * @param sampling      how a batch row picks its performance
 * @param validationWindows how many validation windows (spread over the split) select the best model
 * @param shards        a batch's rows split this many ways, each shard on its own core and replica of the network,
 *                      gradients summed in shard order ({@code ShardedSteps}): the same loss, and a run is
 *                      deterministic for its shard count whatever the machine, so the count is part of the recipe
 * @param freezeEncoder train the decoder only: the encoder, and so which button each note gets, stays the starting
 *                      model's (a fine-tune that keeps the buttons a player knows; or a longer decoder run on buttons
 *                      chosen for how they play). No gradient flows into the encoder, so a step costs less
 * @param velocityWeight weight of the velocity output's cross-entropy in the loss (a network with a velocity output);
 *                      model selection then uses pitch ce + velocityWeight · velocity ce
 * @param velocityMaeWeight weight of the velocity output's absolute error (of its expectation, in bins) in the loss:
 *                      pulls the played value towards what {@code velocity_mae} scores (0: cross-entropy only)
 * @param freezeDecoder also keep the decoder (input layer, LSTM, key output) as the starting model's: only the velocity
 *                      output learns — over a shipped model, whose pitch figures then stay exactly as they were
 */
public record TrainingConfig(
        long steps,
        int batchSize,
        int sequenceLength,
        double learningRate,
        long warmupSteps,
        Schedule schedule,
        double minLrFraction,
        double clipNorm,
        double marginWeight,
        double contourWeight,
        long seed,
        long validateEvery,
        long checkpointEvery,
        PerformanceSampling sampling,
        int validationWindows,
        int shards,
        boolean freezeEncoder,
        double velocityWeight,
        boolean freezeDecoder,
        double velocityMaeWeight) {

    public enum Schedule {
        CONSTANT,
        COSINE,
        WSD
    }

    public static final int DEFAULT_VALIDATION_WINDOWS = 2048;

    /** The velocity output's loss weight unless told otherwise (only a network with one uses it). */
    public static final double DEFAULT_VELOCITY_WEIGHT = 1.0;

    public static final double WSD_DECAY_FRACTION = 0.2;

    public static final int SEQUENCE_LENGTH = 128;

    /** At most this many shards (beyond it a shard's few rows leave each core little to do). */
    public static final int MAX_SHARDS = 8;

    /** What {@code genie train} does unless told otherwise: the paper's recipe, 50,000 steps. */
    public static final TrainingConfig DEFAULTS = paper(50_000);

    /**
     * What {@code genie train --init MODEL} does unless told otherwise: a trained model moved towards a few files,
     * gently — a third of the learning rate, warmed up over 100 steps (fresh Adam moments), 2,000 steps,
     * validated every 200 so the best point (the starting model included) is kept.
     */
    public static final TrainingConfig FINE_TUNE = paper(2_000).toBuilder()
            .learningRate(1e-4)
            .warmupSteps(100)
            .validateEvery(200)
            .checkpointEvery(100)
            .build();

    public TrainingConfig {
        // checkpoints written before these two were recorded had the defaults
        sampling = sampling == null ? PerformanceSampling.UNIFORM : sampling;
        validationWindows = validationWindows == 0 ? DEFAULT_VALIDATION_WINDOWS : validationWindows;
        shards = shards == 0 ? 1 : shards; // runs recorded before sharding computed the batch whole
        require(steps > 0, "steps must be > 0");
        require(batchSize > 0 && batchSize <= 4096, "batch size must be 1..4096");
        require(sequenceLength >= 2, "sequence length must be >= 2");
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1)");
        require(warmupSteps >= 0, "warm-up steps must be >= 0");
        require(minLrFraction >= 0 && minLrFraction <= 1, "min-lr fraction must be in [0, 1]");
        require(clipNorm >= 0, "clip norm must be >= 0");
        require(
                marginWeight >= 0 && contourWeight >= 0 && velocityWeight >= 0 && velocityMaeWeight >= 0,
                "loss weights must be >= 0");
        require(validateEvery > 0 && checkpointEvery > 0, "validation and checkpoint intervals must be > 0");
        require(validationWindows > 0, "validation windows must be > 0");
        require(
                shards >= 1 && shards <= Math.min(MAX_SHARDS, batchSize),
                "shards must be 1.." + MAX_SHARDS + " and at most the batch size");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's recipe run for {@code steps}; every other recipe is this one changed through {@link #toBuilder()}. */
    public static TrainingConfig paper(long steps) {
        return new TrainingConfig(
                steps,
                32,
                SEQUENCE_LENGTH,
                3e-4,
                0,
                Schedule.CONSTANT,
                0.05,
                0,
                1,
                1,
                0,
                1000,
                250,
                PerformanceSampling.UNIFORM,
                DEFAULT_VALIDATION_WINDOWS,
                1,
                false,
                DEFAULT_VELOCITY_WEIGHT,
                false,
                0);
    }

    /** The same recipe run to another total (raising the total on resume). */
    public TrainingConfig withSteps(long newSteps) {
        return toBuilder().steps(newSteps).build();
    }

    /** The same recipe split into another number of shards. */
    public TrainingConfig withShards(int newShards) {
        return toBuilder().shards(newShards).build();
    }

    /** The same recipe training the decoder only ({@code true}) or the whole network. */
    public TrainingConfig withFreezeEncoder(boolean freeze) {
        return toBuilder().freezeEncoder(freeze).build();
    }

    /** The same recipe with another velocity loss weight and decoder freeze. */
    public TrainingConfig withVelocity(double weight, boolean freezeTheDecoder) {
        return toBuilder()
                .velocityWeight(weight)
                .freezeDecoder(freezeTheDecoder)
                .build();
    }

    /** The same recipe with another weight of the velocity MAE term. */
    public TrainingConfig withVelocityMaeWeight(double weight) {
        return toBuilder().velocityMaeWeight(weight).build();
    }

    /** A builder starting from this recipe: the typed way to change some of its fields (e.g. the options given). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A recipe under construction; {@link #build()} checks it as the record does. */
    public static final class Builder {
        private long steps;
        private int batchSize;
        private int sequenceLength;
        private double learningRate;
        private long warmupSteps;
        private Schedule schedule;
        private double minLrFraction;
        private double clipNorm;
        private double marginWeight;
        private double contourWeight;
        private long seed;
        private long validateEvery;
        private long checkpointEvery;
        private PerformanceSampling sampling;
        private int validationWindows;
        private int shards;
        private boolean freezeEncoder;
        private double velocityWeight;
        private boolean freezeDecoder;
        private double velocityMaeWeight;

        private Builder(TrainingConfig c) {
            steps = c.steps();
            batchSize = c.batchSize();
            sequenceLength = c.sequenceLength();
            learningRate = c.learningRate();
            warmupSteps = c.warmupSteps();
            schedule = c.schedule();
            minLrFraction = c.minLrFraction();
            clipNorm = c.clipNorm();
            marginWeight = c.marginWeight();
            contourWeight = c.contourWeight();
            seed = c.seed();
            validateEvery = c.validateEvery();
            checkpointEvery = c.checkpointEvery();
            sampling = c.sampling();
            validationWindows = c.validationWindows();
            shards = c.shards();
            freezeEncoder = c.freezeEncoder();
            velocityWeight = c.velocityWeight();
            freezeDecoder = c.freezeDecoder();
            velocityMaeWeight = c.velocityMaeWeight();
        }

        public Builder steps(long v) {
            steps = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder sequenceLength(int v) {
            sequenceLength = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder warmupSteps(long v) {
            warmupSteps = v;
            return this;
        }

        public Builder schedule(Schedule v) {
            schedule = v;
            return this;
        }

        public Builder minLrFraction(double v) {
            minLrFraction = v;
            return this;
        }

        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        public Builder marginWeight(double v) {
            marginWeight = v;
            return this;
        }

        public Builder contourWeight(double v) {
            contourWeight = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder validateEvery(long v) {
            validateEvery = v;
            return this;
        }

        public Builder checkpointEvery(long v) {
            checkpointEvery = v;
            return this;
        }

        public Builder sampling(PerformanceSampling v) {
            sampling = v;
            return this;
        }

        public Builder validationWindows(int v) {
            validationWindows = v;
            return this;
        }

        public Builder shards(int v) {
            shards = v;
            return this;
        }

        public Builder freezeEncoder(boolean v) {
            freezeEncoder = v;
            return this;
        }

        public Builder velocityWeight(double v) {
            velocityWeight = v;
            return this;
        }

        public Builder freezeDecoder(boolean v) {
            freezeDecoder = v;
            return this;
        }

        public Builder velocityMaeWeight(double v) {
            velocityMaeWeight = v;
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(
                    steps,
                    batchSize,
                    sequenceLength,
                    learningRate,
                    warmupSteps,
                    schedule,
                    minLrFraction,
                    clipNorm,
                    marginWeight,
                    contourWeight,
                    seed,
                    validateEvery,
                    checkpointEvery,
                    sampling,
                    validationWindows,
                    shards,
                    freezeEncoder,
                    velocityWeight,
                    freezeDecoder,
                    velocityMaeWeight);
        }
    }

    /** The shards a new run uses by default: one per core, at most {@link #MAX_SHARDS} and at most the batch. */
    public static int defaultShards(int cores, int batchSize) {
        return Math.max(1, Math.min(Math.min(cores, MAX_SHARDS), batchSize));
    }

    /** The learning rate for a 0-based step. */
    public double learningRateAt(long step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        if (schedule == Schedule.CONSTANT) {
            return learningRate;
        }
        if (schedule == Schedule.WSD) {
            long decayStart = steps - (long) (WSD_DECAY_FRACTION * steps);
            if (step < decayStart) {
                return learningRate;
            }
            double progress = Math.min(1.0, (double) (step - decayStart) / Math.max(1, steps - decayStart));
            return learningRate * (1 - (1 - minLrFraction) * progress);
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, steps - warmupSteps));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return learningRate * (minLrFraction + (1 - minLrFraction) * cosine);
    }
}
