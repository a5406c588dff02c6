package dev.pianogenie.training.data;

/**
 * One performance as the model sees it: MIDI pitches, onsets in seconds and velocities, sorted by (onset, pitch).
 * Compact (no objects per note) so a whole dataset fits in memory and in a small cache file.
 *
 * @param name the file's path relative to the dataset folder
 * @param velocities 1..127 each
 */
public record NoteSequence(String name, Split split, byte[] pitches, double[] onsets, byte[] velocities) {
    public NoteSequence {
        if (pitches.length != onsets.length || velocities.length != pitches.length) {
            throw new IllegalArgumentException(name + ": " + pitches.length + " pitches but " + onsets.length
                    + " onsets and " + velocities.length + " velocities");
        }
    }

    public int velocity(int i) {
        return velocities[i];
    }

    public int size() {
        return pitches.length;
    }

    public double seconds() {
        return onsets.length == 0 ? 0 : onsets[onsets.length - 1] - onsets[0];
    }

    public int pitch(int i) {
        return pitches[i];
    }
}
