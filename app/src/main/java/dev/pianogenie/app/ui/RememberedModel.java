package dev.pianogenie.app.ui;

import dev.pianogenie.app.live.DefaultModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.prefs.Preferences;

/**
 * Which model "as last time" means, and where that model's own settings (temperature, keys) are kept. The
 * preferences are shared by every copy of the app a user has (a checkout, an installed package), so they never
 * name one installation's files: the shipped model is remembered as {@value #SHIPPED} (each installation plays its
 * own), a folder the player chose by its path. A remembered folder that is gone, or that lies inside another
 * installation (an older version remembered the shipped model by its path), is not loaded: the shipped model plays
 * and {@link Choice#note()} says why.
 */
final class RememberedModel {
    static final String KEY = "model";
    static final String SHIPPED = "shipped";

    /** The model to start with, the key its settings are kept under, and what to tell the player about it. */
    record Choice(Path folder, String key, boolean remembered, Optional<String> note) {}

    private RememberedModel() {}

    /** Last time's model, or the shipped one ({@code shipped}) when there is none to take. */
    static Choice recall(Preferences prefs, Path shipped) {
        String last = prefs.get(KEY, "");
        if (last.isEmpty() || last.equals(SHIPPED)) {
            return new Choice(shipped, SHIPPED, !last.isEmpty(), Optional.empty());
        }
        Path folder;
        try {
            folder = Path.of(last).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException damaged) { // a damaged settings file: not a path at all
            return new Choice(shipped, SHIPPED, false, Optional.empty());
        }
        if (isShipped(folder, shipped)) {
            return new Choice(shipped, SHIPPED, true, Optional.empty());
        }
        Optional<Path> other = installationHolding(folder);
        if (other.isPresent()) {
            return new Choice(
                    shipped,
                    SHIPPED,
                    false,
                    Optional.of("Last time's model " + AppState.shortPath(folder)
                            + " belongs to another copy of Piano Genie (" + AppState.shortPath(other.get())
                            + "): playing this"
                            + " one's shipped model (Model… loads the other if you want it)."));
        }
        if (!Files.isDirectory(folder)) {
            return new Choice(
                    shipped,
                    SHIPPED,
                    false,
                    Optional.of("Last time's model " + AppState.shortPath(folder)
                            + " is gone: playing the shipped model."));
        }
        return new Choice(folder, keyOf(folder, shipped), true, Optional.empty());
    }

    /** Remembers {@code folder} as the model played (the shipped one by that name, any other by its path). */
    static String remember(Preferences prefs, Path folder, Path shipped) {
        String key = keyOf(folder, shipped);
        prefs.put(
                KEY,
                key.equals(SHIPPED)
                        ? SHIPPED
                        : folder.toAbsolutePath().normalize().toString());
        return key;
    }

    /** The name of the preferences node holding a model's own settings. */
    static String keyOf(Path folder, Path shipped) {
        Path f = folder.toAbsolutePath().normalize();
        if (isShipped(f, shipped)) {
            return SHIPPED;
        }
        try { // a node name may not hold '/' and is at most 80 characters: a digest of the path
            byte[] d = MessageDigest.getInstance("SHA-256").digest(f.toString().getBytes(StandardCharsets.UTF_8));
            return "folder-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private static boolean isShipped(Path folder, Path shipped) {
        return shipped != null && folder.equals(shipped.toAbsolutePath().normalize());
    }

    /**
     * The root of another copy of the app that holds {@code folder} (a folder above it with its own shipped model,
     * {@value DefaultModel#RELATIVE}), if any; this copy's own folders are not another's.
     */
    static Optional<Path> installationHolding(Path folder) {
        Path ours = ownInstallation();
        for (Path p = folder.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(DefaultModel.RELATIVE))) {
                return p.equals(ours) ? Optional.empty() : Optional.of(p);
            }
        }
        // an installation whose files are gone still left its mark in the path
        Path norm = folder.toAbsolutePath().normalize();
        if (norm.endsWith(DefaultModel.RELATIVE)
                && !norm.getParent().getParent().equals(ours)) {
            return Optional.of(norm.getParent().getParent());
        }
        return Optional.empty();
    }

    private static Path ownInstallation() {
        String home = System.getProperty("genie.home");
        return (home != null ? Path.of(home) : Path.of("")).toAbsolutePath().normalize();
    }
}
