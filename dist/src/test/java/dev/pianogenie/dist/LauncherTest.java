package dev.pianogenie.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.model.UserDirs;
import java.util.Properties;
import org.junit.jupiter.api.Test;

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
}
