package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Headless play with {@code --controller gamepad} and no pad plugged in: say so, wait visibly, and give up
 * with a clear error after {@code --gamepad-wait} seconds (0 = wait as long as it takes, saying so now and then)
 * — rather than wait silently until killed.
 */
final class GamepadWait {
    static final String OPTION = "--gamepad-wait";
    static final int DEFAULT_SECONDS = 30;
    static final long REMIND_SECONDS = 10;

    private GamepadWait() {}

    /**
     * Returns once the pad is connected, or when {@code quit} says the player stopped.
     *
     * @throws ControllerException when {@code seconds} (> 0) pass without a pad
     */
    static void await(GamepadSource pad, int seconds, Consumer<String> say, BooleanSupplier quit)
            throws ControllerException, InterruptedException {
        if (pad.connected()) {
            return;
        }
        say.accept(
                seconds > 0
                        ? "waiting up to " + seconds + " s for a gamepad (" + OPTION + " 0: as long as it takes)"
                        : "waiting for a gamepad as long as it takes (q or Ctrl-C stops)");
        long start = System.nanoTime();
        long nextReminder = start + TimeUnit.SECONDS.toNanos(REMIND_SECONDS);
        while (!pad.connected() && !quit.getAsBoolean()) {
            long now = System.nanoTime();
            if (seconds > 0 && now - start >= TimeUnit.SECONDS.toNanos(seconds)) {
                throw new ControllerException("no gamepad connected within " + seconds + " s (" + pad.found()
                        + "); plug one in" + " and check that you may read /dev/input/event*, or wait longer: " + OPTION
                        + " SECONDS (0 = as long as it takes)");
            }
            if (now >= nextReminder) {
                say.accept("still waiting for a gamepad (" + TimeUnit.NANOSECONDS.toSeconds(now - start) + " s)");
                nextReminder += TimeUnit.SECONDS.toNanos(REMIND_SECONDS);
            }
            Thread.sleep(50);
        }
    }
}
