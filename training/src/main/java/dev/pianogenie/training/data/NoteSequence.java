package dev.pianogenie.training.data;

/**
 * One performance as the model sees it: MIDI pitches and onsets in seconds, sorted by (onset, pitch).
 * Compact (no objects per note) so a whole dataset fits in memory and in a small cache file.
 *
 * @param name the file's path relative to the dataset folder
 */
public record NoteSequence(String name, Split split, byte[] pitches, double[] onsets) {
    public NoteSequence {
        if (pitches.length != onsets.length) {
            throw new IllegalArgumentException(name + ": " + pitches.length + " pitches but " + onsets.length + " onsets");
        }
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
