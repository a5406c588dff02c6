package dev.pianogenie.app.ui;

import dev.pianogenie.app.live.LiveSetup;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app on a {@link LiveSetup}: what the command line chose, the rest as last time (remembered), set
 * up further in the window.
 */
public final class GenieApp {
    private GenieApp() {
    }

    /** Opens the window and returns when it is closed (a take under way is saved first). */
    public static int run(LiveSetup setup) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                AppState state = new AppState(setup, Preferences.userRoot().node("dev/pianogenie"), AppState.TAKES);
                Stage stage = new Stage();
                MainView.show(stage, new MainView(state));
                stage.setOnHidden(e -> {
                    state.close();
                    closed.countDown();
                });
                state.start();
            } catch (RuntimeException e) {
                closed.countDown();
                throw e;
            }
        });
        closed.await();
        Platform.exit();
        return 0;
    }
}
