package dev.pianogenie.midi.sound;

import com.sun.media.sound.SF2Soundbank;
import dev.pianogenie.midi.sound.piano.PianoCache;
import dev.pianogenie.midi.sound.piano.PianoSamples;
import dev.pianogenie.midi.sound.piano.PianoSoundbankBuilder;
import dev.pianogenie.midi.sound.piano.PianoUnavailableException;
import java.nio.file.Path;
import java.util.List;
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
    public static final String HOW_TO_GET =
            "install npm (Debian: apt-get install npm) and start ./genie again, which fetches"
                    + " the samples; or pass -Dgenie.piano.samples=DIR (a folder of @audio-samples/piano-velocityN packages)";

    private enum State {
        WAITING,
        LOADING,
        LOADED,
        FAILED
    }

    /** Guards the fields below; never held while the piano builds or loads, so a look never waits for that. */
    private static final Object LOCK = new Object();
    /** Held by the one caller that builds or loads; others wait on it in {@link #prepare} only. */
    private static final Object PREPARING = new Object();

    private static Path samples;
    private static Path cache;
    private static Soundbank bank;
    private static State state = State.WAITING;
    private static String unavailable = "the sampled piano was not set up (no samples folder given)";
    private static final java.util.List<Consumer<Soundbank>> LISTENERS = new java.util.ArrayList<>();

    private DefaultSound() {}

    /** Where the samples and the cache are; forgets any piano loaded from elsewhere. */
    public static void configure(Path samplesFolder, Path cacheDir) {
        synchronized (LOCK) {
            samples = samplesFolder;
            cache = cacheDir;
            bank = null;
            state = State.WAITING;
            LISTENERS.clear();
            unavailable = samplesFolder == null
                    ? "the sampled piano was not set up (no samples folder given)"
                    : "the sampled piano is not loaded yet";
        }
    }

    /**
     * Loads the piano, building it first if the cache lacks it (progress told; ≤ a minute on 2 cores), once per
     * process; a second caller waits for the first; later calls return at once.
     *
     * @param say hears one-line notes (a damaged cache being rebuilt)
     * @return the piano, or empty with {@link #unavailable()} saying why
     */
    public static Optional<Soundbank> prepare(PianoSoundbankBuilder.Progress progress, Consumer<String> say) {
        return prepare(progress, say, false);
    }

    /**
     * As {@link #prepare(PianoSoundbankBuilder.Progress, Consumer)}; {@code beside} a player (the window) a build
     * leaves one core to the real-time path (Java's thread priorities do nothing on Linux).
     */
    public static Optional<Soundbank> prepare(
            PianoSoundbankBuilder.Progress progress, Consumer<String> say, boolean beside) {
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = beside ? Math.max(1, cores - 1) : cores;
        synchronized (PREPARING) {
            Path from;
            Path to;
            synchronized (LOCK) {
                if (state == State.LOADED || state == State.FAILED) {
                    return Optional.ofNullable(bank);
                }
                state = State.LOADING;
                from = samples;
                to = cache;
            }
            Soundbank loaded = null;
            String why = null;
            if (from == null) {
                why = "the sampled piano was not set up (no samples folder given)";
            } else {
                try {
                    PianoCache.Entry entry = PianoCache.ensure(PianoSamples.in(from), to, progress, say, threads);
                    Soundbank sb = Soundfonts.loadChecked(entry.sf2());
                    if (!(sb instanceof SF2Soundbank sf2) || !PianoSoundbankBuilder.isOurs(sf2)) {
                        throw new PianoUnavailableException(entry.sf2() + " is not a soundbank genie built");
                    }
                    loaded = sf2;
                } catch (PianoUnavailableException | MidiDeviceException e) {
                    why = e.getMessage();
                }
            }
            List<Consumer<Soundbank>> tell;
            synchronized (LOCK) {
                bank = loaded;
                state = loaded != null ? State.LOADED : State.FAILED;
                if (why != null) {
                    unavailable = why;
                }
                tell = loaded != null ? List.copyOf(LISTENERS) : List.of();
                LISTENERS.clear();
            }
            for (Consumer<Soundbank> l : tell) {
                l.accept(loaded);
            }
            return Optional.ofNullable(loaded);
        }
    }

    /**
     * Runs {@code then} with the piano when it is loaded — at once if it is, later if it is still to come or being
     * built, never if it will not be (or after {@link #configure}).
     */
    public static void whenLoaded(Consumer<Soundbank> then) {
        Soundbank now;
        synchronized (LOCK) {
            if (state == State.WAITING || state == State.LOADING) {
                LISTENERS.add(then);
                return;
            }
            now = bank;
        }
        if (now != null) {
            then.accept(now);
        }
    }

    /** The loaded piano, if {@link #prepare} has loaded it (never waits for a build). */
    public static Optional<Soundbank> loaded() {
        synchronized (LOCK) {
            return Optional.ofNullable(bank);
        }
    }

    /** Whether {@link #configure} has said where the samples are. */
    public static boolean configured() {
        synchronized (LOCK) {
            return samples != null;
        }
    }

    /** Why the piano is not playing, one line, with how to get it. */
    public static String unavailable() {
        synchronized (LOCK) {
            return "playing Gervill's General MIDI set instead of the sampled piano: " + unavailable
                    + "; to get the piano, " + HOW_TO_GET;
        }
    }
}
