package dev.pianogenie.model;

/**
 * A range of the piano, lowest and highest MIDI pitch included (both on the piano, low ≤ high) — the "range"
 * half of a key list; {@link Keys#parseRange} reads it from note names such as {@code A1-C7}.
 */
public record PitchRange(int lowPitch, int highPitch) {
    /** The whole piano, A0–C8. */
    public static final PitchRange FULL = new PitchRange(Keys.LOWEST_PITCH, Keys.HIGHEST_PITCH);

    public PitchRange {
        if (!Keys.isOnPiano(lowPitch) || !Keys.isOnPiano(highPitch) || lowPitch > highPitch) {
            throw new IllegalArgumentException("a range must run upwards within the piano ("
                    + Keys.pitchName(Keys.LOWEST_PITCH) + "–" + Keys.pitchName(Keys.HIGHEST_PITCH) + "), was "
                    + Keys.pitchName(lowPitch) + "–" + Keys.pitchName(highPitch));
        }
    }

    /** As the command line writes it, e.g. {@code A1-C7}. */
    @Override
    public String toString() {
        return Keys.pitchName(lowPitch) + "-" + Keys.pitchName(highPitch);
    }
}
