package dev.pianogenie.model.engine;

import ai.djl.engine.Engine;
import dev.pianogenie.model.Caches;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The two DJL engines, loaded offline with their caches under genie's cache folder ({@link Caches}).
 *
 * <p>TensorFlow: the TF 2.16 natives matching DJL 0.36's {@code tensorflow-api} (TF Java 1.0.0-rc.1) come from the
 * {@code org.tensorflow:tensorflow-core-native:1.0.0-rc.1:<platform>} jar on the classpath (the OS profiles of
 * model/pom.xml pick the platform); they are extracted once into the cache and {@code TENSORFLOW_LIBRARY_PATH}
 * points DJL at them. Without this, DJL tries to download natives at run time. The installed app sets
 * {@code TENSORFLOW_LIBRARY_PATH} (and {@code PYTORCH_LIBRARY_PATH}) to natives shipped pre-extracted, so nothing is
 * extracted there.
 */
public final class Engines {
    static final String VERSION = "1.0.0-rc.1";
    private static final String JAR_DIR = "org/tensorflow/internal/c_api/";
    /** Written last into the cache folder: the extraction finished. */
    private static final String COMPLETE = ".complete";
    private static Engine engine;

    private Engines() {
    }

    /**
     * The PyTorch engine (training, and the alternative live decoder). DJL extracts its natives from the
     * {@code pytorch-native-cpu} jar into {@code DJL_CACHE_DIR}: unless set, that goes under genie's cache.
     */
    public static synchronized Engine pytorch() {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Caches.dir("djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
        return Engine.getEngine("PyTorch");
    }

    /** The TensorFlow engine, its natives extracted and loaded (once per JVM). */
    public static synchronized Engine tensorflow() {
        if (engine == null) {
            if (System.getenv("TENSORFLOW_LIBRARY_PATH") == null && System.getProperty("TENSORFLOW_LIBRARY_PATH") == null) {
                System.setProperty("TENSORFLOW_LIBRARY_PATH", extract().toString());
            }
            System.setProperty("ai.djl.offline", "true");
            engine = Engine.getEngine("TensorFlow");
        }
        return engine;
    }

    /** TF Java's name for this platform, as in its native jars' classifiers; those four are published. */
    static String tensorflowPlatform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean x64 = osArch.equals("amd64") || osArch.equals("x86_64");
        boolean arm64 = osArch.equals("aarch64") || osArch.equals("arm64");
        if (os.contains("linux") && x64) {
            return "linux-x86_64";
        }
        if (os.contains("mac") && (x64 || arm64)) {
            return x64 ? "macosx-x86_64" : "macosx-arm64";
        }
        if (os.contains("windows") && x64) {
            return "windows-x86_64";
        }
        throw new IllegalStateException("TensorFlow publishes no natives for " + osName + " " + osArch
                + " (only Linux x86-64, macOS and Windows x86-64): use --engine pytorch");
    }

    private static Path extract() {
        String platform = tensorflowPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Path dir = Caches.dir("tensorflow-" + VERSION + "-" + platform);
        if (Files.isRegularFile(dir.resolve(COMPLETE))) {
            return dir;
        }
        String folder = JAR_DIR + platform + "/";
        URL license = Engines.class.getClassLoader().getResource(folder + "LICENSE");
        if (license == null) {
            throw new IllegalStateException("the TensorFlow natives are not on the classpath: the "
                    + "org.tensorflow:tensorflow-core-native:" + VERSION + ":" + platform + " jar is missing");
        }
        try {
            Files.createDirectories(dir);
            JarURLConnection connection = (JarURLConnection) license.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith(folder) || name.indexOf('/', folder.length()) >= 0) {
                        continue;
                    }
                    Path target = dir.resolve(name.substring(folder.length()));
                    try (InputStream in = jar.getInputStream(entry)) {
                        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".part");
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(dir.resolve(COMPLETE), VERSION + " " + platform + System.lineSeparator());
            return dir;
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("could not extract the TensorFlow natives to " + dir
                    + " (about 630 MB are needed): " + e.getMessage(), e);
        }
    }
}
