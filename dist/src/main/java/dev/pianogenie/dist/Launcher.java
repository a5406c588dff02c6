package dev.pianogenie.dist;

import dev.pianogenie.app.cli.GenieCli;
import dev.pianogenie.model.UserDirs;
import dev.pianogenie.training.cli.TrainingCli;
import java.util.Properties;

/**
 * The one entry point of {@code ./genie} and of the installed {@code piano-genie}: {@code train} and {@code eval}
 * belong to the training module, every other subcommand (and none: the desktop app) to the app's command line.
 * It lives in its own module because the app must not depend on training.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        systemPropertiesFrom(System.getenv("GENIE_JAVA_OPTS"), System.getProperties());
        keepLibrariesInUserDirs(System.getProperties(), UserDirs.current());
        TensorFlowLog.warningsAndErrorsOnly();
        String first = args.length > 0 ? args[0] : "";
        if (first.equals("train") || first.equals("eval")) {
            TrainingCli.main(args);
        } else {
            GenieCli.main(args);
        }
    }

    /**
     * The {@code -Dkey=value} options of {@code GENIE_JAVA_OPTS}, as system properties: {@code ./genie} hands the
     * variable to java, but the installed launcher is a native binary with its JVM options fixed at packaging, so
     * {@code GENIE_JAVA_OPTS=-Dgenie.debug=true piano-genie ...} works only through this. Other JVM options (heap,
     * exports) cannot be changed once the JVM runs and are left alone.
     */
    static void systemPropertiesFrom(String options, Properties system) {
        if (options == null) {
            return;
        }
        for (String option : options.trim().split("\\s+")) {
            if (option.startsWith("-D") && option.length() > 2) {
                int eq = option.indexOf('=');
                system.setProperty(eq < 0 ? option.substring(2) : option.substring(2, eq), eq < 0 ? "" : option.substring(eq + 1));
            }
        }
    }

    /**
     * Libraries that write under the home folder by themselves are pointed at genie's per-user folders instead
     * (unless set already): JavaFX extracts its natives to {@code ~/.openjfx/cache}, JavaCPP (under TensorFlow)
     * makes {@code ~/.javacpp/cache}, Java's preferences (the window's options) go to {@code ~/.java}.
     */
    static void keepLibrariesInUserDirs(Properties system, UserDirs dirs) {
        system.putIfAbsent("javafx.cachedir", dirs.cache().resolve("openjfx").toString());
        system.putIfAbsent("org.bytedeco.javacpp.cachedir", dirs.cache().resolve("javacpp").toString());
        system.putIfAbsent("java.util.prefs.userRoot", dirs.config().toString());
    }
}
