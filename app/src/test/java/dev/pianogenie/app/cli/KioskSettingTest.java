package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.ui.KioskSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The exhibition mode from the command line and from the machine's kiosk setting; bad values are one line. */
class KioskSettingTest {
    @TempDir
    Path config;

    @AfterEach
    void forget() {
        System.clearProperty("pianogenie.config");
    }

    Optional<KioskSettings> kiosk(String... args) {
        System.setProperty("pianogenie.config", config.toString());
        CommandLine cli = new CommandLine(new PlayCommand());
        cli.parseArgs(args);
        return ((PlayCommand) cli.getCommand()).kioskSettings();
    }

    @Test
    void theCommandLineOrTheSettingTurnsItOnAndTheCommandLineWins() throws Exception {
        assertEquals(Optional.empty(), kiosk(), "no --kiosk, no setting: the window as ever");
        KioskSettings k = kiosk("--kiosk", "--lang", "de", "--kiosk-idle", "30").orElseThrow();
        assertEquals(Locale.GERMAN.getLanguage(), k.locale().getLanguage());
        assertEquals(Duration.ofSeconds(30), k.idle());
        assertEquals(KioskSettings.DEFAULT_QUIT, k.quitKeys());
        Path demo = Files.writeString(config.resolve("demo.session.jsonl"), "");
        Files.writeString(
                config.resolve("kiosk.properties"),
                "kiosk=on\nlang=de\nidle=90\nattract=" + demo + "\nquit=Ctrl+Shift+F12\n");
        KioskSettings saved = kiosk().orElseThrow();
        assertEquals("de", saved.locale().getLanguage());
        assertEquals(Duration.ofSeconds(90), saved.idle());
        assertEquals(Optional.of(demo), saved.attract());
        assertEquals("Ctrl+Shift+F12", saved.quitKeys());
        KioskSettings over = kiosk("--lang", "en", "--kiosk-idle", "20").orElseThrow();
        assertEquals("en", over.locale().getLanguage());
        assertEquals(Duration.ofSeconds(20), over.idle());
        assertEquals(Optional.empty(), kiosk("--headless"), "headless has no window: the setting is not for it");
    }

    @Test
    void badValuesAreOneLineNamingWhatIsWrong() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kiosk("--lang", "de"))
                .getMessage()
                .contains("add --kiosk"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kiosk("--kiosk", "--lang", "fr"))
                .getMessage()
                .contains("en, de"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kiosk("--kiosk", "--kiosk-quit", "Ctrl+Banana"))
                .getMessage()
                .contains("not a key combination"));
        assertThrows(
                IllegalArgumentException.class,
                () -> kiosk("--kiosk", "--kiosk-quit", "Q"),
                "one key alone: a visitor would quit");
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> kiosk("--kiosk", "--attract", "/nope.session.jsonl"))
                        .getMessage()
                        .contains("no session file at /nope.session.jsonl"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kiosk("--kiosk", "--headless"))
                .getMessage()
                .contains("headless"));
        Files.writeString(config.resolve("kiosk.properties"), "kiosk=yes please\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kiosk())
                .getMessage()
                .contains("kiosk must be on or off"));
        Files.writeString(config.resolve("kiosk.properties"), "kiosk=on\nidel=3\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> kiosk())
                .getMessage()
                .contains("unknown line 'idel'"));
    }
}
