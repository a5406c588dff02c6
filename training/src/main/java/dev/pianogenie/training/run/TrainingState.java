package dev.pianogenie.training.run;

import dev.pianogenie.model.ModelConfig;

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
    public TrainingState(long step, TrainingConfig training, ModelConfig model, double bestValidationCe, long bestStep,
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
}
