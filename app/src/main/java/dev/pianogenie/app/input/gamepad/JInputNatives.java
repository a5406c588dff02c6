package dev.pianogenie.app.input.gamepad;

import dev.pianogenie.files.Caches;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.files.NativeCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * JInput does not unpack its own native library: copy the one for this system out of the
 * {@code jinput:natives-all} jar into the cache (checked whole at every start, {@link NativeCache}) and point
 * {@code net.java.games.input.librarypath} at it, before anything touches {@code ControllerEnvironment}. Without a
 * library that loads, JInput sees no controller at all and says nothing: {@link #ensure()} says why instead.
 */
public final class JInputNatives {
    static final String LIBRARY_PATH = "net.java.games.input.librarypath";
    /** JInput reports its plugin scan at INFO on stderr: keep warnings only (held here: loggers are weak). */
    private static final java.util.logging.Logger JINPUT_LOG =
            java.util.logging.Logger.getLogger("net.java.games.input");

    private static Optional<String> problem;

    private JInputNatives() {}

    /**
     * Makes JInput's native library ready (once per JVM).
     *
     * @return why no gamepad can be seen on this system whatever is plugged in — no library for it, the library
     *         missing or not loadable — or empty when JInput can look (or a plugin of its own stands in, as in tests)
     */
    public static synchronized Optional<String> ensure() {
        JINPUT_LOG.setLevel(java.util.logging.Level.WARNING);
        if (problem == null) {
            problem = find();
        }
        return problem;
    }

    private static Optional<String> find() {
        if ("false".equals(System.getProperty("jinput.useDefaultPlugin"))) {
            return Optional.empty(); // JInput's own plugins are off: the configured ones need no library of ours
        }
        List<String> libs = libraries(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (libs.isEmpty()) {
            return Optional.of("JInput has no native library for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + ", so no gamepad can be read here");
        }
        String configured = System.getProperty(LIBRARY_PATH);
        Path dir;
        if (configured != null) {
            dir = Path.of(configured); // the installed package ships the library extracted
        } else {
            dir = Caches.dir("jinput-2.0.10");
            Optional<String> copied = copyOut(libs, dir);
            if (copied.isPresent()) {
                return copied;
            }
            System.setProperty(LIBRARY_PATH, dir.toAbsolutePath().toString());
        }
        return loadable(dir.resolve(libs.get(0)));
    }

    /** The natives-all jar's builds (no Linux aarch64, no 32-bit): the first is the one JInput loads on Linux. */
    static List<String> libraries(String osName, String arch) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        return os.contains("linux") && x64
                ? List.of("libjinput-linux64.so")
                : os.contains("windows") && x64
                        ? List.of("jinput-raw_64.dll", "jinput-dx8_64.dll", "jinput-wintab.dll")
                        : os.contains("mac") ? List.of("libjinput-osx.jnilib") : List.of();
    }

    private static Optional<String> copyOut(List<String> libs, Path dir) {
        ClassLoader loader = JInputNatives.class.getClassLoader();
        if (loader.getResource(libs.get(0)) == null) {
            return Optional.of("JInput's native library " + libs.get(0) + " is not on the class path"
                    + " (the net.java.jinput:jinput:natives-all jar is missing)");
        }
        try (JarFile jar = NativeCache.jarOf(loader, libs.get(0))) {
            Map<String, Path> copies = new LinkedHashMap<>();
            for (String lib : libs) {
                copies.put(lib, dir.resolve(lib));
            }
            NativeCache.repair(jar, copies);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("JInput's native library cannot be copied to " + dir + ": " + InputFile.reason(e));
        }
    }

    /** Loads the library as JInput will (a second load of the same file is a no-op), saying why it cannot. */
    static Optional<String> loadable(Path lib) {
        if (!Files.isRegularFile(lib)) {
            return Optional.of("JInput's native library " + lib + " is missing, so no gamepad can be read");
        }
        try {
            System.load(lib.toAbsolutePath().toString());
            return Optional.empty();
        } catch (UnsatisfiedLinkError e) {
            return Optional.of(
                    "JInput's native library cannot be loaded, so no gamepad can be read: " + e.getMessage());
        }
    }
}
