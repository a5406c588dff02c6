package dev.pianogenie.app.input.gamepad;

import dev.pianogenie.app.input.ControllerSettings;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import net.java.games.input.Component;
import net.java.games.input.Controller;

/**
 * Which pad buttons are the 8 buttons (low to high) and the pedal, by component name. The default suits
 * common pads: left triggers low, the four face buttons in the middle, right triggers high, Select as the
 * pedal; pads without those names use their first 8 buttons and the 9th as pedal. A learnt mapping is saved
 * per controller name ({@link ControllerSettings}, folder {@code gamepads}).
 */
public record GamepadMapping(List<String> buttons, String pedal) {
    static final String KIND = "gamepads";
    /** The usual Linux evdev names JInput gives: LT, LB, X, A, B, Y, RB, RT. */
    static final List<Component.Identifier.Button> PAD_ORDER = List.of(
            Component.Identifier.Button.LEFT_THUMB2,
            Component.Identifier.Button.LEFT_THUMB,
            Component.Identifier.Button.X,
            Component.Identifier.Button.A,
            Component.Identifier.Button.B,
            Component.Identifier.Button.Y,
            Component.Identifier.Button.RIGHT_THUMB,
            Component.Identifier.Button.RIGHT_THUMB2);

    public GamepadMapping {
        buttons = List.copyOf(buttons);
        if (buttons.size() != Keys.DEFAULT_BUTTONS || new HashSet<>(buttons).size() != Keys.DEFAULT_BUTTONS) {
            throw new IllegalArgumentException("a gamepad mapping needs 8 different buttons, got " + buttons);
        }
        if (pedal != null && buttons.contains(pedal)) {
            throw new IllegalArgumentException("the pedal " + pedal + " is also one of the 8 buttons " + buttons);
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
                if (generic.size() < Keys.DEFAULT_BUTTONS) {
                    generic.add(comp.getName());
                } else if (pedal == null) {
                    pedal = comp.getName();
                }
            }
        }
        if (generic.size() < Keys.DEFAULT_BUTTONS) {
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

    /** The mapping learnt for a controller, if one was saved; a damaged file is an error that names it. */
    public static Optional<GamepadMapping> saved(String controllerName) throws IOException {
        return ControllerSettings.load(KIND, controllerName, GamepadMapping.class);
    }

    /** Saves this mapping for a controller (atomically), replacing any earlier one. */
    public void save(String controllerName) throws IOException {
        ControllerSettings.save(KIND, controllerName, this);
    }

    /** "LT LB X A B Y RB RT, pedal Select". */
    public String describe() {
        return String.join(" ", buttons) + (pedal != null ? ", pedal " + pedal : ", no pedal");
    }
}
