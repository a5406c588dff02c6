package dev.pianogenie.training.loop;

import dev.pianogenie.model.ModelConfig;

/**
 * The checkpoint's header: where the run is, how it was configured, and its best validation score so far.
 *
 * @param step             batches done (the next batch index)
 * @param bestValidationCe the lowest validation reconstruction loss seen (nats/note), +∞ before the first
 * @param bestStep         the step where it was seen
 * @param elapsedSeconds   training wall time so far, across resumes
 */
public record TrainingState(
        long step,
        TrainingConfig training,
        ModelConfig model,
        double bestValidationCe,
        long bestStep,
        double elapsedSeconds) {
}
