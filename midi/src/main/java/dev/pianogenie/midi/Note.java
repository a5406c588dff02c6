package dev.pianogenie.midi;

/**
 * One played note. {@code pitch} is a MIDI note number (0..127; the piano's keys are 21..108),
 * times are seconds from the start of the performance.
 */
public record Note(int pitch, int velocity, double onsetSeconds, double releaseSeconds) {
    public Note {
        if (pitch < 0 || pitch > Midi.MAX_DATA) {
            throw new IllegalArgumentException("pitch must be a MIDI note number 0..127, was " + pitch);
        }
        if (!Midi.isVelocity(velocity)) {
            throw new IllegalArgumentException("velocity must be 1..127, was " + velocity);
        }
        if (!(onsetSeconds >= 0) || !(releaseSeconds >= onsetSeconds)) {
            throw new IllegalArgumentException(
                    "need 0 <= onset <= release, was onset " + onsetSeconds + " s, release " + releaseSeconds + " s");
        }
    }

    public double durationSeconds() {
        return releaseSeconds - onsetSeconds;
    }
}
