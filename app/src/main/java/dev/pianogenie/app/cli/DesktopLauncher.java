package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.LiveSetup;

/** Starts the desktop app (JavaFX) on a setup, or explains why it cannot start here. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static int launch(LiveSetup setup) throws InterruptedException {
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if ((display == null || display.isBlank()) && (wayland == null || wayland.isBlank())
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.err.println("genie: no display here (DISPLAY is not set), so the window cannot open.");
            System.err.println("  Play without a window:  ./genie play --headless --controller keyboard --output midi:NAME");
            System.err.println("  (./genie devices lists controllers and MIDI outputs)");
            return 2;
        }
        return dev.pianogenie.app.ui.GenieApp.run(setup);
    }
}
