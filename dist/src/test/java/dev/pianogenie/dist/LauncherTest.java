package dev.pianogenie.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.files.UserDirs;
import dev.pianogenie.training.cli.NativeEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @Test
    void librariesWriteIntoGeniesUserFoldersUnlessTold() {
        UserDirs dirs = UserDirs.current();
        Properties p = new Properties();
        Launcher.keepLibrariesInUserDirs(p, dirs);
        assertEquals(dirs.cache().resolve("openjfx").toString(), p.getProperty("javafx.cachedir"));
        assertEquals(dirs.config().toString(), p.getProperty("java.util.prefs.userRoot"));
        assertEquals(dirs.cache().resolve("javacpp").toString(), p.getProperty("org.bytedeco.javacpp.cachedir"));

        Properties told = new Properties();
        told.setProperty("javafx.cachedir", "/elsewhere");
        Launcher.keepLibrariesInUserDirs(told, dirs);
        assertEquals("/elsewhere", told.getProperty("javafx.cachedir"));
    }

    @Test
    void systemPropertiesComeFromTheDashDOptionsOfGenieJavaOpts() {
        Properties p = new Properties();
        Launcher.systemPropertiesFrom(" -Dgenie.debug=true -Xmx2g  -Dempty --add-exports=a/b=ALL-UNNAMED -Dk=a=b ", p);
        assertEquals("true", p.getProperty("genie.debug"));
        assertEquals("", p.getProperty("empty"));
        assertEquals("a=b", p.getProperty("k"));
        assertEquals(3, p.size(), "only -D options become properties: " + p);
        Launcher.systemPropertiesFrom(null, p);
        assertEquals(3, p.size());
    }

    @Test
    void trainingCommandsAreRecognised() {
        assertTrue(Launcher.isTraining(new String[] {"train", "--data", "x"}));
        assertTrue(Launcher.isTraining(new String[] {"eval"}));
        assertTrue(Launcher.isTraining(new String[] {"bench", "train", "--steps", "3"}));
        assertFalse(Launcher.isTraining(new String[] {"bench", "decoder"}));
        assertFalse(Launcher.isTraining(new String[] {}));
        assertFalse(Launcher.isTraining(new String[] {"decode", "train"}));
    }

    @Test
    void noRelaunchWhenTheSettingsAreThereOrAfterOne() {
        assertTrue(
                Launcher.relaunchCommand(NativeEnvironment.completed(Map.of())).isEmpty());
        assertTrue(
                Launcher.relaunchCommand(Map.of("PIANO_GENIE_RELAUNCHED", "1")).isEmpty());
        List<String> self = Launcher.relaunchCommand(Map.of()).orElseThrow();
        assertTrue(self.get(0).endsWith("java"), "this JVM's own command line: " + self);
        assertEquals(ProcessHandle.current().info().command().orElseThrow(), self.get(0));
    }

    /**
     * A training command started without the natives' environment (an IDE, a plain java command) starts itself
     * again with it: the timed run reports the settings it ran with.
     */
    @Test
    void theRelaunchedChildIsNotTakenForJpackagesOwnRelaunch() {
        Map<String, String> child =
                Launcher.childEnvironment(Map.of("_JPACKAGE_LAUNCHER", "0", "HOME", "/home/p", "LANG", "C.UTF-8"));
        assertFalse(child.containsKey("_JPACKAGE_LAUNCHER"), "the installed launcher would take 'train' for a class");
        assertEquals("/home/p", child.get("HOME"));
        assertEquals("1", child.get("PIANO_GENIE_RELAUNCHED"));
        assertTrue(NativeEnvironment.present(child), "with the training natives' settings");
    }

    @Test
    void benchTrainStartedWithoutTheSettingsRunsWithThem(@TempDir Path tmp) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // a class path past 4 KB, as a deep checkout gives ./genie: the JDK's ProcessHandle loses the arguments then
        String classPath = System.getProperty("java.class.path") + ":"
                + tmp.resolve("x".repeat(200)).toString().repeat(1) + (":" + tmp.resolve("y".repeat(100))).repeat(40);
        ProcessBuilder pb = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        classPath,
                        "-Duser.home=" + tmp,
                        "-Dai.djl.offline=true",
                        "-Dpianogenie.cache=" + System.getProperty("pianogenie.cache"),
                        Launcher.class.getName(),
                        "bench",
                        "train",
                        "--steps",
                        "1",
                        "--warmup",
                        "0",
                        "--batch",
                        "2")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        Map<String, String> env = new HashMap<>(pb.environment());
        NativeEnvironment.SETTINGS.keySet().forEach(env::remove);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "bench train did not end");
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("OMP_WAIT_POLICY=PASSIVE"), out);
        assertFalse(out.contains("runs several times slower"), out);
    }
}
