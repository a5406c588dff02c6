package dev.pianogenie.app.input.mic;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.model.Keys;

/**
 * Turns a pitch track (one frame every few milliseconds: pitch or none, and level) into button presses: each
 * new stable pitch presses a button, silence or a change of pitch releases it. The singer's recent range is
 * split into 8 bands, so the contour you sing or whistle becomes the button contour, whatever your voice.
 * With {@code loudnessAsDynamics}, how loud each note is sung sets the dynamics of the note it plays: just before
 * its press, a change of dynamics from the note's mean level over its stable frames ({@link #level}: −50 dBFS, the
 * quietest that counts as singing, is pp; −10 dBFS ff), sent only when it differs from the last one sent by
 * {@link #LEVEL_STEP} or more (1.5 dB: a voice is never twice exactly as loud; smaller wobbles are not a new dynamic).
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
    private final boolean loudnessAsDynamics;
    private final int buttons;
    private double candidateLevelSum;
    private int lastDynamics = -1;
    /** The loudest level mapped (to ff): singing full voice into a laptop microphone reaches about this. */
    public static final double FF_LEVEL_DBFS = -10;
    /** The smallest change of level sent (3 of the 80 levels from pp to ff over 40 dB: 1.5 dB). */
    public static final int LEVEL_STEP = 3;

    /** The pitch contour only: presses and releases. */
    public SungContour(ButtonListener out) {
        this(out, false);
    }

    /** @param loudnessAsDynamics whether how loud a note is sung sets the dynamics of the note it plays */
    public SungContour(ButtonListener out, boolean loudnessAsDynamics) {
        this(out, loudnessAsDynamics, Keys.DEFAULT_BUTTONS);
    }

    /** @param buttons the model's button count: the sung range folds into that many */
    public SungContour(ButtonListener out, boolean loudnessAsDynamics, int buttons) {
        this.out = out;
        this.loudnessAsDynamics = loudnessAsDynamics;
        this.buttons = Keys.checkButtonCount(buttons);
    }

    /** The dynamics level (pp 32 … ff 112, linear in dB) of a note sung at {@code levelDbfs}. */
    public static int level(double levelDbfs) {
        double x = (levelDbfs - MIN_LEVEL_DBFS) / (FF_LEVEL_DBFS - MIN_LEVEL_DBFS);
        x = Math.max(0, Math.min(1, x));
        return (int) Math.round(32 + x * (112 - 32));
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
            candidateLevelSum += levelDbfs;
        } else {
            candidate = semis;
            candidateFrames = 1;
            candidateLevelSum = levelDbfs;
        }
        if (candidateFrames >= STABLE_FRAMES) {
            note = candidate;
            remember(note);
            button = bandOf(note);
            offFrames = 0;
            if (loudnessAsDynamics) {
                int level = level(candidateLevelSum / candidateFrames);
                if (lastDynamics < 0 || Math.abs(level - lastDynamics) >= LEVEL_STEP) {
                    lastDynamics = level;
                    out.onEvent(ButtonEvent.dynamics(level, nanos));
                }
            }
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
        int b = (int) Math.floor((semis - lo) / (hi - lo) * buttons);
        return Math.max(0, Math.min(buttons - 1, b));
    }
}
