package dev.pianogenie.midi.sound;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;

/**
 * SF2 soundfonts: those found in the usual folders (Debian's {@code timgm6mb-soundfont} /
 * {@code fluid-soundfont-gm} install under {@code /usr/share/sounds/sf2}), offered to the player, and the one a
 * player chose. Unless one is chosen the built-in synth plays Gervill's own small General MIDI set (the quickest
 * onset, see {@link BuiltInSynth#loadSounds}). SF3 (compressed) files do not load in Gervill.
 */
public final class Soundfonts {
    /** Searched in this order. */
    public static final List<Path> SEARCH = List.of(
            Path.of("/usr/share/sounds/sf2"), Path.of("/usr/share/soundfonts"), Path.of("/usr/local/share/soundfonts"),
            Path.of(System.getProperty("user.home"), ".local/share/soundfonts"));

    private Soundfonts() {
    }

    /** Every .sf2 file in the search folders. */
    public static List<Path> found() {
        List<Path> all = new ArrayList<>();
        for (Path dir : SEARCH) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf2")).sorted().forEach(all::add);
            } catch (IOException ignored) {
                // an unreadable folder offers nothing
            }
        }
        return all;
    }

    /** Reads an SF2 file, each sample starting at its first audible frame ({@link SampleStarts}). */
    public static Soundbank load(Path sf2) throws MidiDeviceException {
        if (!Files.isRegularFile(sf2)) {
            throw new MidiDeviceException("no soundfont at " + sf2);
        }
        if (sf2.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf3")) {
            throw new MidiDeviceException(sf2 + " is an SF3 (compressed) soundfont; Java's synthesizer reads SF2 only");
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(sf2.toFile());
            if (bank instanceof com.sun.media.sound.SF2Soundbank sf) {
                SampleStarts.trim(sf); // leading near-silence is latency
            }
            return bank;
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new MidiDeviceException(sf2 + " is not a soundfont Java's synthesizer can read: " + e.getMessage(), e);
        }
    }
}
