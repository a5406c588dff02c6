package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A take and its session file get the permissions any new file of the user gets (the take was 0600, the session 0644). */
class UserFilePermissionsTest {

    @Test
    void aTakeAndItsSessionGetTheUsualPermissions(@TempDir Path dir) throws Exception {
        Path session = HeadlessPlayTest.session(dir, 5, 100_000_000L);
        Path mid = dir.resolve("rec.mid");
        assertEquals(
                0,
                GenieCli.commandLine()
                        .execute(
                                "play",
                                "--headless",
                                "--controller",
                                "replay:" + session + "@fast",
                                "--output",
                                "none",
                                "--model",
                                SharedData.tutorialModel().toString(),
                                "--record",
                                mid.toString()));
        var usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertEquals(usual, Files.getPosixFilePermissions(mid), "the take");
        assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("rec" + SessionFile.EXTENSION)), "its session");
    }
}
