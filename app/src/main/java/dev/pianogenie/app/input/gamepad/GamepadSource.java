package dev.pianogenie.app.input.gamepad;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.LearnsButtons;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.java.games.input.Component;
import net.java.games.input.Controller;
import net.java.games.input.ControllerEnvironment;
import net.java.games.input.Event;
import net.java.games.input.EventQueue;

/**
 * A gamepad or joystick through JInput. A polling thread reads the controller's event queue every
 * {@link #POLL_NANOS} (so polling adds at most a millisecond) and turns its button events — with their own
 * timestamps — into presses and releases. Without a pad it looks again every {@link #RESCAN_MILLIS}; an
 * unplugged pad is reported (the performer releases its notes) and play resumes when it comes back.
 * It plays the model's number of buttons ({@link #useButtons}): a learn mode records which physical buttons are those
 * buttons and the pedal, saved per pad and count; until then {@link DefaultGamepadMapping} chooses them.
 *
 * <p>The pad's analog right trigger ({@link #DYNAMICS_AXIS}, JInput's axis {@code rz}: the right trigger of Xbox-style
 * pads on Linux) is the dynamics, like an expression pedal: at rest pp, pulled all the way ff
 * ({@link #level}). It sends a change only when the trigger moves (a pad never touched leaves the window's or the
 * command line's dynamics alone) and by {@link #LEVEL_STEP} or more (an analog axis jitters).
 */
public final class GamepadSource implements ButtonSource, LearnsButtons {
    public static final long POLL_NANOS = 1_000_000L;
    public static final long RESCAN_MILLIS = 2000;
    private static final long CLOCK_SYNC_NANOS = 1_000_000_000L;
    /** The axis that is the dynamics. */
    public static final Component.Identifier.Axis DYNAMICS_AXIS = Component.Identifier.Axis.RZ;
    /** The smallest change of dynamics level sent from the axis (of the 80 from pp to ff). */
    public static final int LEVEL_STEP = 2;

    private int lastLevel = -1; // poll thread

    private final Supplier<ControllerEnvironment> rescan;
    private final Optional<String> wanted;
    private final Optional<String> unavailable;
    private volatile long wallToNano;
    private volatile Controller controller;
    private volatile boolean polled;
    private volatile GamepadMapping mapping;
    /** The model's count: set before {@link #start} (a new model gets a new source). */
    private volatile int numButtons = Keys.DEFAULT_BUTTONS;
    /** Whether a press of a button that plays nothing was explained since the pad connected (poll thread). */
    private boolean toldUnmapped;

    private volatile Consumer<Component> learner;
    private volatile boolean running;
    private Thread thread;
    private ButtonListener listener;

    /**
     * @param environments an enumeration of controllers each call (JInput's default environment never notices
     *                     new pads; a new {@code DefaultControllerEnvironment} does)
     * @param wanted       a controller name (or part of it); empty = the first gamepad, else the first stick
     */
    public GamepadSource(Supplier<ControllerEnvironment> environments, Optional<String> wanted) {
        this(environments, wanted, Optional.empty());
    }

    /** @param unavailable why no pad can ever be seen here (then {@link #start} refuses at once rather than wait) */
    GamepadSource(Supplier<ControllerEnvironment> environments, Optional<String> wanted, Optional<String> unavailable) {
        this.rescan = environments;
        this.wanted = wanted;
        this.unavailable = unavailable;
        syncClocks();
    }

    /** JInput's own environments (its native library extracted first), enumerated again only after a plug or unplug. */
    public static GamepadSource system(Optional<String> wanted) {
        Optional<String> unavailable = JInputNatives.ensure();
        return new GamepadSource(
                rescanOnChange(
                        ControllerEnvironment::getDefaultEnvironment,
                        GamepadSource::freshEnvironment,
                        new DeviceNodes(Path.of("/dev/input"))),
                wanted,
                unavailable);
    }

    /**
     * The first environment, then a fresh one only when the device folder changed. JInput keeps every device of an
     * enumeration open until the JVM exits, so enumerating every few seconds while no pad is plugged in would leak
     * file handles for hours; where there is no device folder to watch (Windows, macOS) it enumerates each time.
     */
    static Supplier<ControllerEnvironment> rescanOnChange(
            Supplier<ControllerEnvironment> first, Supplier<ControllerEnvironment> fresh, DeviceNodes nodes) {
        return new Supplier<>() {
            private ControllerEnvironment current;

            @Override
            public synchronized ControllerEnvironment get() {
                boolean changed = nodes.changed();
                if (current == null) {
                    current = first.get();
                } else if (changed || !nodes.watchable()) {
                    current = fresh.get();
                }
                return current;
            }
        };
    }

    /**
     * A new enumeration of the system's controllers. JInput's class for it is package-private (its constructor
     * is public): reached by reflection, falling back to the default environment.
     */
    static ControllerEnvironment freshEnvironment() {
        try {
            var ctor = Class.forName("net.java.games.input.DefaultControllerEnvironment")
                    .getDeclaredConstructor();
            ctor.setAccessible(true);
            return (ControllerEnvironment) ctor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return ControllerEnvironment.getDefaultEnvironment();
        }
    }

    /** Every controller, by name and type. */
    public static List<String> list(ControllerEnvironment env) {
        List<String> names = new ArrayList<>();
        for (Controller c : env.getControllers()) {
            names.add(c.getName() + " (" + c.getType() + ", " + digitalButtons(c) + " buttons)");
        }
        return names;
    }

    /**
     * Every controller, one line each, with the buttons it would play an 8-button model with (for
     * {@code genie devices}, which has no model): its learnt mapping or the default.
     */
    public static List<String> devices(ControllerEnvironment env) {
        List<String> lines = new ArrayList<>();
        for (Controller c : env.getControllers()) {
            String line = c.getName() + " (" + c.getType() + ", " + digitalButtons(c) + " buttons)";
            if (digitalButtons(c) >= Keys.DEFAULT_BUTTONS) {
                line += ": " + forDefaultModel(c) + "; " + DefaultGamepadMapping.OTHER_COUNTS;
            }
            lines.add(line);
        }
        return lines;
    }

    private static String forDefaultModel(Controller c) {
        String buttons;
        try {
            buttons = GamepadMapping.saved(c.getName(), Keys.DEFAULT_BUTTONS)
                    .map(m -> m.describe() + " (learnt)")
                    .orElseGet(() -> DefaultGamepadMapping.forButtons(c, Keys.DEFAULT_BUTTONS)
                                    .describe()
                            + " (default)");
        } catch (IOException e) {
            buttons =
                    DefaultGamepadMapping.forButtons(c, Keys.DEFAULT_BUTTONS).describe() + " (" + e.getMessage() + ")";
        }
        List<Integer> learnt = GamepadMapping.learntCounts(c.getName()).stream()
                .filter(n -> n != Keys.DEFAULT_BUTTONS)
                .toList();
        return "the default 8-button model plays " + buttons
                + (learnt.isEmpty()
                        ? ""
                        : "; learnt also for "
                                + learnt.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " buttons");
    }

    /** What the controllers seen now are, for a message: each with its type and buttons, or that there are none. */
    public String found() {
        return found(rescan.get());
    }

    String found(ControllerEnvironment env) {
        List<String> all = list(env);
        if (all.isEmpty()) {
            return "JInput sees no game controller at all";
        }
        return "JInput sees " + String.join(", ", all) + " (a gamepad needs at least " + fewestButtons() + " buttons)";
    }

    /**
     * The fewest buttons of a controller taken for a pad: the model's count, at most 8 (a mouse or a pedal box has
     * fewer; a pad of 8 or more plays a bigger model as far as it can).
     */
    private int fewestButtons() {
        return Math.min(numButtons, Keys.DEFAULT_BUTTONS);
    }

    /** Whether a pad is connected now and has answered a poll (one that is listed but fails is not). */
    public boolean connected() {
        return controller != null && polled;
    }

    static int digitalButtons(Controller c) {
        return DefaultGamepadMapping.digitalButtons(c).size();
    }

    @Override
    public void useButtons(int n) {
        numButtons = Keys.checkButtonCount(n);
    }

    @Override
    public String name() {
        Controller c = controller;
        return "gamepad"
                + (c != null ? " " + c.getName() : wanted.map(w -> " " + w).orElse(""));
    }

    public Optional<GamepadMapping> mapping() {
        return Optional.ofNullable(mapping);
    }

    @Override
    public void start(ButtonListener l) throws ControllerException {
        if (unavailable.isPresent()) {
            throw new ControllerException("gamepads cannot work here: " + unavailable.get());
        }
        this.listener = l;
        ControllerEnvironment env = rescan.get();
        Controller c = find(env, null);
        if (c == null && wanted.isPresent()) {
            throw new ControllerException("no gamepad named '" + wanted.get() + "': " + found(env)
                    + "; check that it is plugged in and that you may read /dev/input/event*");
        }
        if (c != null) {
            connect(c);
        } else {
            l.onConnection(name(), false, "no gamepad yet: plug one in (the keyboard plays)");
        }
        running = true;
        thread = new Thread(this::run, "gamepad-poll");
        thread.setDaemon(true);
        thread.start();
    }

    private Controller find(ControllerEnvironment env, Controller skip) {
        Controller stick = null;
        for (Controller c : env.getControllers()) {
            if (c == skip || digitalButtons(c) < fewestButtons()) {
                continue; // a mouse, a wheel, a pedal box: too few buttons
            }
            Controller.Type t = c.getType();
            if (wanted.isPresent()) {
                if (c.getName().toLowerCase(Locale.ROOT).contains(wanted.get().toLowerCase(Locale.ROOT))) {
                    return c;
                }
                continue;
            }
            if (t == Controller.Type.GAMEPAD) {
                return c;
            }
            if (t == Controller.Type.STICK && stick == null) {
                stick = c;
            }
        }
        return stick;
    }

    private void connect(Controller c) {
        int n = numButtons;
        String note = "";
        GamepadMapping m;
        try {
            m = GamepadMapping.saved(c.getName(), n).orElse(null);
        } catch (IOException e) {
            m = null;
            note = " (" + e.getMessage() + ")";
        }
        List<Integer> others = GamepadMapping.learntCounts(c.getName());
        if (m == null && note.isEmpty() && !others.isEmpty()) {
            note = " (learnt for " + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " buttons, not this model's " + n + ": Learn… (--learn) learns " + n + ")";
        }
        mapping = m != null ? m : DefaultGamepadMapping.forButtons(c, n);
        String shortOf = DefaultGamepadMapping.shortOf(c.getName(), mapping, n);
        c.setEventQueueSize(256);
        polled = false;
        toldUnmapped = false;
        controller = c;
        listener.onConnection(
                name(),
                true,
                c.getName() + ": buttons " + mapping.describe()
                        + (m != null
                                ? " (learnt)"
                                : " (default" + (n != Keys.DEFAULT_BUTTONS ? " for " + n + " buttons" : "")
                                        + "; learn to change)")
                        + note + (shortOf.isEmpty() ? "" : "; " + shortOf));
    }

    private void run() {
        Event event = new Event();
        long nextRescan = 0;
        long nextClockSync = System.nanoTime() + CLOCK_SYNC_NANOS;
        // the pad whose polling failed: an enumeration that still lists that same object (not re-enumerated
        // since) must not connect it again — that looped connect/unplug at full speed, flooding the listener
        Controller failed = null;
        while (running) {
            Controller c = controller;
            if (c == null) {
                if (System.currentTimeMillis() >= nextRescan) {
                    Controller found = find(rescan.get(), failed);
                    if (found != null) {
                        connect(found);
                        continue;
                    }
                    nextRescan = System.currentTimeMillis() + RESCAN_MILLIS;
                }
                LockSupport.parkNanos(50_000_000L);
                continue;
            }
            if (!c.poll()) {
                controller = null;
                polled = false;
                failed = c;
                listener.onConnection(
                        name(),
                        false,
                        c.getName() + " was unplugged; its notes were released." + " Plug it back in to go on playing");
                nextRescan = 0;
                continue;
            }
            if (!polled) {
                polled = true;
            }
            EventQueue queue = c.getEventQueue();
            while (queue.getNextEvent(event)) {
                handle(event);
            }
            if (System.nanoTime() > nextClockSync) {
                syncClocks(); // the wall clock may be adjusted (NTP) while we play
                nextClockSync = System.nanoTime() + CLOCK_SYNC_NANOS;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * The dynamics level of the trigger's position: JInput gives an absolute axis −1 (at rest) … 1 (pulled all the
     * way); pp 32 … ff 112, linear (an axis centred at rest, a stick, is about mf there).
     */
    public static int level(float value) {
        double amount = Math.max(0, Math.min(1, (value + 1) / 2.0));
        return (int) Math.round(32 + amount * (112 - 32));
    }

    private void handle(Event e) {
        Component comp = e.getComponent();
        if (comp.getIdentifier() == DYNAMICS_AXIS && comp.isAnalog()) {
            if (learner == null) {
                int level = level(e.getValue());
                boolean end =
                        level == 32 || level == 112; // the ends always arrive: a quick pull is not lost between steps
                if (lastLevel < 0 || Math.abs(level - lastLevel) >= LEVEL_STEP || (end && level != lastLevel)) {
                    lastLevel = level;
                    listener.onEvent(ButtonEvent.dynamics(level, toNanoTime(e.getNanos())));
                }
            }
            return;
        }
        if (!(comp.getIdentifier() instanceof Component.Identifier.Button) || comp.isAnalog()) {
            return;
        }
        boolean down = e.getValue() > 0.5f;
        Consumer<Component> l = learner;
        if (l != null) {
            if (down) {
                l.accept(comp);
            }
            return;
        }
        long nanos = toNanoTime(e.getNanos());
        GamepadMapping m = mapping;
        if (m.isPedal(comp)) {
            listener.onEvent(ButtonEvent.pedal(down, nanos));
            return;
        }
        int b = m.button(comp);
        if (b >= 0) {
            listener.onEvent(down ? ButtonEvent.press(b, nanos) : ButtonEvent.release(b, nanos));
        } else if (down && !toldUnmapped) {
            toldUnmapped = true; // once: a player trying every button is told, not flooded
            listener.onConnection(
                    name(),
                    true,
                    comp.getName() + " does nothing: the model has " + numButtons + " buttons, played with "
                            + String.join(" ", m.buttons()) + " (Learn… or --learn picks others)");
        }
    }

    private void syncClocks() {
        Instant wall = Instant.now();
        long mono = System.nanoTime();
        wallToNano = wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - mono;
    }

    /**
     * JInput stamps events with the device's clock: on Linux the kernel's wall-clock time of the event. Map it
     * onto {@link System#nanoTime()}; a stamp from an unknown clock falls back to now.
     */
    long toNanoTime(long eventNanos) {
        long now = System.nanoTime();
        long fromWall = eventNanos - wallToNano;
        if (Math.abs(fromWall - now) < 5_000_000_000L) {
            return Math.min(fromWall, now);
        }
        if (Math.abs(eventNanos - now) < 5_000_000_000L) {
            return Math.min(eventNanos, now);
        }
        return now;
    }

    @Override
    public int learnSteps() {
        return buttonsLearnt() + 1;
    }

    @Override
    public int buttonsLearnt() {
        return learnable(true);
    }

    /**
     * How many buttons learning asks for: the model's count, or as many as the pad has beside the pedal (learning
     * more would wait for ever; the pad then plays the lowest, as its default would).
     */
    private int learnable(boolean withPedal) {
        Controller c = controller;
        int n = numButtons;
        return c == null ? n : Math.max(1, Math.min(n, digitalButtons(c) - (withPedal ? 1 : 0)));
    }

    @Override
    public void learn(IntConsumer progress, Consumer<String> done) {
        learn(true, progress, m -> done.accept(m.describe()));
    }

    /** Learn mode with the pedal ({@code withPedal}) or without; {@code done} gets the new mapping. */
    public void learn(boolean withPedal, Consumer<GamepadMapping> done) {
        learn(withPedal, n -> {}, done);
    }

    /**
     * Learn mode: the next n distinct buttons pressed (the model's count, or all the pad has) become buttons 0..n-1 (low
     * to high) and, if {@code withPedal}, one more the pedal; saved for this controller and the model's count. While learning, presses do not play.
     */
    public void learn(boolean withPedal, IntConsumer progress, Consumer<GamepadMapping> done) {
        List<String> names = new ArrayList<>();
        int count = numButtons;
        int n = learnable(withPedal);
        int steps = n + (withPedal ? 1 : 0);
        learner = comp -> {
            if (names.contains(comp.getName())) {
                return;
            }
            names.add(comp.getName());
            progress.accept(names.size());
            if (names.size() == steps) {
                GamepadMapping m = new GamepadMapping(names.subList(0, n), withPedal ? names.get(n) : null);
                Controller c = controller;
                try {
                    if (c != null) {
                        m.save(c.getName(), count);
                    }
                } catch (IOException e) {
                    ButtonListener l = listener;
                    if (l != null) {
                        l.onConnection(name(), true, "the mapping works but could not be saved: " + e.getMessage());
                    }
                }
                mapping = m;
                learner = null;
                done.accept(m);
            }
        };
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
