package dev.pianogenie.app.ui;

import dev.pianogenie.app.live.LiveSetup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app on a {@link LiveSetup}: what the command line chose, the rest as last time (remembered), set
 * up further in the window.
 */
public final class GenieApp {
    private GenieApp() {}

    /**
     * JavaFX warns on its "javafx" logger at every start that its classes came from the class path ("unnamed module"),
     * which is how genie runs it (TECH-NOTES: harmless): that one warning is dropped, the others stay (held here:
     * loggers are weak).
     */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** How long a signal (Ctrl-C in the terminal, a logout's SIGTERM) waits for the take under way to be saved. */
    static final long SHUTDOWN_WAIT_SECONDS = 20;

    /**
     * Opens the window and returns when it is closed (a take under way is saved first). A SIGINT or SIGTERM closes
     * it the same way, so the take is saved whole, not only up to its last autosave.
     *
     * @throws IllegalStateException if the window could not be made (its cause says why); JavaFX's own failure to
     *                               start (no display it can open) comes out of {@link Platform#startup} as it is
     */
    public static int run(LiveSetup setup) throws InterruptedException {
        return run(setup, java.util.Optional.empty());
    }

    /** As {@link #run(LiveSetup)}, as an exhibit when {@code kiosk} is given ({@link Kiosk}). */
    public static int run(LiveSetup setup, java.util.Optional<KioskSettings> kiosk) throws InterruptedException {
        scaleForLargeScreens();
        FX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicReference<AppState> opened = new AtomicReference<>();
        AtomicBoolean closing =
                new AtomicBoolean(); // the window closed, or a signal: whichever comes first closes the state
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            quietRendererAtExit();
            try {
                AppState state = new AppState(setup, Preferences.userRoot().node("dev/pianogenie"), AppState.TAKES);
                Stage stage = new Stage();
                if (kiosk.isPresent()) {
                    Kiosk.show(stage, new MainView(state), kiosk.get());
                } else {
                    MainView.show(stage, new MainView(state));
                }
                stage.setOnHidden(e -> {
                    if (closing.compareAndSet(false, true)) {
                        state.close();
                    }
                    closed.countDown();
                });
                opened.set(state);
                state.start();
            } catch (RuntimeException | Error e) {
                failed.set(e); // said by the command line, once: not a stack trace on the FX thread and exit code 0
                closed.countDown();
            }
        });
        Thread signal = new Thread(
                () -> {
                    AppState state = opened.get();
                    if (state == null) {
                        return; // not open yet: no take to save
                    }
                    if (closing.compareAndSet(false, true)) {
                        // JavaFX shuts down on the signal too (it runs nothing more), so the take is stopped and saved
                        // from here
                        state.close();
                        closed.countDown();
                    }
                    try {
                        closed.await(
                                SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS); // a close under way (the window's) finishes
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "genie-window-signal");
        Runtime.getRuntime().addShutdownHook(signal);
        closed.await();
        try {
            Runtime.getRuntime().removeShutdownHook(signal);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: the window has just been closed for it
        }
        Platform.exit();
        if (failed.get() != null) {
            throw new IllegalStateException("the window could not open", failed.get());
        }
        return 0;
    }

    /**
     * On a signal every shutdown hook starts at once: JavaFX's own shuts its renderer down while a last pulse may still
     * ask it to repaint, and the FX thread's handler prints a RejectedExecutionException stack trace (seen on
     * Ctrl-C; nothing is lost — the take is saved by our hook). Only that exception, only while the JVM is shutting
     * down, is dropped; everything else goes to the handler as before. Called on the FX thread.
     */
    static void quietRendererAtExit() {
        QuietStderrAtExit.install();
        Thread fx = Thread.currentThread();
        if (!(fx.getUncaughtExceptionHandler() instanceof QuietAtExit)) {
            fx.setUncaughtExceptionHandler(new QuietAtExit(fx.getUncaughtExceptionHandler()));
        }
        // the renderer's other threads report through the default handler
        if (!(Thread.getDefaultUncaughtExceptionHandler() instanceof QuietAtExit)) {
            Thread.setDefaultUncaughtExceptionHandler(new QuietAtExit(Thread.getDefaultUncaughtExceptionHandler()));
        }
    }

    /** The default handler that drops a renderer's rejected repaint during shutdown ({@link #quietRendererAtExit}). */
    record QuietAtExit(Thread.UncaughtExceptionHandler before) implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (e instanceof java.util.concurrent.RejectedExecutionException
                    && (shuttingDown() || rejectedByStoppedRenderer(e.getMessage()))) {
                return;
            }
            if (before != null) {
                before.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }
    }

    /**
     * Whether a rejected task's message says JavaFX's renderer had already stopped ("… rejected from
     * com.sun.javafx.tk.quantum.QuantumRenderer@… [Terminated, …]"): a repaint nobody can see any more, asked for by a
     * last pulse while the toolkit exits — seen on a signal even where the JVM's shutdown state could not be told.
     */
    static boolean rejectedByStoppedRenderer(String message) {
        return message != null && message.contains("QuantumRenderer") && message.contains("Terminated");
    }

    /** Whether the JVM is running its shutdown hooks (it then refuses new ones). */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * A screen larger than 1920×1080 that the desktop leaves unscaled (X at 96 dpi: a 4K screen under Xvfb, or a
     * desktop set to 100%) would show every label at a quarter of the window's width-per-letter: on Linux, scale
     * the whole window as a HiDPI desktop does (GTK's own scale, so text, canvases, menus and dialogs stay sharp),
     * in quarter steps — 2× at 3840×2160, 1.25× at 2560×1440. Not when the player or the desktop chose a scale
     * ({@code GDK_SCALE}, {@code -Dglass.gtk.uiScale}), nor where JavaFX scales by itself (Windows, macOS).
     */
    static void scaleForLargeScreens() {
        if (System.getProperty("glass.gtk.uiScale") != null
                || System.getenv("GDK_SCALE") != null
                || !System.getProperty("os.name", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("linux")) {
            return;
        }
        try {
            java.awt.DisplayMode m = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getDefaultScreenDevice()
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
