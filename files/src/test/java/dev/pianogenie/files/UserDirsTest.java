package dev.pianogenie.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirsTest {
    @TempDir
    Path home;

    @Test
    void linuxDefaultsAreTheXdgOnesUnderHome() {
        UserDirs dirs = new UserDirs(Map.of(), home, "Linux");
        assertEquals(home.resolve(".cache/piano-genie"), dirs.cache());
        assertEquals(home.resolve(".config/piano-genie"), dirs.config());
        assertEquals(home.resolve(".local/share/piano-genie"), dirs.data());
        assertEquals(home.resolve("Music/piano-genie"), dirs.music());
    }

    @Test
    void xdgVariablesMoveThemAndRelativeValuesAreIgnored() {
        UserDirs dirs = new UserDirs(
                Map.of("XDG_CACHE_HOME", "/var/tmp/c", "XDG_CONFIG_HOME", "relative/cfg", "XDG_DATA_HOME", "/srv/data"),
                home,
                "Linux");
        assertEquals(Path.of("/var/tmp/c/piano-genie"), dirs.cache());
        assertEquals(home.resolve(".config/piano-genie"), dirs.config());
        assertEquals(Path.of("/srv/data/piano-genie"), dirs.data());
    }

    @Test
    void musicFolderComesFromUserDirsDirs() throws IOException {
        Path config = home.resolve("cfg");
        Files.createDirectories(config);
        Files.writeString(
                config.resolve("user-dirs.dirs"),
                "# written by xdg-user-dirs-update\n"
                        + "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_MUSIC_DIR=\"$HOME/Musik\"\n");
        UserDirs dirs = new UserDirs(Map.of("XDG_CONFIG_HOME", config.toString()), home, "Linux");
        assertEquals(home.resolve("Musik/piano-genie"), dirs.music());

        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_MUSIC_DIR=\"$HOME/\"\n"); // "none" per the spec
        assertEquals(home.resolve("Music/piano-genie"), dirs.music());
    }

    @Test
    void windowsAndMacUseTheirOwnPlaces() {
        UserDirs win = new UserDirs(Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), home, "Windows 11");
        assertEquals(Path.of("/local/piano-genie/cache"), win.cache());
        assertEquals(Path.of("/roaming/piano-genie"), win.config());
        UserDirs mac = new UserDirs(Map.of("XDG_CACHE_HOME", "/ignored"), home, "Mac OS X");
        assertEquals(home.resolve("Library/Caches/piano-genie"), mac.cache());
        assertEquals(home.resolve("Library/Application Support/piano-genie"), mac.config());
    }
}
