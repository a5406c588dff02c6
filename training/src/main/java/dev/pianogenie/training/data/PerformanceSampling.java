package dev.pianogenie.training.data;

/**
 * How a batch row picks its performance: uniformly (the paper), or in proportion to its notes. Part of a run's
 * recipe; a checkpoint stores it by name.
 */
public enum PerformanceSampling {
    UNIFORM,
    BY_NOTES
}
