package dev.pianogenie.app.input.keyboard;

import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The keyboard in a terminal (headless play). The terminal is put in raw mode ({@code stty raw -echo} on
 * {@code /dev/tty}) so every key arrives at once, and restored on close and on exit.
 *
 * <p>A terminal reports characters, never a key coming up, so releases are made up:
 * <ul>
 *   <li>a note ends {@link #HOLD_NANOS} after the last character of its key, or when the same key is pressed
 *       again (a new note);</li>
 *   <li>a held key makes the terminal repeat its character, quickly ({@link #AUTO_REPEAT_NANOS} apart at
 *       most): such repeats keep the note sounding instead of striking it again. The terminal's first repeat
 *       comes after its delay (about half a second) and cannot be told from a second press: it strikes once
 *       more. For held notes use the desktop app, a gamepad or a MIDI keyboard;</li>
 *   <li>space toggles the sustain pedal (tap it, don't hold it);</li>
 *   <li>escape sequences (arrow and function keys) are ignored; Ctrl-C or {@code q} quits.</li>
 * </ul>
 */
public final class TerminalKeyboard implements ButtonSource {
    public static final long HOLD_NANOS = 300_000_000L;
    /** Terminals repeat a held key every 30–40 ms; nobody presses one key twice within 60 ms. */
    public static final long AUTO_REPEAT_NANOS = 60_000_000L;
    /** The bytes of one escape sequence arrive together. */
    static final long ESCAPE_NANOS = 20_000_000L;

    private static final int CTRL_C = 3;
    private static final int ESC = 27;

    private final ComputerKeyboard keys = new ComputerKeyboard();
    private final Runnable onQuit;
    private final long[] lastTyped = new long[128];
    private final boolean[] sounding = new boolean[128];
    private boolean pedal;
    private int escapeState; // 0 none, 1 after ESC, 2 inside "ESC [" or "ESC O"
    private long escapeNanos;
    private ScheduledExecutorService releases;
    private InputStream tty;
    private Thread reader;

    public TerminalKeyboard(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    @Override
    public String name() {
        return "terminal keyboard";
    }

    @Override
    public void useButtons(int numButtons) {
        keys.useButtons(numButtons);
    }

    @Override
    public void start(ButtonListener listener) throws ControllerException {
        try {
            tty = Files.newInputStream(Path.of("/dev/tty"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ControllerException(
                    "no terminal to read keys from (/dev/tty: " + e.getMessage() + "): run genie"
                            + " in a terminal, or choose another controller (--controller gamepad, midi:NAME, mic, replay:FILE)",
                    e);
        }
        if (!stty("raw", "-echo")) {
            listener.onConnection(
                    name(), true, "the terminal could not be put in raw mode (stty): keys arrive after Enter");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stty("sane"), "restore-terminal"));
        attach(listener);
        releases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "terminal-key-release");
            t.setDaemon(true);
            return t;
        });
        releases.scheduleAtFixedRate(() -> releaseDue(System.nanoTime()), 10, 10, TimeUnit.MILLISECONDS);
        reader = new Thread(this::read, "terminal-keyboard");
        reader.setDaemon(true);
        reader.start();
    }

    /** Where key events go (also the seam for tests, which type without a terminal). */
    void attach(ButtonListener listener) {
        keys.start(listener);
    }

    private void read() {
        try {
            int c;
            while ((c = tty.read()) >= 0) {
                typed(c, System.nanoTime());
            }
        } catch (IOException e) {
            // the terminal went away
        }
        onQuit.run();
    }

    /** One byte from the terminal, at {@code nanos}. */
    synchronized void typed(int c, long nanos) {
        if (escapeState > 0 && nanos - escapeNanos > ESCAPE_NANOS) {
            escapeState = 0; // a lone Esc, long ago: this byte is a key of its own
        }
        if (escapeState == 1) {
            escapeState = c == '[' || c == 'O' ? 2 : 0; // ESC + another key (Alt+key): ignored as well
            return;
        }
        if (escapeState == 2) {
            if (c >= 0x40 && c <= 0x7E) {
                escapeState = 0; // the sequence's last byte
            }
            return;
        }
        if (c == ESC) {
            escapeState = 1;
            escapeNanos = nanos;
            return;
        }
        if (c == CTRL_C || c == 'q' || c == 'Q') {
            onQuit.run();
            return;
        }
        if (c <= 0 || c >= 128) {
            return; // a byte of a non-ASCII character
        }
        int k = Character.toLowerCase(c);
        String key = String.valueOf((char) k);
        if (keys.layout().action(key).isEmpty()) {
            return;
        }
        long previous = lastTyped[k];
        lastTyped[k] = nanos;
        boolean repeat = previous != 0 && nanos - previous < AUTO_REPEAT_NANOS;
        if (k == ' ') {
            if (!repeat) {
                pedal = !pedal;
                if (pedal) {
                    keys.keyDown(key, nanos);
                } else {
                    keys.keyUp(key, nanos);
                }
            }
            return;
        }
        if (sounding[k] && repeat) {
            return; // the terminal repeating a held key: the note goes on
        }
        if (sounding[k]) {
            keys.keyUp(key, nanos); // pressed again: the first note ends here
        }
        sounding[k] =
                keys.keyDown(key, nanos) && keys.layout().action(key).get().kind() == KeyboardLayout.Action.Kind.BUTTON;
        if (!sounding[k]) {
            keys.keyUp(key, nanos); // reset keys: nothing to hold
        }
    }

    /** Releases every key not typed for {@link #HOLD_NANOS}. */
    synchronized void releaseDue(long nanos) {
        for (int k = 0; k < sounding.length; k++) {
            if (sounding[k] && nanos - lastTyped[k] >= HOLD_NANOS) {
                sounding[k] = false;
                keys.keyUp(String.valueOf((char) k), nanos);
            }
        }
    }

    private static boolean stty(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            return new ProcessBuilder(cmd)
                            .redirectInput(new java.io.File("/dev/tty"))
                            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (releases != null) {
            releases.shutdownNow();
        }
        keys.close();
        if (tty != null) {
            stty("sane");
        }
    }
}
