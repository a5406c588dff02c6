package dev.pianogenie.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Native libraries copied out of jars on the class path into genie's cache (TensorFlow's, PyTorch's, JInput's),
 * checked at every start against the jar they came from. A copy that does not have its jar entry's size — cut short
 * by a full disk or a killed copy, damaged on disk, replaced — crashes the JVM when loaded (a SIGBUS: no Java
 * error, no message), so it is copied again first. The check costs a look at the jar's directory and one
 * {@code stat} per file.
 */
public final class NativeCache {
    private NativeCache() {}

    /**
     * The jar that holds the class-path resource {@code anchor} (e.g. {@code org/tensorflow/internal/c_api/linux-x86_64/LICENSE}).
     *
     * @throws IOException if the resource is not on the class path or not inside a jar
     */
    public static JarFile jarOf(ClassLoader loader, String anchor) throws IOException {
        URL url = loader.getResource(anchor);
        if (url == null) {
            throw new IOException(anchor + " is not on the class path");
        }
        URLConnection c = url.openConnection();
        if (!(c instanceof JarURLConnection jar)) {
            throw new IOException(anchor + " is not inside a jar (" + url + ")");
        }
        jar.setUseCaches(false); // our own JarFile, closed by the caller
        return jar.getJarFile();
    }

    /**
     * Makes every target a whole copy of its jar entry: a missing target, or one whose size differs from the entry's,
     * is copied out again (into a temporary file beside it, then renamed over it, so a reader never sees half a file).
     *
     * @param copies jar entry name → the file in the cache
     * @return the targets that were copied (empty when all were whole)
     * @throws IOException if an entry is missing from the jar or a copy cannot be written
     */
    public static List<Path> repair(JarFile jar, Map<String, Path> copies) throws IOException {
        List<Path> copied = new ArrayList<>();
        for (Map.Entry<String, Path> e : copies.entrySet()) {
            JarEntry entry = jar.getJarEntry(e.getKey());
            if (entry == null) {
                throw new IOException(jar.getName() + " has no " + e.getKey());
            }
            Path target = e.getValue();
            if (whole(target, entry)) {
                continue;
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            copied.add(target);
        }
        return copied;
    }

    /** Whether {@code target} is a regular file of the entry's size (an entry of unknown size is taken as whole). */
    static boolean whole(Path target, JarEntry entry) {
        try {
            return Files.isRegularFile(target) && (entry.getSize() < 0 || Files.size(target) == entry.getSize());
        } catch (IOException e) {
            return false;
        }
    }
}
