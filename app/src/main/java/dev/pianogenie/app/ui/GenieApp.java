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
        scaleForLargeScreens();
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

    /**
     * A screen larger than 1920×1080 that the desktop leaves unscaled (X at 96 dpi: a 4K screen under Xvfb, or a
     * desktop set to 100%) would show every label at a quarter of the window's width-per-letter: on Linux, scale
     * the whole window as a HiDPI desktop does (GTK's own scale, so text, canvases, menus and dialogs stay sharp),
     * in quarter steps — 2× at 3840×2160, 1.25× at 2560×1440. Not when the player or the desktop chose a scale
     * ({@code GDK_SCALE}, {@code -Dglass.gtk.uiScale}), nor where JavaFX scales by itself (Windows, macOS).
     */
    static void scaleForLargeScreens() {
        if (System.getProperty("glass.gtk.uiScale") != null || System.getenv("GDK_SCALE") != null
                || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return;
        }
        try {
            java.awt.DisplayMode m = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                    .getDisplayMode();
            double scale = uiScale(m.getWidth(), m.getHeight());
            if (scale > 1) {
                System.setProperty("glass.gtk.uiScale", Double.toString(scale));
            }
        } catch (Throwable e) {
            // no screen to ask (headless AWT, no X display): JavaFX decides
        }
    }

    /** The scale that lays the window out as on a 1920×1080 screen, in quarter steps, never below 1. */
    static double uiScale(int screenWidth, int screenHeight) {
        return Math.max(1, Math.floor(Math.min(screenWidth / 1920.0, screenHeight / 1080.0) * 4) / 4);
    }
}
