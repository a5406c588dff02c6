package dev.pianogenie.app.input.gamepad;

import dev.pianogenie.model.Caches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * JInput does not unpack its own native library: copy the one for this system out of the
 * {@code jinput:natives-all} jar into the cache and point {@code net.java.games.input.librarypath} at it,
 * before anything touches {@code ControllerEnvironment}.
 */
public final class JInputNatives {
    /** JInput reports its plugin scan at INFO on stderr: keep warnings only (held here: loggers are weak). */
    private static final java.util.logging.Logger JINPUT_LOG = java.util.logging.Logger.getLogger("net.java.games.input");

    private JInputNatives() {
    }

    /** Returns false (gamepads unavailable, the rest works) when this system has no JInput library. */
    public static synchronized boolean ensure() {
        JINPUT_LOG.setLevel(java.util.logging.Level.WARNING);
        if (System.getProperty("net.java.games.input.librarypath") != null) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        // the natives-all jar has these builds only (no Linux aarch64, no 32-bit)
        List<String> libs = os.contains("linux") && x64 ? List.of("libjinput-linux64.so")
                : os.contains("windows") && x64 ? List.of("jinput-raw_64.dll", "jinput-dx8_64.dll", "jinput-wintab.dll")
                : os.contains("mac") ? List.of("libjinput-osx.jnilib") : List.of();
        if (libs.isEmpty()) {
            return false;
        }
        Path dir = Caches.dir("jinput-2.0.10");
        try {
            Files.createDirectories(dir);
            for (String lib : libs) {
                Path target = dir.resolve(lib);
                if (Files.isRegularFile(target)) {
                    continue;
                }
                try (InputStream in = JInputNatives.class.getClassLoader().getResourceAsStream(lib)) {
                    if (in == null) {
                        return false; // the natives jar is not on the class path
                    }
                    Path tmp = Files.createTempFile(dir, lib, ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            return false;
        }
        System.setProperty("net.java.games.input.librarypath", dir.toAbsolutePath().toString());
        return true;
    }
}
