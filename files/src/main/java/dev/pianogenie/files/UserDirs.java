package dev.pianogenie.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-user folders genie writes to — never the installation folder, which may be read-only (a .deb installs
 * under {@code /usr/lib}). On Linux these follow the XDG base directory spec: {@code $XDG_CACHE_HOME},
 * {@code $XDG_CONFIG_HOME}, {@code $XDG_DATA_HOME} (an unset or relative value means the spec's default under the
 * home folder) and the music folder of {@code user-dirs.dirs}; on Windows {@code %LOCALAPPDATA%} / {@code %APPDATA%};
 * on macOS {@code ~/Library}.
 */
public final class UserDirs {
    static final String APP = "piano-genie";
    private static final Pattern MUSIC_LINE =
            Pattern.compile("^\\s*XDG_MUSIC_DIR\\s*=\\s*\"(.*)\"\\s*$", Pattern.MULTILINE);

    private final Map<String, String> env;
    private final Path home;
    private final String os;

    UserDirs(Map<String, String> env, Path home, String os) {
        this.env = env;
        this.home = home;
        this.os = os.toLowerCase(Locale.ROOT);
    }

    /** This user's folders. */
    public static UserDirs current() {
        return new UserDirs(
                System.getenv(), Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    }

    /**
     * A user with no passwd entry (a container started with another user id) gets {@code user.home} = "?" from
     * Java, and every library that writes under the home folder (caches, Gervill's soundbank, the font cache) wrote
     * into a folder named "?" in the current folder. Such a home is replaced, before anything is written: by
     * {@code $HOME} when that is an absolute, writable folder, else by a folder of this user's in the temporary
     * folder.
     *
     * @return one line to say, when the temporary folder had to be used; empty otherwise
     */
    public static Optional<String> repairHome(java.util.Properties system, Map<String, String> env) {
        String home = system.getProperty("user.home");
        if (home != null
                && !home.isBlank()
                && !home.equals("?")
                && Path.of(home).isAbsolute()) {
            return Optional.empty();
        }
        String variable = env.get("HOME");
        if (variable != null
                && !variable.isBlank()
                && Path.of(variable).isAbsolute()
                && Files.isDirectory(Path.of(variable))
                && Files.isWritable(Path.of(variable))) {
            system.setProperty("user.home", variable);
            return Optional.empty();
        }
        Path instead = Path.of(system.getProperty("java.io.tmpdir", "/tmp")).resolve(APP + "-" + userId());
        try {
            Files.createDirectories(instead);
        } catch (IOException | RuntimeException e) {
            // said below; whatever is written under it fails with its own message
        }
        system.setProperty("user.home", instead.toString());
        return Optional.of("this user has no home folder (no passwd entry"
                + (variable == null ? ", no HOME" : ", HOME " + variable + " unusable")
                + "): caches and settings go to " + instead + " (set HOME, or XDG_CACHE_HOME,"
                + " XDG_CONFIG_HOME and XDG_DATA_HOME, to choose)");
    }

    /** This process's user id, for a folder name ("user" where it cannot be read). */
    private static String userId() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return "user";
        }
    }

    /** Re-creatable files: extracted natives, dataset caches. */
    public Path cache() {
        if (windows()) {
            return base("LOCALAPPDATA", home.resolve("AppData/Local"))
                    .resolve(APP)
                    .resolve("cache");
        }
        if (mac()) {
            return home.resolve("Library/Caches").resolve(APP);
        }
        return base("XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP);
    }

    /** Settings: learnt controller mappings, the window's options. */
    public Path config() {
        if (windows()) {
            return base("APPDATA", home.resolve("AppData/Roaming")).resolve(APP);
        }
        if (mac()) {
            return home.resolve("Library/Application Support").resolve(APP);
        }
        return base("XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP);
    }

    /** Data the app keeps for the user by itself (the autosaved take). */
    public Path data() {
        if (windows() || mac()) {
            return config();
        }
        return base("XDG_DATA_HOME", home.resolve(".local/share")).resolve(APP);
    }

    /**
     * Where saved takes go by default: the desktop's music folder ({@code XDG_MUSIC_DIR} in
     * {@code $XDG_CONFIG_HOME/user-dirs.dirs}, which a localised desktop names e.g. "Musik"), else {@code ~/Music}.
     */
    public Path music() {
        Path music = home.resolve("Music");
        if (!windows() && !mac()) {
            Path file = base("XDG_CONFIG_HOME", home.resolve(".config")).resolve("user-dirs.dirs");
            try {
                Matcher m = MUSIC_LINE.matcher(Files.isRegularFile(file) ? Files.readString(file) : "");
                if (m.find()) {
                    String value = m.group(1).replace("$HOME", home.toString());
                    Path p = Path.of(value);
                    if (p.isAbsolute() && !p.equals(home)) { // the spec: a folder equal to $HOME means "none"
                        music = p;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable user-dirs.dirs: the default is as good a place
            }
        }
        return music.resolve(APP);
    }

    private Path base(String variable, Path fallback) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            Path p = Path.of(value);
            if (p.isAbsolute()) { // the spec: relative paths are invalid and must be ignored
                return p;
            }
        }
        return fallback;
    }

    private boolean windows() {
        return os.contains("windows");
    }

    private boolean mac() {
        return os.contains("mac");
    }
}
