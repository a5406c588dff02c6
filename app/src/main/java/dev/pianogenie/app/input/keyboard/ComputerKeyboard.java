package dev.pianogenie.app.input.keyboard;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import java.util.HashSet;
import java.util.Set;

/**
 * The computer keyboard as a controller, independent of any toolkit: the window (JavaFX key events) or the
 * terminal feeds key presses and releases by name ({@link KeyboardLayout}). Auto-repeat is ignored: a key
 * already down does not press again until it has been released.
 */
public final class ComputerKeyboard implements ButtonSource {
    private final Set<String> down = new HashSet<>();
    private volatile ButtonListener listener;
    private volatile KeyboardLayout layout = KeyboardLayout.DEFAULT;

    @Override
    public String name() {
        return "computer keyboard";
    }

    /** The model's count: keys beyond it do nothing (they are not consumed). */
    @Override
    public synchronized void useButtons(int numButtons) {
        layout = KeyboardLayout.forButtons(numButtons);
    }

    public KeyboardLayout layout() {
        return layout;
    }

    @Override
    public void start(ButtonListener l) {
        this.listener = l;
    }

    /** A key went down; returns whether it means something (so the UI can consume it). */
    public synchronized boolean keyDown(String key, long nanos) {
        var action = layout.action(key);
        if (action.isEmpty()) {
            return false;
        }
        if (!down.add(normal(key))) {
            return true; // auto-repeat
        }
        ButtonListener l = listener;
        if (l != null) {
            KeyboardLayout.Action a = action.get();
            switch (a.kind()) {
                case BUTTON -> l.onEvent(ButtonEvent.press(a.button(), nanos));
                case PEDAL -> l.onEvent(ButtonEvent.pedal(true, nanos));
                case RESET -> l.onEvent(ButtonEvent.reset(nanos));
            }
        }
        return true;
    }

    /** A key came up. */
    public synchronized boolean keyUp(String key, long nanos) {
        var action = layout.action(key);
        if (action.isEmpty()) {
            return false;
        }
        down.remove(normal(key));
        ButtonListener l = listener;
        if (l != null) {
            KeyboardLayout.Action a = action.get();
            switch (a.kind()) {
                case BUTTON -> l.onEvent(ButtonEvent.release(a.button(), nanos));
                case PEDAL -> l.onEvent(ButtonEvent.pedal(false, nanos));
                case RESET -> {}
            }
        }
        return true;
    }

    /** Releases every key held (the window lost focus: no key-up will come). */
    public synchronized void releaseAll(long nanos) {
        for (String key : Set.copyOf(down)) {
            keyUp(key, nanos);
        }
    }

    private static String normal(String key) {
        return key.equals("space") ? " " : key.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        releaseAll(System.nanoTime());
        listener = null;
    }
}
