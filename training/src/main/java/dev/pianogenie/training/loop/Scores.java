package dev.pianogenie.training.loop;

/**
 * Running validation scores over evaluated windows: mean cross-entropy (PPL = exp of it), top-1 accuracy and
 * the contour violation ratio (strict: consecutive notes whose key and button move in opposite directions).
 */
public final class Scores {
    private double crossEntropySum;
    private long notes;
    private long correct;
    private long pairs;
    private long violations;
    private long windows;
    private final long[] buttonCounts = new long[dev.pianogenie.model.Keys.NUM_BUTTONS];
    private double gold = Double.NaN;

    public void add(NetEvaluator.Evaluated ev) {
        NoteBatch b = ev.notes();
        int[] keys = b.keys();
        for (int w = 0; w < b.batch(); w++) {
            windows++;
            for (int t = 0; t < b.length(); t++) {
                int i = w * b.length() + t;
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
