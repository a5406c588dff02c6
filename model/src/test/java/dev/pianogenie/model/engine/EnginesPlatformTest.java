package dev.pianogenie.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnginesPlatformTest {
    @Test
    void eachPublishedTensorFlowPlatformIsNamedAsItsJarClassifier() {
        // os.name / os.arch as each JVM reports them
        assertEquals("linux-x86_64", Engines.tensorflowPlatform("Linux", "amd64"));
        assertEquals("macosx-arm64", Engines.tensorflowPlatform("Mac OS X", "aarch64"));
        assertEquals("macosx-x86_64", Engines.tensorflowPlatform("Mac OS X", "x86_64"));
        assertEquals("windows-x86_64", Engines.tensorflowPlatform("Windows 11", "amd64"));
    }

    @Test
    void aPlatformWithoutTensorFlowNativesIsRefusedWithTheWayOut() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Engines.tensorflowPlatform("Linux", "aarch64"));
        assertTrue(e.getMessage().contains("--engine pytorch"), e.getMessage());
    }

    /**
     * A TENSORFLOW_LIBRARY_PATH without the natives (a typo, a damaged installation) is said as such (was: "Failed to
     * load TensorFlow native library: Failed to download Tensorflow native library: Offline mode is enabled.").
     */
    @Test
    void aLibraryPathWithoutTheNativesIsSaidAsSuch(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Engines.checkLibraryPath(empty.toString()));
        assertTrue(
                e.getMessage()
                        .startsWith("TENSORFLOW_LIBRARY_PATH=" + empty + " holds no "
                                + System.mapLibraryName("jnitensorflow")),
                e.getMessage());
        Engines.tensorflow();
        Engines.checkLibraryPath(
                System.getProperty("TENSORFLOW_LIBRARY_PATH", System.getenv("TENSORFLOW_LIBRARY_PATH")));
    }
}
