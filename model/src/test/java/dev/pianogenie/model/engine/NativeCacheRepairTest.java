package dev.pianogenie.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.files.Caches;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A native library in genie's cache cut to half its size (a full disk, a killed copy) used to be loaded as it was,
 * and the JVM died of a SIGBUS with no message. Now each start checks the copies against their jars and copies a bad
 * one again — and only that one.
 */
class NativeCacheRepairTest {
    static final String PLATFORM = "linux-x86_64";

    @Test
    void aTensorFlowLibraryCutShortIsCopiedAgainAndTheWholeOnesAreLeftAlone() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Engines.tensorflowPlatform(System.getProperty("os.name"), System.getProperty("os.arch"))
                        .equals(PLATFORM));
        Engines.tensorflow(); // the module's own cache, extracted (or checked) as every start does
        Path real = Caches.dir("tensorflow-" + Engines.VERSION + "-" + PLATFORM);
        Path dir = Files.createTempDirectory(Caches.root(), "tf-repair");
        try {
            linkAll(real, dir);
            Path jni = dir.resolve("libjnitensorflow.so");
            long size = Files.size(jni);
            cutToHalf(jni);
            Object bigBefore = Files.getAttribute(dir.resolve("libtensorflow_cc.so.2"), "unix:ino");
            Engines.extract(getClass().getClassLoader(), PLATFORM, dir);
            assertEquals(size, Files.size(jni), "copied again, whole");
            assertEquals(
                    Files.readAllBytes(real.resolve("libjnitensorflow.so")).length, Files.readAllBytes(jni).length);
            assertEquals(
                    bigBefore,
                    Files.getAttribute(dir.resolve("libtensorflow_cc.so.2"), "unix:ino"),
                    "the 580 MB library that was whole is not copied again");
            try (Stream<Path> left = Files.list(dir)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void aPyTorchLibraryCutShortInDjlsCacheIsCopiedAgain() throws Exception {
        Engines.pytorch(); // DJL extracts into its cache folder (under the module's test cache)
        Path engineCache = ai.djl.util.Utils.getEngineCacheDir("pytorch");
        Path real;
        try (Stream<Path> folders = Files.list(engineCache)) {
            real = folders.filter(f -> Files.isRegularFile(f.resolve("libtorch.so")))
                    .findFirst()
                    .orElseThrow();
        }
        Path cache = Files.createTempDirectory(Caches.root(), "pt-repair");
        try {
            Path dir = Files.createDirectories(cache.resolve(real.getFileName()));
            linkAll(real, dir);
            Path torch = dir.resolve("libtorch.so");
            Path jni = dir.resolve(ai.djl.engine.Engine.getDjlVersion() + "-libdjl_torch.so");
            assertTrue(Files.exists(jni), "DJL's JNI glue beside libtorch: " + jni);
            long torchSize = Files.size(torch);
            long jniSize = Files.size(jni);
            cutToHalf(torch);
            cutToHalf(jni);
            List<Path> copied = PyTorchCache.repair(getClass().getClassLoader(), cache);
            assertEquals(List.of(torch, jni), copied, "exactly the two damaged files");
            assertEquals(torchSize, Files.size(torch));
            assertEquals(jniSize, Files.size(jni));
            assertEquals(
                    List.of(), PyTorchCache.repair(getClass().getClassLoader(), cache), "whole now: nothing to do");
        } finally {
            deleteTree(cache);
        }
    }

    /** A copy of a cache folder made of hard links (no 600 MB copy), each of which can then be damaged on its own. */
    static void linkAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createLink(to.resolve(f.getFileName()), f);
            }
        }
    }

    /** Replaces the link by a new file holding the first half of it (the original stays whole). */
    static void cutToHalf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes, 0, bytes.length / 2));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
