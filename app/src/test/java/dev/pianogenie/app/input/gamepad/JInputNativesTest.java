package dev.pianogenie.app.input.gamepad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ControllerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why JInput can see no gamepad here, said — and a gamepad source that can never see one refuses to start. */
class JInputNativesTest {

    @Test
    void aLibraryThatIsMissingOrNotALibraryIsSaid(@TempDir Path dir) throws Exception {
        assertTrue(JInputNatives.loadable(dir.resolve("libjinput-linux64.so"))
                .orElseThrow()
                .contains("is missing"));
        Path text = Files.writeString(dir.resolve("libjinput-linux64.so"), "not a library");
        String said = JInputNatives.loadable(text).orElseThrow();
        assertTrue(said.startsWith("JInput's native library cannot be loaded, so no gamepad can be read: "), said);
        assertEquals(
                List.of(), JInputNatives.libraries("Linux", "aarch64"), "the natives jar has no Linux aarch64 build");
        assertEquals(List.of("libjinput-linux64.so"), JInputNatives.libraries("Linux", "amd64"));
    }

    @Test
    void aSourceThatCanNeverSeeAPadRefusesToStartAtOnce() {
        GamepadSource pad = new GamepadSource(FakePadEnvironment::new, Optional.empty(), Optional.of("no library"));
        ButtonListener ignore = event -> {};
        ControllerException e = assertThrows(ControllerException.class, () -> pad.start(ignore));
        assertEquals("gamepads cannot work here: no library", e.getMessage());
    }
}
