package dev.pianogenie.app.input.mic;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.model.Keys;

/**
 * Turns a pitch track (one frame every few milliseconds: pitch or none, and level) into button presses: each
 * new stable pitch presses a button, silence or a change of pitch releases it. The singer's recent range is
 * split into 8 bands, so the contour you sing or whistle becomes the button contour, whatever your voice.
 */
public final class SungContour {
    /** Frames a pitch must hold (within half a semitone) to count as a note. */
    public static final int STABLE_FRAMES = 3;
    /** Frames of silence or of another pitch that end a note. */
    public static final int END_FRAMES = 3;
    public static final double CHANGE_SEMITONES = 0.8;
    public static final double MIN_PROBABILITY = 0.85;
    public static final double MIN_LEVEL_DBFS = -50;
    /** The range the bands cover is at least this wide, centred on the singer's recent notes. */
    public static final double MIN_RANGE_SEMITONES = 12;
    private static final int HISTORY = 24;

    private final ButtonListener out;
    private final double[] history = new double[HISTORY];
    private int historyCount;
    private double candidate = Double.NaN;
    private int candidateFrames;
    private double note = Double.NaN;
    private int offFrames;
    private int button = -1;

    public SungContour(ButtonListener out) {
        this.out = out;
    }

    /**
     * One analysis frame.
     *
     * @param pitchHz     the detected pitch, or ≤ 0 for none
     * @param probability the detector's confidence
     * @param levelDbfs   the frame's RMS level
     */
    public void frame(long nanos, double pitchHz, double probability, double levelDbfs) {
        boolean voiced = pitchHz > 0 && probability >= MIN_PROBABILITY && levelDbfs >= MIN_LEVEL_DBFS;
        double semis = voiced ? 69 + 12 * Math.log(pitchHz / 440.0) / Math.log(2) : Double.NaN;
        if (button >= 0) {
            boolean same = voiced && Math.abs(semis - note) < CHANGE_SEMITONES;
            offFrames = same ? 0 : offFrames + 1;
            if (!same && offFrames >= END_FRAMES) {
                out.onEvent(ButtonEvent.release(button, nanos));
                button = -1;
                note = Double.NaN;
                candidate = Double.NaN;
                candidateFrames = 0;
            }
            if (button >= 0) {
                return;
            }
        }
        if (!voiced) {
            candidate = Double.NaN;
            candidateFrames = 0;
            return;
        }
        if (!Double.isNaN(candidate) && Math.abs(semis - candidate) < 0.5) {
            candidateFrames++;
            candidate += (semis - candidate) / candidateFrames; // running mean smooths vibrato
        } else {
            candidate = semis;
            candidateFrames = 1;
        }
        if (candidateFrames >= STABLE_FRAMES) {
            note = candidate;
            remember(note);
            button = bandOf(note);
            offFrames = 0;
            out.onEvent(ButtonEvent.press(button, nanos));
        }
    }

    /** Silence: ends a note at once (e.g. the microphone stopped). */
    public void stop(long nanos) {
        if (button >= 0) {
            out.onEvent(ButtonEvent.release(button, nanos));
            button = -1;
        }
    }

    private void remember(double semis) {
        history[historyCount % HISTORY] = semis;
        historyCount++;
    }

    /** The band of a pitch within the singer's recent range (at least an octave wide). */
    int bandOf(double semis) {
        int n = Math.min(historyCount, HISTORY);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, history[i]);
            hi = Math.max(hi, history[i]);
        }
        if (hi - lo < MIN_RANGE_SEMITONES) {
            double centre = (hi + lo) / 2;
            lo = centre - MIN_RANGE_SEMITONES / 2;
            hi = centre + MIN_RANGE_SEMITONES / 2;
        }
        int b = (int) Math.floor((semis - lo) / (hi - lo) * Keys.NUM_BUTTONS);
        return Math.max(0, Math.min(Keys.NUM_BUTTONS - 1, b));
    }
}
