package dev.pianogenie.app.live;

import dev.pianogenie.files.Caches;
import dev.pianogenie.midi.sound.DefaultSound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the app's default sound, the sampled piano ({@link DefaultSound}), comes from: its samples — the npm
 * packages {@code @audio-samples/piano-velocityN}, which {@code ./genie} installs into {@code target/sounds} and
 * the installed package ships under {@code sounds/} — and its built soundbank, kept in the user's cache folder
 * ({@code piano/} under {@link Caches#root()}). {@code -Dgenie.piano.samples=DIR} points elsewhere.
 */
public final class PianoSound {
    public static final String SAMPLES_PROPERTY = "genie.piano.samples";

    private PianoSound() {}

    /** The samples folder this installation has (the first of the candidates that exists, else the first). */
    public static Path samplesFolder() {
        String configured = System.getProperty(SAMPLES_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path home = Path.of(System.getProperty("genie.home", ".")).toAbsolutePath();
        List<Path> candidates = List.of(
                home.resolve("target/sounds/node_modules/@audio-samples"), // ./genie
                home.resolve("sounds/@audio-samples")); // the installed package
        return candidates.stream().filter(Files::isDirectory).findFirst().orElse(candidates.get(0));
    }

    /** Tells {@link DefaultSound} where everything is; cheap (nothing is read). */
    public static void configure() {
        DefaultSound.configure(samplesFolder(), Caches.dir("piano"));
    }

    /**
     * Loads the piano now (building it first, with progress on stderr, if the cache lacks it); if it cannot be had,
     * says why and how to get it in one line on stderr. For the command line: render, headless play, benches.
     */
    public static Optional<String> prepareHere() {
        long t0 = System.nanoTime();
        boolean[] building = {false};
        int[] lastTenth = {-1};
        boolean ok = DefaultSound.prepare(
                        (done, total) -> {
                            synchronized (lastTenth) {
                                if (!building[0]) {
                                    building[0] = true;
                                    System.err.println("genie: building the sampled piano from " + total
                                            + " samples (once; it is kept in " + Caches.dir("piano") + ")");
                                }
                                int tenth = 10 * done / total;
                                if (tenth > lastTenth[0]) {
                                    lastTenth[0] = tenth;
                                    System.err.printf(
                                            java.util.Locale.ROOT,
                                            "genie: piano %d%% (%d/%d samples, %.0f s)%n",
                                            100 * done / total,
                                            done,
                                            total,
                                            (System.nanoTime() - t0) / 1e9);
                                }
                            }
                        },
                        line -> System.err.println("genie: " + line))
                .isPresent();
        if (!ok) {
            System.err.println("genie: " + DefaultSound.unavailable());
            return Optional.of(DefaultSound.unavailable());
        }
        return Optional.empty();
    }

    /**
     * Loads the piano on a background thread (the window: Gervill's set plays meanwhile, and a synth already open
     * switches to the piano when it is ready).
     *
     * @param status hears a short status now and then, and at the end either the ready line or the one-line reason
     */
    public static void prepareInBackground(Consumer<String> status, Consumer<String> unavailable) {
        if (!DefaultSound.configured()) {
            return; // an embedding without the command line (the window's tests): Gervill's set, as it was set up
        }
        Thread t = new Thread(
                () -> {
                    int[] lastPercent = {-1};
                    boolean ok = DefaultSound.prepare(
                                    (done, total) -> {
                                        int percent = 100 * done / total;
                                        if (percent / 5 > lastPercent[0] / 5) {
                                            lastPercent[0] = percent;
                                            status.accept("Building the sampled piano (once): " + percent
                                                    + " % — Gervill's set plays meanwhile");
                                        }
                                    },
                                    status,
                                    true)
                            .isPresent();
                    if (ok) {
                        status.accept("Sound: " + DefaultSound.PIANO + " — " + DefaultSound.CREDIT);
                    } else {
                        unavailable.accept(DefaultSound.unavailable());
                    }
                },
                "piano-build");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
