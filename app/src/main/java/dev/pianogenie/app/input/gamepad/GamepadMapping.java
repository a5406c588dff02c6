package dev.pianogenie.app.input.gamepad;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import net.java.games.input.Component;
import net.java.games.input.Controller;

/**
 * Which pad buttons are the 8 buttons (low to high) and the pedal, by component name. The default suits
 * common pads: left triggers low, the four face buttons in the middle, right triggers high, Select as the
 * pedal; pads without those names use their first 8 buttons and the 9th as pedal. A learnt mapping is saved
 * per controller name under {@code ~/.config/piano-genie/gamepads/}.
 */
public record GamepadMapping(List<String> buttons, String pedal) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The usual Linux evdev names JInput gives: LT, LB, X, A, B, Y, RB, RT. */
    static final List<Component.Identifier.Button> PAD_ORDER = List.of(
            Component.Identifier.Button.LEFT_THUMB2, Component.Identifier.Button.LEFT_THUMB,
            Component.Identifier.Button.X, Component.Identifier.Button.A, Component.Identifier.Button.B,
            Component.Identifier.Button.Y, Component.Identifier.Button.RIGHT_THUMB, Component.Identifier.Button.RIGHT_THUMB2);

    public GamepadMapping {
        buttons = List.copyOf(buttons);
        if (buttons.size() != Keys.NUM_BUTTONS) {
            throw new IllegalArgumentException("a gamepad mapping needs 8 buttons, got " + buttons);
        }
    }

    /** The default for a controller. */
    public static GamepadMapping defaultFor(Controller c) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Component.Identifier.Button id : PAD_ORDER) {
            Component comp = c.getComponent(id);
            if (comp == null) {
                names = null;
                break;
            }
            names.add(comp.getName());
        }
        if (names != null) {
            Component select = c.getComponent(Component.Identifier.Button.SELECT);
            return new GamepadMapping(names, select == null ? null : select.getName());
        }
        java.util.List<String> generic = new java.util.ArrayList<>();
        String pedal = null;
        for (Component comp : c.getComponents()) {
            if (comp.getIdentifier() instanceof Component.Identifier.Button && !comp.isAnalog()) {
                if (generic.size() < Keys.NUM_BUTTONS) {
                    generic.add(comp.getName());
                } else if (pedal == null) {
                    pedal = comp.getName();
                }
            }
        }
        if (generic.size() < Keys.NUM_BUTTONS) {
            throw new IllegalArgumentException(c.getName() + " has only " + generic.size() + " buttons; 8 are needed");
        }
        return new GamepadMapping(generic, pedal);
    }

    /** The button 0..7 of a component, -1 if none. */
    public int button(Component c) {
        return buttons.indexOf(c.getName());
    }

    public boolean isPedal(Component c) {
        return pedal != null && pedal.equals(c.getName());
    }

    static Path file(String controllerName) {
        String safe = controllerName.replaceAll("[^A-Za-z0-9._-]+", "_");
        String configured = System.getProperty("pianogenie.config");
        Path base = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".config", "piano-genie");
        return base.resolve("gamepads").resolve(safe + ".json");
    }

    /** The learnt mapping of a controller, if one was saved. */
    public static Optional<GamepadMapping> saved(String controllerName) {
        Path f = file(controllerName);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), GamepadMapping.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged mapping file: the default applies, learn again to replace it
        }
    }

    public void save(String controllerName) throws IOException {
        Path f = file(controllerName);
        Files.createDirectories(f.getParent());
        Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".part");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

}
