package dev.pianogenie.model.engine;

import dev.pianogenie.files.NativeCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * DJL copies the PyTorch natives out of {@code pytorch-native-cpu} (and its JNI glue out of {@code pytorch-jni}) into
 * {@code DJL_CACHE_DIR/pytorch/VERSION-FLAVOR-CLASSIFIER/} once, and afterwards trusts that folder if
 * {@code libtorch.so} is in it: a {@code libtorch_cpu.so} cut short there crashes the JVM (SIGBUS) at every start.
 * Before DJL looks, each file of such a folder is checked against its jar entry and copied again if not whole
 * ({@link NativeCache}). A folder not made yet is left to DJL.
 */
final class PyTorchCache {
    /** The jars' own marker files, to find them on the class path. */
    static final String NATIVE_ANCHOR = "native/lib/pytorch.properties";

    static final String JNI_ANCHOR = "jnilib/pytorch.properties";

    private PyTorchCache() {}

    /** @return the files copied again (empty when every one was whole, or there is nothing to check) */
    static List<Path> repair(ClassLoader loader, Path engineCache) {
        if (loader.getResource(NATIVE_ANCHOR) == null || !Files.isDirectory(engineCache)) {
            return List.of(); // no native jar (natives from PYTORCH_LIBRARY_PATH) or nothing extracted yet
        }
        List<Path> copied = new ArrayList<>();
        try (JarFile natives = NativeCache.jarOf(loader, NATIVE_ANCHOR);
                JarFile jni = loader.getResource(JNI_ANCHOR) == null ? null : NativeCache.jarOf(loader, JNI_ANCHOR);
                Stream<Path> folders = Files.list(engineCache)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                copied.addAll(NativeCache.repair(natives, nativeCopies(natives, folder)));
                if (jni != null) {
                    copied.addAll(
                            NativeCache.repair(jni, jniCopies(jni, folder, ai.djl.engine.Engine.getDjlVersion())));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not check the PyTorch natives in " + engineCache
                            + " (deleting that folder makes them be extracted again)",
                    e); // the cause says why (ErrorText)
        }
        return copied;
    }

    /** What {@code folder} ({@code 2.7.1-20250812-cpu-linux-x86_64}) should hold: the native jar's {@code pytorch/FLAVOR/CLASSIFIER/*}. */
    static Map<String, Path> nativeCopies(JarFile natives, Path folder) {
        Map<String, Path> copies = new LinkedHashMap<>();
        for (JarEntry e : Collections.list(natives.entries())) {
            String[] p = e.getName().split("/");
            if (!e.isDirectory() && p.length == 4 && p[0].equals("pytorch") && of(folder, p[1], p[2])) {
                copies.put(e.getName(), folder.resolve(p[3]));
            }
        }
        return copies;
    }

    /** The JNI glue {@code jnilib/CLASSIFIER/FLAVOR/libdjl_torch.so}, which DJL names {@code DJLVERSION-libdjl_torch.so} there, if it made it. */
    static Map<String, Path> jniCopies(JarFile jni, Path folder, String djlVersion) {
        Map<String, Path> copies = new LinkedHashMap<>();
        for (JarEntry e : Collections.list(jni.entries())) {
            String[] p = e.getName().split("/");
            if (!e.isDirectory() && p.length == 4 && p[0].equals("jnilib") && of(folder, p[2], p[1])) {
                Path file = folder.resolve(djlVersion + "-" + p[3]);
                if (Files.exists(file)) {
                    copies.put(e.getName(), file);
                }
            }
        }
        return copies;
    }

    private static boolean of(Path folder, String flavor, String classifier) {
        return folder.getFileName().toString().endsWith("-" + flavor + "-" + classifier);
    }
}
