package dev.pianogenie.training.run;

/** One training step's loss terms, as plain numbers (a row of the curve, a line of the progress). */
public record StepLosses(
        double total, double reconstruction, double margin, double contour, double gradNorm, double velocity) {
    /** Without a velocity output (its term NaN). */
    public StepLosses(double total, double reconstruction, double margin, double contour, double gradNorm) {
        this(total, reconstruction, margin, contour, gradNorm, Double.NaN);
    }
}
