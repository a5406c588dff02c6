package dev.pianogenie.midi.sound;

import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.midi.sound.piano.PianoSoundbankBuilder;
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
 * player chose. Unless one is chosen the built-in synth plays its default sound ({@link DefaultSound}: the sampled
 * piano). SF3 (compressed) files do not load in Gervill: they are recognised by their content and refused.
 */
public final class Soundfonts {
    /** Searched in this order. */
    public static final List<Path> SEARCH = List.of(
            Path.of("/usr/share/sounds/sf2"),
            Path.of("/usr/share/soundfonts"),
            Path.of("/usr/local/share/soundfonts"),
            Path.of(System.getProperty("user.home"), ".local/share/soundfonts"));

    private Soundfonts() {}

    /**
     * Every .sf2 file in the search folders, each file once: Debian links {@code default-GM.sf2} to an installed
     * soundfont, which is then listed under its own name only.
     */
    public static List<Path> found() {
        List<Path> all = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path dir : SEARCH) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                // real files before links, so that a file keeps its own name
                files.filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".sf2"))
                        .sorted(java.util.Comparator.comparing((Path p) -> Files.isSymbolicLink(p))
                                .thenComparing(Path::toString))
                        .forEach(p -> {
                            if (seen.add(real(p))) {
                                all.add(p);
                            }
                        });
            } catch (IOException ignored) {
                // an unreadable folder offers nothing
            }
        }
        all.sort(java.util.Comparator.comparing(Path::toString));
        return all;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Whether two paths name one file. */
    public static boolean sameFile(Path a, Path b) {
        return real(a).equals(real(b));
    }

    /** A soundfont's name for a list: its file name without ".sf2", underscores as spaces, at most 20 characters. */
    public static String shortName(Path sf2) {
        String name = sf2.getFileName()
                .toString()
                .replaceFirst("(?i)\\.sf[23]$", "")
                .replace('_', ' ')
                .strip();
        return name.length() <= 20 ? name : name.substring(0, 19) + "\u2026";
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
        byte[] head = new byte[64];
        int n;
        try (InputStream in = InputFile.open(sf2, Long.MAX_VALUE, "a soundfont")) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new MidiDeviceException(sf2 + " cannot be read: " + InputFile.reason(e), e);
        }
        if (n < 12 || !ascii(head, 0, 4).equals("RIFF") || !ascii(head, 8, 4).equals("sfbk")) {
            throw new MidiDeviceException(
                    sf2 + " is not an SF2 soundfont" + lookalike(head, n) + " (an SF2 file begins with RIFF....sfbk)");
        }
        if (majorVersion(head, n) >= 3) {
            throw new MidiDeviceException(
                    sf2 + " is an SF3 (Ogg-compressed) soundfont, whatever its name; Java's synthesizer"
                            + " reads SF2 only (it would play silence): use the SF2 edition of it");
        }
        try {
            Soundbank bank = MidiSystem.getSoundbank(sf2.toFile());
            if (bank.getInstruments().length == 0) { // a cut-short or damaged file: Gervill reads it, and plays silence
                throw new MidiDeviceException(sf2 + " holds no instrument (a damaged or cut-short SF2 file?)");
            }
            if (bank instanceof com.sun.media.sound.SF2Soundbank sf && !PianoSoundbankBuilder.isOurs(sf)) {
                // leading near-silence is latency; ours start where they should, each stereo pair together
                SampleStarts.trim(sf);
            }
            return bank;
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new MidiDeviceException(
                    sf2 + " is not a soundfont Java's synthesizer can read: " + e.getMessage(), e);
        }
    }

    /**
     * The SoundFont version in the file's {@code ifil} chunk (the first of its INFO list): 2 for SF2, 3 for SF3,
     * whose samples are Ogg Vorbis; -1 if it is not where the format puts it.
     */
    static int majorVersion(byte[] head, int n) {
        for (int i = 12; i + 10 <= n; i++) {
            if (ascii(head, i, 4).equals("ifil")) {
                return (head[i + 8] & 0xFF) | (head[i + 9] & 0xFF) << 8;
            }
        }
        return -1;
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
            return ": it is a RIFF file of type '" + ascii(head, 8, 4).strip() + "'"
                    + (ascii(head, 8, 4).equals("WAVE") ? " (a WAV file)" : "");
        }
        return "";
    }
}
