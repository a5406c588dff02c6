package dev.pianogenie.training.eval;

import dev.pianogenie.training.data.NoteBatch;

/**
 * Running validation scores over evaluated windows: mean cross-entropy (PPL = exp of it), top-1 accuracy and
 * the contour violation ratio (strict: consecutive notes whose key and button move in opposite directions).
 *
 * <p>For a decoder with a velocity output, also its mean absolute error in MIDI velocity (the played value, rounded
 * as MIDI plays it) and cross-entropy, beside two baselines on the very same notes with the same knowledge: the
 * previous note's velocity (the phrase-start value for a window's first note, as the model gets) and a constant
 * (the training set's mean velocity, when given).
 */
public final class Scores {
    private double crossEntropySum;
    private long notes;
    private long correct;
    private long pairs;
    private long violations;
    private long windows;
    private final long[] buttonCounts;
    private double gold = Double.NaN;
    private final double meanVelocity;
    private long velocityNotes;
    private double velocityErrorSum;
    private double velocityCrossEntropySum;
    private double previousErrorSum;
    private double meanErrorSum;

    /** Without a mean-velocity baseline. */
    public Scores(int numButtons) {
        this(numButtons, Double.NaN);
    }

    /**
     * @param numButtons   the encoder's button count (the histogram's length)
     * @param meanVelocity the training set's mean velocity, the constant baseline (NaN: none)
     */
    public Scores(int numButtons, double meanVelocity) {
        this.buttonCounts = new long[dev.pianogenie.model.Keys.checkButtonCount(numButtons)];
        this.meanVelocity = meanVelocity;
    }

    public void add(NetEvaluator.Evaluated ev) {
        NoteBatch b = ev.notes();
        int[] keys = b.keys();
        for (int w = 0; w < b.batch(); w++) {
            windows++;
            for (int t = 0; t < b.length(); t++) {
                int i = w * b.length() + t;
                if (ev.velocityPredicted() != null) {
                    int truth = b.velocities()[i];
                    velocityNotes++;
                    velocityErrorSum +=
                            Math.abs(dev.pianogenie.model.Velocities.toMidi(ev.velocityPredicted()[i]) - truth);
                    velocityCrossEntropySum += ev.velocityCrossEntropy()[i];
                    int previous = t == 0 ? dev.pianogenie.model.Velocities.PHRASE_START : b.velocities()[i - 1];
                    previousErrorSum += Math.abs(previous - truth);
                    meanErrorSum += Math.abs(meanVelocity - truth);
                }
                crossEntropySum += ev.crossEntropy()[i];
                notes++;
                buttonCounts[ev.buttons()[i]]++;
                if (ev.predicted()[i] == keys[i]) {
                    correct++;
                }
                if (t > 0) {
                    pairs++;
                    if ((long) (keys[i] - keys[i - 1]) * (ev.buttons()[i] - ev.buttons()[i - 1]) < 0) {
                        violations++;
                    }
                }
            }
        }
    }

    /** The constant baseline's velocity (NaN: none). */
    public double meanVelocity() {
        return meanVelocity;
    }

    /** Whether velocities were scored (a decoder with a velocity output). */
    public boolean hasVelocity() {
        return velocityNotes > 0;
    }

    /** Mean |predicted − true| velocity (NaN without a velocity output). */
    public double velocityMae() {
        return velocityNotes == 0 ? Double.NaN : velocityErrorSum / velocityNotes;
    }

    /** Mean velocity cross-entropy over the bins, nats (NaN without a velocity output). */
    public double velocityCrossEntropy() {
        return velocityNotes == 0 ? Double.NaN : velocityCrossEntropySum / velocityNotes;
    }

    /** The previous-note baseline's MAE on the same notes. */
    public double previousVelocityMae() {
        return velocityNotes == 0 ? Double.NaN : previousErrorSum / velocityNotes;
    }

    /** The training-mean baseline's MAE on the same notes (NaN without a mean). */
    public double meanVelocityMae() {
        return velocityNotes == 0 ? Double.NaN : meanErrorSum / velocityNotes;
    }

    public double meanCrossEntropy() {
        return crossEntropySum / Math.max(1, notes);
    }

    public double perplexity() {
        return Math.exp(meanCrossEntropy());
    }

    public double accuracy() {
        return (double) correct / Math.max(1, notes);
    }

    public double contourViolationRatio() {
        return (double) violations / Math.max(1, pairs);
    }

    /** How often the encoder chose each button. */
    public long[] buttonHistogram() {
        return buttonCounts.clone();
    }

    /** The paper's Gold of the encoder at this validation (1-based, as the paper), NaN when not measured. */
    public double gold() {
        return gold;
    }

    public void setGold(double gold) {
        this.gold = gold;
    }

    public long notes() {
        return notes;
    }

    public long windows() {
        return windows;
    }
}
