package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The window's scale on an unscaled large screen: laid out as on 1920×1080, in quarter steps. */
class GenieAppTest {
    @Test
    void largeUnscaledScreensAreScaledAsAHiDpiDesktopWould() {
        assertEquals(1.0, GenieApp.uiScale(1024, 600));
        assertEquals(1.0, GenieApp.uiScale(1920, 1080));
        assertEquals(1.0, GenieApp.uiScale(2400, 1080), "the shorter side decides");
        assertEquals(1.25, GenieApp.uiScale(2560, 1440));
        assertEquals(2.0, GenieApp.uiScale(3840, 2160));
        assertEquals(4.0, GenieApp.uiScale(7680, 4320));
    }

    @Test
    void onlyARejectedRepaintDuringShutdownIsDropped() {
        java.util.List<Throwable> reported = new java.util.ArrayList<>();
        GenieApp.QuietAtExit handler = new GenieApp.QuietAtExit((t, e) -> reported.add(e));
        org.junit.jupiter.api.Assertions.assertFalse(GenieApp.shuttingDown(), "a running test is not a shutdown");
        handler.uncaughtException(
                Thread.currentThread(), new java.util.concurrent.RejectedExecutionException("repaint"));
        handler.uncaughtException(Thread.currentThread(), new IllegalStateException("a real failure"));
        assertEquals(2, reported.size(), "outside a shutdown everything is reported as before: " + reported);
    }
}
