package dev.pianogenie.model.engine;

import ai.djl.engine.Engine;
import dev.pianogenie.files.Caches;
import dev.pianogenie.files.NativeCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
    private static Engine engine;
    private static boolean pytorchCacheChecked;

    private Engines() {}

    /**
     * The PyTorch engine (training, and the alternative live decoder). DJL extracts its natives from the
     * {@code pytorch-native-cpu} jar into {@code DJL_CACHE_DIR}: unless set, that goes under genie's cache.
     */
    public static synchronized Engine pytorch() {
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", Caches.dir("djl").toString());
        }
        System.setProperty("ai.djl.offline", "true");
        if (!pytorchCacheChecked) {
            PyTorchCache.repair(Engines.class.getClassLoader(), ai.djl.util.Utils.getEngineCacheDir("pytorch"));
            pytorchCacheChecked = true;
        }
        return Engine.getEngine("PyTorch");
    }

    /** The TensorFlow engine, its natives extracted and loaded (once per JVM). */
    public static synchronized Engine tensorflow() {
        if (engine == null) {
            String given = System.getProperty("TENSORFLOW_LIBRARY_PATH", System.getenv("TENSORFLOW_LIBRARY_PATH"));
            if (given == null) {
                System.setProperty("TENSORFLOW_LIBRARY_PATH", extract().toString());
            } else {
                checkLibraryPath(
                        given); // DJL would try to download, offline: "Failed to download Tensorflow native library"
            }
            System.setProperty("ai.djl.offline", "true");
            engine = Engine.getEngine("TensorFlow");
        }
        return engine;
    }

    /**
     * A {@code TENSORFLOW_LIBRARY_PATH} set by the user or the installed package must hold TF Java's JNI library.
     *
     * @throws IllegalStateException naming the variable, the folder and what to do
     */
    static void checkLibraryPath(String path) {
        String jni = System.mapLibraryName("jnitensorflow");
        if (!java.nio.file.Files.isRegularFile(Path.of(path).resolve(jni))) {
            throw new IllegalStateException("TENSORFLOW_LIBRARY_PATH=" + path + " holds no " + jni
                    + ": point it at a folder of"
                    + " the TensorFlow " + VERSION + " natives, or unset it (genie then uses its own; an installed"
                    + " piano-genie whose natives are gone needs reinstalling)");
        }
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
        return extract(Engines.class.getClassLoader(), platform, Caches.dir("tensorflow-" + VERSION + "-" + platform));
    }

    /**
     * The TensorFlow natives of {@code platform} in {@code dir}, copied out of their jar where missing or not whole
     * ({@link NativeCache}: a copy cut short would crash the JVM as it loads).
     */
    static Path extract(ClassLoader loader, String platform, Path dir) {
        String folder = JAR_DIR + platform + "/";
        if (loader.getResource(folder + "LICENSE") == null) {
            throw new IllegalStateException("the TensorFlow natives are not on the classpath: the "
                    + "org.tensorflow:tensorflow-core-native:" + VERSION + ":" + platform + " jar is missing");
        }
        try (JarFile jar = NativeCache.jarOf(loader, folder + "LICENSE")) {
            Map<String, Path> copies = new LinkedHashMap<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith(folder) && name.indexOf('/', folder.length()) < 0) {
                    copies.put(name, dir.resolve(name.substring(folder.length())));
                }
            }
            NativeCache.repair(jar, copies);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not extract the TensorFlow natives to " + dir + " (about 630 MB are needed)",
                    e); // the cause says why, with its file (ErrorText)
        }
    }
}
