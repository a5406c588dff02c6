package dev.pianogenie.app.input.gamepad;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.java.games.input.AbstractComponent;
import net.java.games.input.AbstractController;
import net.java.games.input.Component;
import net.java.games.input.Controller;
import net.java.games.input.ControllerEnvironment;
import net.java.games.input.Event;
import net.java.games.input.Rumbler;

/**
 * A JInput controller environment holding one scripted pad (8 buttons and Select, or a bigger one) (no virtual gamepad is possible here):
 * JInput's own polling and event queue run for real; only the device underneath is scripted. Also usable
 * through {@code -Djinput.plugins=dev.pianogenie.app.input.gamepad.FakePadEnvironment}.
 */
public final class FakePadEnvironment extends ControllerEnvironment {
    /** The pad of the environments made from now on (JInput keeps button states: a test starts with a new one). */
    public static volatile FakePad PAD = new FakePad();

    static volatile boolean plugged = true;

    /** A new pad, all buttons up, plugged in. */
    public static void freshPad() {
        freshPad(new FakePad());
    }

    /** This pad, plugged in. */
    public static void freshPad(FakePad pad) {
        PAD = pad;
        plugged = true;
    }

    @Override
    public Controller[] getControllers() {
        return plugged ? new Controller[] {PAD} : new Controller[0];
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    /** A pad with the usual evdev button names, and an analog right trigger (axis rz, the last component). */
    public static final class FakePad extends AbstractController {
        static final Component.Identifier.Button[] IDS = {
            Component.Identifier.Button.LEFT_THUMB2,
            Component.Identifier.Button.LEFT_THUMB,
            Component.Identifier.Button.X,
            Component.Identifier.Button.A,
            Component.Identifier.Button.B,
            Component.Identifier.Button.Y,
            Component.Identifier.Button.RIGHT_THUMB,
            Component.Identifier.Button.RIGHT_THUMB2,
            Component.Identifier.Button.SELECT
        };
        /** Buttons a bigger pad has beyond {@link #IDS} (indices 9..12): stick clicks, Start, Mode. */
        static final Component.Identifier.Button[] MORE = {
            Component.Identifier.Button.LEFT_THUMB3,
            Component.Identifier.Button.RIGHT_THUMB3,
            Component.Identifier.Button.START,
            Component.Identifier.Button.MODE
        };

        final ConcurrentLinkedQueue<float[]> script = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        /** The index of the analog trigger: after the buttons. */
        private final int trigger;

        FakePad() {
            this("Fake Pad 8", IDS);
        }

        FakePad(String name, Component.Identifier.Button[] ids) {
            super(name, buttons(ids), new Controller[0], new Rumbler[0]);
            trigger = ids.length;
        }

        /** "Fake Pad 13": the 8 buttons and Select of {@link #IDS}, then {@link #MORE}. */
        public static FakePad bigger() {
            Component.Identifier.Button[] ids = java.util.Arrays.copyOf(IDS, IDS.length + MORE.length);
            System.arraycopy(MORE, 0, ids, IDS.length, MORE.length);
            return new FakePad("Fake Pad 13", ids);
        }

        static Component[] buttons(Component.Identifier.Button[] ids) {
            Component[] c = new Component[ids.length + 1];
            c[ids.length] = new AbstractComponent("rz", Component.Identifier.Axis.RZ) {
                @Override
                protected float poll() {
                    return -1;
                }

                @Override
                public boolean isAnalog() {
                    return true;
                }

                @Override
                public boolean isRelative() {
                    return false;
                }
            };
            for (int i = 0; i < ids.length; i++) {
                String name = ids[i].getName();
                c[i] = new AbstractComponent(name, ids[i]) {
                    @Override
                    protected float poll() {
                        return 0;
                    }

                    @Override
                    public boolean isRelative() {
                        return false;
                    }
                };
            }
            return c;
        }

        @Override
        public Type getType() {
            return Type.GAMEPAD;
        }

        /** Scripts a button (index into its buttons: {@link #IDS}, then {@link #MORE}) going down or up at {@code nanos} (device clock). */
        public void press(int index, boolean down, long nanos) {
            times.add(nanos);
            script.add(new float[] {index, down ? 1f : 0f});
        }

        /** Scripts the analog trigger moving to {@code value} (−1 at rest … 1) at {@code nanos}. */
        public void trigger(float value, long nanos) {
            times.add(nanos);
            script.add(new float[] {trigger, value});
        }

        @Override
        protected void pollDevice() throws IOException {
            if (!plugged) {
                throw new IOException("device unplugged");
            }
        }

        @Override
        protected boolean getNextDeviceEvent(Event event) {
            float[] next = script.poll();
            if (next == null) {
                return false;
            }
            event.set(getComponents()[(int) next[0]], next[1], times.poll());
            return true;
        }
    }

    /** Plugs the pad out, or in: plugged back in, it is a new object, as a new enumeration of a real pad is. */
    public static void plug(boolean in) {
        if (in && !plugged) {
            PAD = new FakePad();
        }
        plugged = in;
    }
}
