package dev.pianogenie.training.run;

import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.training.eval.Scores;

/**
 * The checkpoint's header: where the run is, how it was configured, and its best validation score so far.
 *
 * @param step             batches done (the next batch index)
 * @param bestValidationCe the lowest validation reconstruction loss seen (nats/note), +∞ before the first
 * @param bestStep         the step where it was seen
 * @param elapsedSeconds   training wall time so far, across resumes
 * @param bestValidationVelocityCe the velocity output's validation cross-entropy at the best step (0 without one)
 */
public record TrainingState(
        long step,
        TrainingConfig training,
        ModelConfig model,
        double bestValidationCe,
        long bestStep,
        double elapsedSeconds,
        double bestValidationVelocityCe) {

    /** Without a velocity output. */
    public TrainingState(
            long step,
            TrainingConfig training,
            ModelConfig model,
            double bestValidationCe,
            long bestStep,
            double elapsedSeconds) {
        this(step, training, model, bestValidationCe, bestStep, elapsedSeconds, 0);
    }

    /** What selects the best model: the pitch ce, plus the weighted velocity ce for a network that learns velocity. */
    public static double selectionScore(TrainingConfig training, ModelConfig model, double ce, double velocityCe) {
        return model.predictsVelocity() ? ce + training.velocityWeight() * velocityCe : ce;
    }

    /** The best score so far. */
    public double bestSelectionScore() {
        return selectionScore(training, model, bestValidationCe, bestValidationVelocityCe);
    }

    /**
     * Whether {@code scores} make a new best model. Without validation windows there is nothing to select by: the
     * latest model is kept; a best kept so (NaN: never validated, e.g. before a resume on data with a validation
     * split) gives way to the first real score.
     */
    public boolean beatenBy(TrainingConfig config, Scores scores) {
        return scores.notes() == 0
                || Double.isNaN(bestSelectionScore())
                || selectionScore(config, model, scores.meanCrossEntropy(), velocityCe(scores)) < bestSelectionScore();
    }

    /** This state with {@code scores} recorded as the best, at this step, under {@code config}. */
    public TrainingState withBest(TrainingConfig config, Scores scores) {
        return new TrainingState(
                step,
                config,
                model,
                scores.notes() == 0 ? Double.NaN : scores.meanCrossEntropy(),
                step,
                elapsedSeconds,
                velocityCe(scores));
    }

    private static double velocityCe(Scores scores) {
        return scores.hasVelocity() ? scores.velocityCrossEntropy() : 0;
    }

    /** This state moved on to {@code step} under {@code config}, after {@code elapsed} seconds of training in all. */
    public TrainingState at(long step, TrainingConfig config, double elapsed) {
        return new TrainingState(step, config, model, bestValidationCe, bestStep, elapsed, bestValidationVelocityCe);
    }
}
