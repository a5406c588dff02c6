package dev.pianogenie.training.run;

import dev.pianogenie.training.data.PerformanceSampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The recipe options given on a command line, merged with a recipe: the defaults of a new run, or a checkpoint's
 * recipe on resume — where an option that differs is refused unless the change is asked for.
 */
public final class Recipe {

    /** A recipe option: its name on the command line, its value in a recipe, and how a recipe takes a new value. */
    public record Knob<T>(
            String option, Function<TrainingConfig, T> inRecipe, BiConsumer<TrainingConfig.Builder, T> put) {}

    public static final Knob<Integer> BATCH =
            new Knob<>("--batch", TrainingConfig::batchSize, TrainingConfig.Builder::batchSize);
    public static final Knob<Long> SEED = new Knob<>("--seed", TrainingConfig::seed, TrainingConfig.Builder::seed);
    public static final Knob<Double> LR =
            new Knob<>("--lr", TrainingConfig::learningRate, TrainingConfig.Builder::learningRate);
    public static final Knob<Long> WARMUP =
            new Knob<>("--warmup", TrainingConfig::warmupSteps, TrainingConfig.Builder::warmupSteps);
    public static final Knob<TrainingConfig.Schedule> SCHEDULE =
            new Knob<>("--schedule", TrainingConfig::schedule, TrainingConfig.Builder::schedule);
    public static final Knob<Double> MIN_LR_FRACTION =
            new Knob<>("--min-lr-fraction", TrainingConfig::minLrFraction, TrainingConfig.Builder::minLrFraction);
    public static final Knob<Double> CLIP_NORM =
            new Knob<>("--clip-norm", TrainingConfig::clipNorm, TrainingConfig.Builder::clipNorm);
    public static final Knob<Double> MARGIN_WEIGHT =
            new Knob<>("--margin-weight", TrainingConfig::marginWeight, TrainingConfig.Builder::marginWeight);
    public static final Knob<Double> CONTOUR_WEIGHT =
            new Knob<>("--contour-weight", TrainingConfig::contourWeight, TrainingConfig.Builder::contourWeight);
    public static final Knob<Long> VALIDATE_EVERY =
            new Knob<>("--validate-every", TrainingConfig::validateEvery, TrainingConfig.Builder::validateEvery);
    public static final Knob<Long> CHECKPOINT_EVERY =
            new Knob<>("--checkpoint-every", TrainingConfig::checkpointEvery, TrainingConfig.Builder::checkpointEvery);
    public static final Knob<Integer> VALIDATION_WINDOWS = new Knob<>(
            "--validation-windows", TrainingConfig::validationWindows, TrainingConfig.Builder::validationWindows);
    public static final Knob<PerformanceSampling> SAMPLING =
            new Knob<>("--sampling", TrainingConfig::sampling, TrainingConfig.Builder::sampling);
    public static final Knob<Integer> SHARDS =
            new Knob<>("--shards", TrainingConfig::shards, TrainingConfig.Builder::shards);
    public static final Knob<Boolean> FREEZE_ENCODER =
            new Knob<>("--freeze-encoder", TrainingConfig::freezeEncoder, TrainingConfig.Builder::freezeEncoder);
    public static final Knob<Double> VELOCITY_WEIGHT =
            new Knob<>("--velocity-weight", TrainingConfig::velocityWeight, TrainingConfig.Builder::velocityWeight);
    public static final Knob<Boolean> FREEZE_DECODER =
            new Knob<>("--freeze-decoder", TrainingConfig::freezeDecoder, TrainingConfig.Builder::freezeDecoder);
    public static final Knob<Double> VELOCITY_MAE_WEIGHT = new Knob<>(
            "--velocity-mae-weight", TrainingConfig::velocityMaeWeight, TrainingConfig.Builder::velocityMaeWeight);

    /** Every recipe option, in the order their differences are said. */
    public static final List<Knob<?>> KNOBS = List.of(
            BATCH,
            SEED,
            LR,
            WARMUP,
            SCHEDULE,
            MIN_LR_FRACTION,
            CLIP_NORM,
            MARGIN_WEIGHT,
            CONTOUR_WEIGHT,
            VALIDATE_EVERY,
            CHECKPOINT_EVERY,
            VALIDATION_WINDOWS,
            SAMPLING,
            SHARDS,
            FREEZE_ENCODER,
            VELOCITY_WEIGHT,
            FREEZE_DECODER,
            VELOCITY_MAE_WEIGHT);

    /** A value given for a knob. */
    private record Given<T>(Knob<T> knob, T value) {
        void putInto(TrainingConfig.Builder b) {
            knob.put().accept(b, value);
        }
    }

    private final List<Given<?>> given = new ArrayList<>();
    private Long steps;

    /** The option was given on the command line with this value (options not given keep the recipe's). */
    public <T> Recipe given(Knob<T> knob, T value) {
        given.add(new Given<>(knob, Objects.requireNonNull(value)));
        return this;
    }

    /** --steps was given: the total the run trains to. */
    public Recipe steps(long total) {
        steps = total;
        return this;
    }

    /** Whether this option was given. */
    public boolean has(Knob<?> knob) {
        return given.stream().anyMatch(g -> g.knob() == knob);
    }

    /** A new run's recipe: {@code defaults} with every option given put in. */
    public TrainingConfig over(TrainingConfig defaults) {
        TrainingConfig.Builder b = defaults.toBuilder().steps(steps != null ? steps : defaults.steps());
        given.forEach(g -> g.putInto(b));
        return b.build();
    }

    /**
     * A resumed run's recipe: the options given again must agree with the checkpoint's {@code recipe} unless
     * {@code change} (--change-recipe); a change, and a new total, are said to {@code notes}.
     */
    public TrainingConfig resuming(TrainingConfig recipe, boolean change, Consumer<String> notes) {
        TrainingConfig asked = over(recipe);
        String diff = differences(recipe, asked);
        if (!diff.isEmpty() && !change) {
            throw new IllegalArgumentException(
                    "the run's recipe differs from the options given (" + diff
                            + "): a resume keeps its recipe — drop those options, or add --change-recipe to train on with them");
        }
        if (!diff.isEmpty()) {
            notes.accept("note: resuming with a changed recipe, as asked: " + diff);
        }
        if (asked.steps() != recipe.steps()) {
            notes.accept(String.format(
                    Locale.ROOT, "note: the run's total goes from %d to %d steps", recipe.steps(), asked.steps()));
        }
        return asked;
    }

    /** "batch 8 → 32, seed 1 → 0": what differs between two recipes. */
    public static String differences(TrainingConfig from, TrainingConfig to) {
        List<String> d = new ArrayList<>();
        for (Knob<?> k : KNOBS) {
            Object a = k.inRecipe().apply(from);
            Object b = k.inRecipe().apply(to);
            if (!Objects.equals(a, b)) {
                d.add(k.option().substring(2) + " " + show(a) + " → " + show(b));
            }
        }
        return String.join(", ", d);
    }

    /** A value as a person writes it: 3e-4, wsd, 32. */
    public static String show(Object v) {
        return v instanceof Double x
                ? plain(x)
                : v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(v);
    }

    /** 3e-4, 0.05, 2000: numbers as a person writes them. */
    public static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v).replace(".0E", "E").toLowerCase(Locale.ROOT);
    }
}
