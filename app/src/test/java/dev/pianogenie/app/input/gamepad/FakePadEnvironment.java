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
 * A JInput controller environment holding one scripted 8-button pad (no virtual gamepad is possible here):
 * JInput's own polling and event queue run for real; only the device underneath is scripted. Also usable
 * through {@code -Djinput.plugins=dev.pianogenie.app.input.gamepad.FakePadEnvironment}.
 */
public final class FakePadEnvironment extends ControllerEnvironment {
    /** The pad of the environments made from now on (JInput keeps button states: a test starts with a new one). */
    public static volatile FakePad PAD = new FakePad();

    static volatile boolean plugged = true;

    /** A new pad, all buttons up, plugged in. */
    public static void freshPad() {
        PAD = new FakePad();
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

    /** A pad with the usual evdev button names, and an analog right trigger (axis rz, index {@link #TRIGGER}). */
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
        final ConcurrentLinkedQueue<float[]> script = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        public static final int TRIGGER = IDS.length;

        FakePad() {
            super("Fake Pad 8", buttons(), new Controller[0], new Rumbler[0]);
        }

        static Component[] buttons() {
            Component[] c = new Component[IDS.length + 1];
            c[TRIGGER] = new AbstractComponent("rz", Component.Identifier.Axis.RZ) {
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
            for (int i = 0; i < IDS.length; i++) {
                String name = IDS[i].getName();
                c[i] = new AbstractComponent(name, IDS[i]) {
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

        /** Scripts a button (index into {@link #IDS}) going down or up at {@code nanos} (device clock). */
        public void press(int index, boolean down, long nanos) {
            times.add(nanos);
            script.add(new float[] {index, down ? 1f : 0f});
        }

        /** Scripts the analog trigger moving to {@code value} (−1 at rest … 1) at {@code nanos}. */
        public void trigger(float value, long nanos) {
            times.add(nanos);
            script.add(new float[] {TRIGGER, value});
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
