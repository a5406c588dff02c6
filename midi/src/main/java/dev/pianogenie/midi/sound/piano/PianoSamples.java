package dev.pianogenie.midi.sound.piano;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Salamander Grand Piano V3 samples as the npm packages {@code @audio-samples/piano-velocityN} lay them out:
 * a folder holding {@code piano-velocityN/audio/<note>vN.ogg}, one package per velocity layer (1 softest .. 16
 * loudest), 30 notes a layer, one every 3 semitones from A0 to C8.
 *
 * @param folder the folder holding the {@code piano-velocityN} packages
 * @param layers the layers found, softest first
 */
public record PianoSamples(Path folder, List<Layer> layers) {
    /** The loudest layer number of the set: the top of the velocity scale. */
    public static final int LOUDEST = 16;

    private static final Pattern PACKAGE = Pattern.compile("piano-velocity(\\d+)");
    private static final Pattern FILE = Pattern.compile("([A-G])(#?)(-?\\d)v(\\d+)\\.ogg");

    /** One velocity layer: its number (1..16 in Salamander's numbering) and its samples, lowest key first. */
    public record Layer(int number, List<Sample> samples) {}

    /** One sample file and the MIDI key it was recorded at. */
    public record Sample(Path file, int key) {}

    /**
     * The layers in {@code folder}.
     *
     * @throws PianoUnavailableException if there is no such folder or no complete layer in it
     */
    public static PianoSamples in(Path folder) throws PianoUnavailableException {
        if (!Files.isDirectory(folder)) {
            throw new PianoUnavailableException("the piano samples are not installed (no folder " + folder + ")");
        }
        List<Layer> layers = new ArrayList<>();
        try (Stream<Path> packages = Files.list(folder)) {
            for (Path p : packages.sorted().toList()) {
                Matcher m = PACKAGE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p.resolve("audio"))) {
                    List<Sample> samples = samples(p.resolve("audio"));
                    if (!samples.isEmpty()) {
                        layers.add(new Layer(Integer.parseInt(m.group(1)), samples));
                    }
                }
            }
        } catch (IOException e) {
            throw new PianoUnavailableException(
                    "the piano samples in " + folder + " cannot be read: " + e.getMessage());
        }
        if (layers.isEmpty()) {
            throw new PianoUnavailableException("no piano-velocityN sample package in " + folder);
        }
        layers.sort(Comparator.comparingInt(Layer::number));
        return new PianoSamples(folder, List.copyOf(layers));
    }

    private static List<Sample> samples(Path audio) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(audio)) {
            for (Path f : files.toList()) {
                Matcher m = FILE.matcher(f.getFileName().toString());
                if (m.matches()) {
                    samples.add(new Sample(f, key(m.group(1), !m.group(2).isEmpty(), Integer.parseInt(m.group(3)))));
                }
            }
        }
        samples.sort(Comparator.comparingInt(Sample::key));
        return List.copyOf(samples);
    }

    /** The MIDI key of a note name: C4 = 60, A0 = 21. */
    static int key(String letter, boolean sharp, int octave) {
        int semitone =
                switch (letter.toUpperCase(Locale.ROOT)) {
                    case "C" -> 0;
                    case "D" -> 2;
                    case "E" -> 4;
                    case "F" -> 5;
                    case "G" -> 7;
                    case "A" -> 9;
                    case "B" -> 11;
                    default -> throw new IllegalArgumentException("not a note letter: " + letter);
                };
        return 12 * (octave + 1) + semitone + (sharp ? 1 : 0);
    }
}
