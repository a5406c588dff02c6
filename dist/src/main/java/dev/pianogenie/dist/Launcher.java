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
     * Libraries that write under the home folder by themselves are pointed at genie's per-user folders instead
     * (unless set already): JavaFX extracts its natives to {@code ~/.openjfx/cache}, Java's preferences (the
     * window's options) go to {@code ~/.java}.
     */
    static void keepLibrariesInUserDirs(Properties system, UserDirs dirs) {
        system.putIfAbsent("javafx.cachedir", dirs.cache().resolve("openjfx").toString());
        system.putIfAbsent("java.util.prefs.userRoot", dirs.config().toString());
    }
}
