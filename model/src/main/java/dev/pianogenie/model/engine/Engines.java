package dev.pianogenie.model.engine;

import ai.djl.engine.Engine;
import dev.pianogenie.model.Caches;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The two DJL engines, loaded offline with their caches under genie's cache folder ({@link Caches}).
 *
 * <p>TensorFlow: the TF 2.16 natives matching DJL 0.36's {@code tensorflow-api}
 * (TF Java 1.0.0-rc.1) come from the {@code org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64} jar on
 * the classpath; they are extracted once into the cache ({@link Caches}) and {@code TENSORFLOW_LIBRARY_PATH}
 * points DJL at them. Without this, DJL tries to download natives at run time.
 */
public final class Engines {
    static final String VERSION = "1.0.0-rc.1";
    private static final String JAR_DIR = "org/tensorflow/internal/c_api/linux-x86_64/";
    private static final String[] LIBRARIES = {
        "libtensorflow_framework.so.2", "libtensorflow_cc.so.2", "libjnitensorflow.so"
    };
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

    private static Path extract() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("the bundled TensorFlow natives are for Linux x86-64; this is " + os + " " + arch
                    + ": use --engine pytorch");
        }
        Path dir = Caches.dir("tensorflow-" + VERSION + "-linux-x86_64");
        if (Files.isRegularFile(dir.resolve(LIBRARIES[LIBRARIES.length - 1]))) {
            return dir;
        }
        try {
            Files.createDirectories(dir);
            ClassLoader loader = Engines.class.getClassLoader();
            for (String lib : LIBRARIES) {
                Path target = dir.resolve(lib);
                if (Files.isRegularFile(target)) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(JAR_DIR + lib)) {
                    if (in == null) {
                        throw new IllegalStateException("TensorFlow native library " + lib + " is not on the classpath: the "
                                + "org.tensorflow:tensorflow-core-native:" + VERSION + ":linux-x86_64 jar is missing");
                    }
                    Path tmp = Files.createTempFile(dir, lib, ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("could not extract the TensorFlow natives to " + dir
                    + " (about 630 MB are needed): " + e.getMessage(), e);
        }
    }
}
