package dev.pianogenie.app.input.gamepad;

import dev.pianogenie.model.Keys;
import java.util.ArrayList;
import java.util.List;
import net.java.games.input.Component;
import net.java.games.input.Component.Identifier.Button;
import net.java.games.input.Controller;

/**
 * The mapping a pad gets before one is learnt, for a model of n buttons. Common pads (those with the usual Linux evdev
 * names) play the 8-button model with left triggers low, the four face buttons in the middle, right triggers high, and
 * Select as the pedal; other counts start from that row (see {@link #forButtons}). Pads without those names use their
 * first n buttons and the next as the pedal.
 */
public final class DefaultGamepadMapping {
    /** The 8 buttons, low to high: LT, LB, X, A, B, Y, RB, RT. */
    static final List<Button> PAD_ORDER = List.of(
            Button.LEFT_THUMB2,
            Button.LEFT_THUMB,
            Button.X,
            Button.A,
            Button.B,
            Button.Y,
            Button.RIGHT_THUMB,
            Button.RIGHT_THUMB2);

    /** Beyond the 8, first: the stick clicks, Start, Mode, then C and Z of six-button pads. */
    static final List<Button> FURTHER =
            List.of(Button.LEFT_THUMB3, Button.RIGHT_THUMB3, Button.START, Button.MODE, Button.C, Button.Z);

    /** How other counts differ from the 8-button default, in a few words ({@code genie devices} has no model). */
    public static final String OTHER_COUNTS = "a model of fewer buttons plays the middle of these, one of more adds the"
            + " pad's further buttons above them (Learn… or --learn learns each count)";

    private DefaultGamepadMapping() {}

    /**
     * The default for a model of {@code n} buttons. Fewer than 8: the middle n of the 8-button row (4 = the face
     * buttons X A B Y): the face buttons are under the right thumb where every pad player rests, and the shoulders join
     * in pairs outward as the count grows, still low to high. More than 8: the 8 where an 8-button player knows them,
     * then further buttons above them ({@link #FURTHER}, then any other the pad has) — never the pedal. A pad with too
     * few buttons gets a mapping of fewer than n: it plays the lowest of the model's buttons.
     */
    public static GamepadMapping forButtons(Controller c, int n) {
        Keys.checkButtonCount(n);
        List<String> row = names(c, PAD_ORDER);
        if (row.size() == PAD_ORDER.size()) {
            Component select = c.getComponent(Button.SELECT);
            String pedal = select == null ? null : select.getName();
            if (n <= row.size()) {
                int from = (row.size() - n) / 2;
                return new GamepadMapping(row.subList(from, from + n), pedal);
            }
            List<String> more = new ArrayList<>(row);
            more.addAll(names(c, FURTHER));
            for (Component comp : digitalButtons(c)) {
                if (!more.contains(comp.getName()) && !comp.getName().equals(pedal)) {
                    more.add(comp.getName());
                }
            }
            return new GamepadMapping(more.subList(0, Math.min(n, more.size())), pedal);
        }
        List<String> generic = new ArrayList<>();
        String pedal = null;
        for (Component comp : digitalButtons(c)) {
            if (generic.size() < n) {
                generic.add(comp.getName());
            } else if (pedal == null) {
                pedal = comp.getName();
            }
        }
        if (generic.isEmpty()) {
            throw new IllegalArgumentException(c.getName() + " has no buttons");
        }
        return new GamepadMapping(generic, pedal);
    }

    /** What a mapping short of the model's count means, in one line; empty if it plays every button. */
    static String shortOf(String pad, GamepadMapping m, int n) {
        if (m.count() >= n) {
            return "";
        }
        int missing = m.count() + 1;
        return pad + " has buttons for " + m.count() + " of the model's " + n + ": it plays buttons 1–" + m.count()
                + " (" + (missing == n ? String.valueOf(n) : missing + "–" + n)
                + " only from the keyboard or the screen)";
    }

    private static List<String> names(Controller c, List<Button> ids) {
        List<String> names = new ArrayList<>();
        for (Button id : ids) {
            Component comp = c.getComponent(id);
            if (comp != null) {
                names.add(comp.getName());
            }
        }
        return names;
    }

    static List<Component> digitalButtons(Controller c) {
        List<Component> buttons = new ArrayList<>();
        for (Component comp : c.getComponents()) {
            if (comp.getIdentifier() instanceof Component.Identifier.Button && !comp.isAnalog()) {
                buttons.add(comp);
            }
        }
        return buttons;
    }
}
