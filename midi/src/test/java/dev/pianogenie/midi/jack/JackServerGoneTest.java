package dev.pianogenie.midi.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JACK server is killed while the outputs play and the input listens: each part says so once, the notes are
 * let go, nothing hangs, and the JVM (a child one, running {@link ServerGonePlayer}) ends by itself with status 0 —
 * no JACK thread or zombie client keeps it alive. Starts its own dummy server under a name of its own (so the
 * shared test server stays up); needs jackd (`.ci/run` installs it).
 */
class JackServerGoneTest {

    @Test
    void killingTheServerMidPlayEndsCleanlyAndTheJvmExits() throws Exception {
        Path jackd = Path.of("/usr/bin/jackd");
        assumeTrue(Files.isExecutable(jackd), "JACK server test skipped: no jackd (apt-get install jackd2)");
        String name = "pg-gone-" + ProcessHandle.current().pid();
        Process server = new ProcessBuilder(jackd.toString(), "-n", name, "-d", "dummy", "-r", "48000", "-p", "256")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Process child = null;
        try {
            Thread.sleep(1500); // the server's start
            assumeTrue(server.isAlive(), "JACK server test skipped: jackd would not start here");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(
                    java,
                    "--add-exports",
                    "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                    "-Duser.home=" + System.getProperty("user.home"),
                    "-Djava.awt.headless=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServerGonePlayer.class.getName());
            pb.environment().put("JACK_DEFAULT_SERVER", name);
            pb.redirectErrorStream(true);
            child = pb.start();
            List<String> lines = new ArrayList<>();
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = readLine(r, lines);
            assertEquals("playing", first, "the player started: " + lines);
            Thread.sleep(1000);
            server.destroy(); // SIGTERM (SIGKILL, checked by hand, ends the same way but leaves jackd's shared-memory
            // registry
            // entry behind: after 8 of those no server starts on that machine until /dev/shm/jack* is cleared)
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the JVM ended by itself after the server died: " + lines);
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
            assertEquals(0, child.exitValue(), String.join("\n", lines));
            assertEquals(
                    2,
                    lines.stream()
                            .filter(l -> l.startsWith("failed: the JACK server went away"))
                            .count(),
                    "each output said it once: " + lines);
            assertEquals(
                    1,
                    lines.stream()
                            .filter(l -> l.startsWith("input: the JACK server went away"))
                            .count(),
                    "the input said it once: " + lines);
            assertTrue(lines.get(lines.size() - 1).startsWith("closed after 2 failed sinks"), String.join("\n", lines));
            assertFalse(
                    lines.stream().anyMatch(l -> l.contains("Exception") || l.startsWith("\tat ")),
                    "no stack trace: " + String.join("\n", lines));
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    private static String readLine(BufferedReader r, List<String> lines) throws IOException {
        String l;
        while ((l = r.readLine()) != null) {
            lines.add(l);
            if (l.equals("playing")) {
                return l;
            }
        }
        return null;
    }
}
