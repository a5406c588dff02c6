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
 * {@code /dev/tty}) so every key arrives at once. A terminal reports no key-up: a note is released
 * {@link #HOLD_MILLIS} after its key, or when the same key comes again; the space bar toggles the pedal.
 * Ctrl-C (or q) quits.
 */
public final class TerminalKeyboard implements ButtonSource {
    public static final long HOLD_MILLIS = 300;
    private static final int CTRL_C = 3;

    private final ComputerKeyboard keys = new ComputerKeyboard();
    private final Runnable onQuit;
    private final ScheduledExecutorService releases = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "terminal-key-release");
        t.setDaemon(true);
        return t;
    });
    private Thread reader;
    private boolean pedal;

    public TerminalKeyboard(Runnable onQuit) {
        this.onQuit = onQuit;
    }

    @Override
    public String name() {
        return "terminal keyboard";
    }

    @Override
    public void start(ButtonListener listener) throws ControllerException {
        Path tty = Path.of("/dev/tty");
        if (!Files.isReadable(tty)) {
            throw new ControllerException("no terminal to read keys from (/dev/tty): run genie in a terminal, or choose"
                    + " another controller (--controller gamepad, midi:NAME, mic, replay:FILE)");
        }
        stty("raw", "-echo");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stty("sane"), "restore-terminal"));
        keys.start(listener);
        reader = new Thread(() -> read(tty), "terminal-keyboard");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Path tty) {
        try (InputStream in = Files.newInputStream(tty)) {
            int c;
            while ((c = in.read()) >= 0) {
                long now = System.nanoTime();
                if (c == CTRL_C || c == 'q') {
                    onQuit.run();
                    return;
                }
                String key = String.valueOf((char) c);
                if (key.equals(" ")) {
                    pedal = !pedal;
                    if (pedal) {
                        keys.keyDown(key, now);
                    } else {
                        keys.keyUp(key, now);
                    }
                    continue;
                }
                keys.keyUp(key, now); // the same key again: its note ends here
                if (keys.keyDown(key, now)) {
                    releases.schedule(() -> keys.keyUp(key, System.nanoTime()), HOLD_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (IOException e) {
            onQuit.run();
        }
    }

    private static void stty(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            new ProcessBuilder(cmd).redirectInput(new java.io.File("/dev/tty")).inheritIO().start().waitFor();
        } catch (IOException | InterruptedException ignored) {
            // without stty keys arrive after Enter: still playable
        }
    }

    @Override
    public void close() {
        releases.shutdownNow();
        keys.close();
        stty("sane");
    }
}
