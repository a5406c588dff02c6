package dev.pianogenie.app.perform;

import java.util.Locale;

/**
 * The player's dynamics: how loud the genie plays, as a level 1..127 on the MIDI velocity scale, with the
 * musician's marks pp, p, mp, mf, f, ff at the velocities sequencers give them (32 … 112). One place for the
 * marks, their parsing, and how a level shapes a velocity.
 *
 * <p>The shaping is a gain: {@code velocity × level / mf}. At mf (80, the old default velocity) the genie plays
 * what it would anyway — the model's predicted velocity, or 80 for a model without a velocity output — so a
 * player who never touches the dynamics hears no change. Why a gain rather than a shift: General MIDI synths
 * (Gervill, most soundfonts) map velocity to amplitude as (v/127)², so multiplying every velocity by one factor
 * is one change of loudness in dB for every note — the model's accents and phrasing keep their shape at every
 * dynamic, a pp is the same phrase played softly. A shift (v + c) would instead flatten the accents when loud
 * and exaggerate them when soft. Only at the top, where 127 is the end of the scale, does ff clip the loudest
 * accents.
 */
public final class Dynamics {
    /** The marks, softest first, and their levels. */
    public static final String[] MARKS = {"pp", "p", "mp", "mf", "f", "ff"};

    public static final int[] LEVELS = {32, 48, 64, 80, 96, 112};
    public static final int PP = 32;
    public static final int FF = 112;
    /** mezzo-forte: the level at which velocities are played as they are. */
    public static final int MF = 80;

    public static final String HELP = "pp, p, mp, mf, f, ff or 1..127";

    private Dynamics() {}

    /**
     * The velocity a note is played at: {@code base} (the model's prediction, or the fixed velocity of a model
     * without one) at dynamics {@code level}. No allocation: it runs on the press path.
     */
    public static int shape(int base, int level) {
        int v = (base * level + MF / 2) / MF;
        return Math.max(1, Math.min(127, v));
    }

    /**
     * A level from the command line or a file: a mark ({@code pp} … {@code ff}) or a number 1..127.
     *
     * @throws IllegalArgumentException one line saying what is accepted
     */
    public static int parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < MARKS.length; i++) {
            if (MARKS[i].equals(s)) {
                return LEVELS[i];
            }
        }
        try {
            int v = Integer.parseInt(s);
            check(v);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--dynamics must be " + HELP + ", was '" + text + "'");
        }
    }

    /** Refuses a level outside 1..127. */
    public static int check(int level) {
        if (level < 1 || level > 127) {
            throw new IllegalArgumentException("--dynamics must be " + HELP + ", was " + level);
        }
        return level;
    }

    /** The nearest mark, for showing a level ("mf"; 88 → "mf"). */
    public static String mark(int level) {
        int best = 0;
        for (int i = 1; i < LEVELS.length; i++) {
            if (Math.abs(LEVELS[i] - level) < Math.abs(LEVELS[best] - level)) {
                best = i;
            }
        }
        return MARKS[best];
    }

    /** The next mark's level up ({@code +1}) or down ({@code -1}) from {@code level} (the window's ← / → keys). */
    public static int step(int level, int direction) {
        if (direction > 0) {
            for (int l : LEVELS) {
                if (l > level) {
                    return l;
                }
            }
            return Math.max(level, LEVELS[LEVELS.length - 1]);
        }
        for (int i = LEVELS.length - 1; i >= 0; i--) {
            if (LEVELS[i] < level) {
                return LEVELS[i];
            }
        }
        return Math.min(level, LEVELS[0]);
    }

    /** How a level is shown: "mf 80". */
    public static String describe(int level) {
        return mark(level) + " " + level;
    }
}
