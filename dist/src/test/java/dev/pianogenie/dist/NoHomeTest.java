package dev.pianogenie.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 29 class 15: a user with no passwd entry (a container started with another user id) — Java's user.home
 * is "?" — got its caches (the synth's soundbank, the natives) in a folder named "?" in the current folder.
 */
class NoHomeTest {

    static Process genie(Path cwd, Path tmp, boolean withHome, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Xmx512m",
                "-Duser.home=?",
                "-Djava.io.tmpdir=" + tmp)); // what the JVM sets when getpwuid finds no entry
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(cwd.resolve("log.txt").toFile());
        pb.environment().remove("HOME");
        pb.environment().remove("XDG_CACHE_HOME");
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("XDG_DATA_HOME");
        if (withHome) {
            pb.environment().put("HOME", tmp.resolve("home").toString());
        }
        return pb.start();
    }

    @Test
    void withoutAHomeFolderNothingIsWrittenToAFolderNamedQuestionMark(@TempDir Path dir) throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path mid = dir.resolve("in.mid");
        javax.sound.midi.Sequence seq = new javax.sound.midi.Sequence(javax.sound.midi.Sequence.PPQ, 480);
        javax.sound.midi.Track track = seq.createTrack();
        track.add(new javax.sound.midi.MidiEvent(
                new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 0, 60, 90), 0));
        track.add(new javax.sound.midi.MidiEvent(
                new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 0, 60, 0), 480));
        javax.sound.midi.MidiSystem.write(seq, 1, mid.toFile());
        Process p = genie(
                cwd,
                tmp,
                false,
                "render",
                mid.toString(),
                "--out",
                dir.resolve("out.wav").toString());
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        String log = Files.readString(cwd.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertFalse(Files.exists(cwd.resolve("?")), "no folder '?' in the current folder: " + log);
        assertEquals(1, log.lines().filter(l -> l.contains("no home folder")).count(), "said in one line: " + log);
        assertTrue(log.contains("go to " + tmp.resolve("piano-genie-")), log);

        // with HOME set (and usable) that is the home, silently
        Path home = Files.createDirectories(tmp.resolve("home"));
        Process q = genie(
                cwd,
                tmp,
                true,
                "render",
                mid.toString(),
                "--out",
                dir.resolve("out2.wav").toString());
        assertTrue(q.waitFor(300, TimeUnit.SECONDS));
        String log2 = Files.readString(cwd.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, q.exitValue(), log2);
        assertFalse(log2.contains("no home folder"), log2);
        assertFalse(Files.exists(cwd.resolve("?")));
    }
}
