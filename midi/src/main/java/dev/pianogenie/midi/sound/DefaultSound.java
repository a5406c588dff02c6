package dev.pianogenie.midi.sound;

import com.sun.media.sound.SF2Soundbank;
import dev.pianogenie.midi.sound.piano.PianoCache;
import dev.pianogenie.midi.sound.piano.PianoSamples;
import dev.pianogenie.midi.sound.piano.PianoSoundbankBuilder;
import dev.pianogenie.midi.sound.piano.PianoUnavailableException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sound.midi.Soundbank;

/**
 * The built-in synth's default sound: the sampled concert grand (Salamander V3, built once into the cache by
 * {@link PianoCache}), else — with one line saying why and how to get the piano — Gervill's own General MIDI set.
 * One loaded soundbank for the whole process: live play, Export WAV and {@code render} share it (~250 MB).
 * The app says where the samples and the cache are ({@link #configure}); until the piano is ready (it builds in
 * the background in the window) the synth plays Gervill's set.
 */
public final class DefaultSound {
    public static final String PIANO = "sampled grand piano (Salamander V3)";
    public static final String CREDIT = "Salamander Grand Piano V3 by Alexander Holm, CC BY 3.0";
    /** How to get the piano when its samples are missing: said with the reason. */
    public static final String HOW_TO_GET = "install npm (Debian: apt-get install npm) and start ./genie again, which fetches"
            + " the samples; or pass -Dgenie.piano.samples=DIR (a folder of @audio-samples/piano-velocityN packages)";

    private static Path samples;
    private static Path cache;
    private static Soundbank bank;
    private static String unavailable = "the sampled piano was not set up (no samples folder given)";
    private static boolean tried;
    private static final java.util.List<Consumer<Soundbank>> WAITING = new java.util.ArrayList<>();

    private DefaultSound() {
    }

    /** Where the samples and the cache are; forgets any piano loaded from elsewhere. */
    public static synchronized void configure(Path samplesFolder, Path cacheDir) {
        samples = samplesFolder;
        cache = cacheDir;
        bank = null;
        tried = false;
        WAITING.clear();
        unavailable = "the sampled piano is not loaded yet";
    }

    /**
     * Loads the piano, building it first if the cache lacks it (progress told; ≤ a minute on 2 cores), once per
     * process; later calls return at once.
     *
     * @param say hears one-line notes (a damaged cache being rebuilt)
     * @return the piano, or empty with {@link #unavailable()} saying why
     */
    public static synchronized Optional<Soundbank> prepare(PianoSoundbankBuilder.Progress progress, Consumer<String> say) {
        if (tried) {
            return Optional.ofNullable(bank);
        }
        tried = true;
        try {
            return load(progress, say);
        } finally {
            if (bank == null) {
                WAITING.clear();
            }
        }
    }

    private static Optional<Soundbank> load(PianoSoundbankBuilder.Progress progress, Consumer<String> say) {
        if (samples == null) {
            unavailable = "the sampled piano was not set up (no samples folder given)";
            return Optional.empty();
        }
        try {
            PianoCache.Entry entry = PianoCache.ensure(PianoSamples.in(samples), cache, progress, say);
            Soundbank loaded = Soundfonts.loadChecked(entry.sf2());
            if (!(loaded instanceof SF2Soundbank sf2) || !PianoSoundbankBuilder.isOurs(sf2)) {
                throw new PianoUnavailableException(entry.sf2() + " is not a piano genie built");
            }
            bank = sf2;
            for (Consumer<Soundbank> w : WAITING) {
                w.accept(sf2);
            }
            WAITING.clear();
            return Optional.of(bank);
        } catch (PianoUnavailableException | MidiDeviceException e) {
            unavailable = e.getMessage();
            return Optional.empty();
        }
    }

    /**
     * Runs {@code then} with the piano when it is loaded — at once if it is, never if it will not be (or after
     * {@link #configure}).
     */
    public static synchronized void whenLoaded(Consumer<Soundbank> then) {
        if (bank != null) {
            then.accept(bank);
        } else if (!tried) {
            WAITING.add(then);
        }
    }

    /** The loaded piano, if {@link #prepare} has loaded it (never blocks). */
    public static synchronized Optional<Soundbank> loaded() {
        return Optional.ofNullable(bank);
    }

    /** Whether {@link #configure} has said where the samples are. */
    public static synchronized boolean configured() {
        return samples != null;
    }

    /** Whether {@link #prepare} has run (the piano is loaded, or will not be). */
    public static synchronized boolean settled() {
        return tried;
    }

    /** Why the piano is not playing, one line, with how to get it. */
    public static synchronized String unavailable() {
        return "playing Gervill's General MIDI set instead of the sampled piano: " + unavailable + "; to get the piano, " + HOW_TO_GET;
    }
}
