package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.files.ErrorText;

/** Starts the desktop app (JavaFX) on a setup, or explains in a line or three why it cannot start here. */
final class DesktopLauncher {
    /** Exit code when there is no display to open the window on. */
    static final int NO_DISPLAY = 2;

    private DesktopLauncher() {}

    static int launch(LiveSetup setup) throws InterruptedException {
        return launch(setup, java.util.Optional.empty());
    }

    static int launch(LiveSetup setup, java.util.Optional<dev.pianogenie.app.ui.KioskSettings> kiosk)
            throws InterruptedException {
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        String command = System.getProperty("genie.command", "./genie");
        String headless = command + " play --headless --controller keyboard --output midi:NAME";
        if ((display == null || display.isBlank())
                && (wayland == null || wayland.isBlank())
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.err.println("genie: no display here (DISPLAY is not set), so the window cannot open.");
            System.err.println("  Play without a window:  " + headless);
            System.err.println("  (" + command + " devices lists controllers and MIDI outputs)");
            return NO_DISPLAY;
        }
        try {
            return dev.pianogenie.app.ui.GenieApp.run(setup, kiosk);
        } catch (UnsupportedOperationException e) {
            // JavaFX could not start its toolkit: no X server answers at $DISPLAY (or may not be used), or no GTK
            String where = display == null || display.isBlank()
                    ? "WAYLAND_DISPLAY=" + wayland + " without DISPLAY (the window needs X: XWayland)"
                    : "DISPLAY=" + display;
            System.err.println("genie: the window cannot open on " + where + " (" + ErrorText.describe(e)
                    + "); play without a window: " + headless);
            return NO_DISPLAY;
        }
    }
}
