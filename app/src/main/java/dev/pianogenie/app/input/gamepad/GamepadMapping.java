package dev.pianogenie.app.input.gamepad;

import dev.pianogenie.app.input.ControllerSettings;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.java.games.input.Component;

/**
 * Which pad buttons are the model's buttons (low to high) and the pedal, by component name. The defaults are
 * {@link DefaultGamepadMapping}'s. A learnt mapping is saved per controller name and number of buttons
 * ({@link ControllerSettings}, folder {@code gamepads}): a pad learnt for a 4-button model keeps its 8-button mapping.
 * The mapping of a pad with fewer buttons than the model may hold fewer: the pad plays the lowest ones.
 */
public record GamepadMapping(List<String> buttons, String pedal) {
    static final String KIND = "gamepads";

    public GamepadMapping {
        buttons = List.copyOf(buttons);
        if (buttons.isEmpty() || buttons.size() > Keys.MAX_BUTTONS || new HashSet<>(buttons).size() != buttons.size()) {
            throw new IllegalArgumentException(
                    "a gamepad mapping needs 1.." + Keys.MAX_BUTTONS + " different buttons, got " + buttons);
        }
        if (pedal != null && buttons.contains(pedal)) {
            throw new IllegalArgumentException("the pedal " + pedal + " is also one of the buttons " + buttons);
        }
    }

    /** How many of the model's buttons the pad plays. */
    public int count() {
        return buttons.size();
    }

    /** The button 0..count-1 of a component, -1 if none. */
    public int button(Component c) {
        return buttons.indexOf(c.getName());
    }

    public boolean isPedal(Component c) {
        return pedal != null && pedal.equals(c.getName());
    }

    /**
     * The mapping learnt for a controller and a model of {@code numButtons}, if one was saved (of fewer buttons where
     * the pad has fewer); a damaged file, or one of more buttons, is an error that names it.
     */
    public static Optional<GamepadMapping> saved(String controllerName, int numButtons) throws IOException {
        Optional<GamepadMapping> m =
                ControllerSettings.load(KIND, settingsName(controllerName, numButtons), GamepadMapping.class);
        if (m.isPresent() && m.get().count() > numButtons) {
            throw new IOException(
                    "the saved mapping " + ControllerSettings.file(KIND, settingsName(controllerName, numButtons))
                            + " has " + m.get().count() + " buttons, more than the model's " + numButtons
                            + "; learn the controller again to replace it, or delete the file");
        }
        return m;
    }

    /** The counts a mapping was learnt for on this controller, lowest first. */
    public static List<Integer> learntCounts(String controllerName) {
        return IntStream.rangeClosed(Keys.MIN_BUTTONS, Keys.MAX_BUTTONS)
                .filter(n -> Files.isRegularFile(ControllerSettings.file(KIND, settingsName(controllerName, n))))
                .boxed()
                .toList();
    }

    /**
     * Saves this mapping for a controller and a model of {@code numButtons} (at least its own count: a pad short of
     * buttons learns fewer), atomically, replacing any earlier one of that count.
     */
    public void save(String controllerName, int numButtons) throws IOException {
        if (count() > numButtons) {
            throw new IllegalArgumentException(count() + " buttons learnt for a model of " + numButtons);
        }
        ControllerSettings.save(KIND, settingsName(controllerName, numButtons), this);
    }

    /**
     * The settings name of a controller's mapping for a count: the controller's name for 8, so the files saved before
     * models had other counts (8 buttons, named after the pad) load unchanged; "NAME 4 buttons" for another count.
     */
    static String settingsName(String controllerName, int numButtons) {
        return numButtons == Keys.DEFAULT_BUTTONS ? controllerName : controllerName + " " + numButtons + " buttons";
    }

    /** "LT LB X A B Y RB RT, pedal Select". */
    public String describe() {
        return String.join(" ", buttons) + (pedal != null ? ", pedal " + pedal : ", no pedal");
    }
}
