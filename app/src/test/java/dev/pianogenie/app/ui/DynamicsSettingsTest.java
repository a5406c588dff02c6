package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's dynamics and fixed velocity are remembered like its other settings; the command line's win. */
class DynamicsSettingsTest {

    /** A model folder the test has everywhere (the shipped one is beside the repository, not the module). */
    private static String model() {
        return dev.pianogenie.testkit.SharedData.tutorialModel().toString();
    }

    @Test
    void dynamicsAndAFixedVelocityAreRememberedAndTheCommandLineWins(@TempDir Path takes) {
        Preferences prefs = Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime());
        try (AppState first = new AppState(PlayCommand.setupFrom("--model", model()), prefs, takes)) {
            assertEquals(80, first.dynamics().get(), "mf the first time");
            assertTrue(!first.velocityFixed().get(), "the genie's own velocity the first time");
            first.nudgeDynamics(1); // → f
            first.setVelocity(101);
            first.setVelocityFixed(true);
        }
        try (AppState again = new AppState(PlayCommand.setupFrom("--model", model()), prefs, takes)) {
            assertEquals(96, again.dynamics().get());
            assertTrue(again.velocityFixed().get());
            assertEquals(101, again.velocity().get());
        }
        try (AppState chosen =
                new AppState(PlayCommand.setupFrom("--model", model(), "--dynamics", "pp"), prefs, takes)) {
            assertEquals(32, chosen.dynamics().get(), "--dynamics wins over last time");
            assertTrue(chosen.velocityFixed().get(), "what the command line did not set comes from last time");
        }
        try (AppState fixed =
                new AppState(PlayCommand.setupFrom("--model", model(), "--velocity", "64"), prefs, takes)) {
            assertTrue(fixed.velocityFixed().get());
            assertEquals(64, fixed.velocity().get());
        }
    }

    @Test
    void theRollDrawsALouderNoteBrighter() {
        double last = -1;
        for (int v = 1; v <= 127; v += 7) {
            double b = PianoRoll.velocityColour(v).getBrightness();
            assertTrue(b > last, "velocity " + v);
            last = b;
        }
        assertTrue(
                PianoRoll.velocityColour(127).getBrightness()
                                - PianoRoll.velocityColour(20).getBrightness()
                        > 0.5,
                "pp and ff are told apart at a glance");
    }
}
