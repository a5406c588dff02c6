package dev.pianogenie.midi;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The name of a MIDI file a take is saved as, or named after (its session, its WAV): {@code .mid} or {@code .midi}, in
 * any case — the one place for that pattern. (What a dataset scan reads is wider: {@link MidiFolder#isMidi}.)
 */
public final class MidiFileName {
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.midi?$");

    private MidiFileName() {}

    /** Whether the name ends in .mid or .midi (any case). */
    public static boolean hasMidiExtension(String fileName) {
        return EXTENSION.matcher(fileName).find();
    }

    /** Whether the name is a MIDI file's: a stem, then .mid or .midi (any case). */
    public static boolean isMidiName(String fileName) {
        return hasMidiExtension(fileName) && !stem(fileName).isEmpty();
    }

    /** The name without its .mid or .midi ({@code take.MID} → {@code take}); other names unchanged. */
    public static String stem(String fileName) {
        return EXTENSION.matcher(fileName).replaceFirst("");
    }

    /** The file's name without its .mid or .midi. */
    public static String stem(Path file) {
        return stem(file.getFileName().toString());
    }
}
