package dev.pianogenie.midi.sound;

import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * Reads an SF2 file, each sample starting at its first audible frame ({@link SampleStarts}). Anything but an
     * SF2 is refused, even what Java's synthesizer would take: it reads any audio file — a WAV, even a MIDI file,
     * rendered — as a one-instrument "soundbank", which plays but is not the piano the user asked for.
     */
    public static Soundbank load(Path sf2) throws MidiDeviceException {
        Path key = sf2.toAbsolutePath().normalize();
        synchronized (Soundfonts.class) {
            long modified = modified(key);
            if (key.equals(lastPath) && modified == lastModified && lastBank != null) {
                return lastBank; // live play and Export WAV share one loaded soundbank
            }
            Soundbank bank = loadChecked(sf2);
            lastPath = key;
            lastModified = modified;
            lastBank = bank;
            return bank;
        }
    }

    private static Path lastPath;
    private static long lastModified;
    private static Soundbank lastBank;

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    /** As {@link #load}, always reading the file. */
    static Soundbank loadChecked(Path sf2) throws MidiDeviceException {
        try {
            InputFile.checkRegular(sf2);
        } catch (FileAccessException e) {
            throw new MidiDeviceException("no soundfont at " + sf2 + ": " + e.reason(), e);
        }
        if (sf2.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf3")) {
            throw new MidiDeviceException(sf2 + " is an SF3 (compressed) soundfont; Java's synthesizer reads SF2 only");
        }
        byte[] head = new byte[12];
        int n;
        try (InputStream in = InputFile.open(sf2, Long.MAX_VALUE, "a soundfont")) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new MidiDeviceException(sf2 + " cannot be read: " + InputFile.reason(e), e);
        }
        if (n < head.length || !ascii(head, 0, 4).equals("RIFF") || !ascii(head, 8, 4).equals("sfbk")) {
            throw new MidiDeviceException(sf2 + " is not an SF2 soundfont" + lookalike(head, n)
                    + " (an SF2 file begins with RIFF....sfbk)");
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(sf2.toFile());
            if (bank.getInstruments().length == 0) { // a cut-short or damaged file: Gervill reads it, and plays silence
                throw new MidiDeviceException(sf2 + " holds no instrument (a damaged or cut-short SF2 file?)");
            }
            if (bank instanceof com.sun.media.sound.SF2Soundbank sf) {
                SampleStarts.trim(sf); // leading near-silence is latency
            }
            return bank;
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new MidiDeviceException(sf2 + " is not a soundfont Java's synthesizer can read: " + e.getMessage(), e);
        }
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.ISO_8859_1);
    }

    /** What a file that is not an SF2 seems to be, from its first bytes. */
    private static String lookalike(byte[] head, int n) {
        if (n == 0) {
            return ": the file is empty";
        }
        if (n >= 4 && ascii(head, 0, 4).equals("MThd")) {
            return ": it is a MIDI file";
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF")) {
            return ": it is a RIFF file of type '" + ascii(head, 8, 4).strip() + "'" + (ascii(head, 8, 4).equals("WAVE") ? " (a WAV file)" : "");
        }
        return "";
    }
}
