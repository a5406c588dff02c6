package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.LearnsButtons;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.KeyboardLayout;
import dev.pianogenie.app.perform.LiveSession;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.io.ModelFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./genie play --headless}: live play without a window. Controllers → performer → outputs, news on
 * stderr (lines end in CR LF: the terminal keyboard puts the terminal in raw mode). It stops on q or Ctrl-C in
 * the terminal, at the end of a replay, or on SIGINT/SIGTERM — always the same way: controllers closed, every
 * note released and the pedal lifted, outputs closed, then the recording saved.
 */
final class HeadlessPlay {
    /** How long a signal waits for the recording to be saved before the JVM goes. */
    static final long SHUTDOWN_WAIT_SECONDS = 10;
    private static final PrintStream ERR = System.err;

    private final PlayCommand options;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<String> news = new ConcurrentLinkedQueue<>();
    private final AtomicLong notes = new AtomicLong();

    HeadlessPlay(PlayCommand options) {
        this.options = options;
    }

    int run() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            quit.countDown();
            try {
                finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS); // let the main thread release and save
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "genie-quit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return play();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has just been told we are done
            }
        }
    }

    private int play() throws Exception {
        if (options.outputs.contains(Controllers.NO_OUTPUT) && options.record == null) {
            throw new IllegalArgumentException("--output none plays nothing: add --record FILE.mid to keep the take");
        }
        Path dir = options.model != null ? options.model : DefaultModel.locate();
        PianoGenieModel m = ModelFiles.load(dir);
        Sampling sampling = new Sampling(options.temperature, Keys.all(),
                options.seed == null ? OptionalLong.empty() : OptionalLong.of(options.seed));
        ERR.println("genie: loading " + m.describe() + " ...");
        LiveSession session = new LiveSession(m, DecoderEngine.parse(options.engine), sampling, listener());
        try {
            session.performer().setDefaultVelocity(options.velocity);
            for (String o : options.outputs) {
                if (!o.equals(Controllers.NO_OUTPUT)) {
                    session.addOutput(Controllers.output(o));
                }
            }
            List<ButtonSource> sources = new ArrayList<>();
            for (String c : options.controllers) {
                ButtonSource source = Controllers.controller(c, quit::countDown);
                session.addSource(source);
                sources.add(source);
            }
            if (sources.stream().allMatch(s -> s instanceof GamepadSource)) {
                // only gamepads and none plugged in: say so, and do not wait silently for ever
                for (ButtonSource s : sources) {
                    GamepadWait.await((GamepadSource) s, OptionChecks.atLeast(GamepadWait.OPTION, options.gamepadWait, 0),
                            HeadlessPlay::say, () -> quit.getCount() == 0);
                }
            }
            if (options.learn && !learn(sources)) {
                return 0;
            }
            say("playing " + m.config().name() + " at T = " + options.temperature + " → " + String.join(", ", options.outputs)
                    + (options.controllers.contains("keyboard") ? "\r\n  " + KeyboardLayout.legend() + ", q = quit" : ""));
            long lastReport = System.currentTimeMillis();
            while (!quit.await(200, TimeUnit.MILLISECONDS)) {
                printNews();
                if (System.currentTimeMillis() - lastReport > 10_000 && notes.get() > 0) {
                    lastReport = System.currentTimeMillis();
                    var lat = session.performer().latency();
                    say(String.format(Locale.ROOT, "%d notes; decoder p50 %.0f µs, press→outputs p99 %.2f ms",
                            notes.get(), lat.decodePercentileMicros(0.5), lat.totalPercentileMicros(0.99) / 1000));
                }
            }
            session.performer().drain(2000);
        } finally {
            session.close(); // controllers stop, every note is released, the pedal lifted, outputs closed
            printNews();
        }
        if (options.record != null) {
            Path sessionFile = session.save(options.record);
            say("saved " + options.record + " (" + session.recording().performance().notes().size() + " notes) and "
                    + sessionFile);
        }
        return 0;
    }

    /** Learn mode for every controller that has one; false if the player quit meanwhile. */
    private boolean learn(List<ButtonSource> sources) throws InterruptedException {
        boolean any = false;
        for (ButtonSource s : sources) {
            if (!(s instanceof LearnsButtons learner)) {
                continue;
            }
            any = true;
            int steps = learner.learnSteps();
            CountDownLatch learnt = new CountDownLatch(1);
            say("learning " + s.name() + ": " + prompt(0, steps));
            learner.learn(n -> {
                if (n < steps) {
                    news.add(prompt(n, steps));
                }
            }, mapping -> {
                news.add("learnt " + s.name() + ": " + mapping + " (saved; used from now on)");
                learnt.countDown();
            });
            while (!learnt.await(100, TimeUnit.MILLISECONDS)) {
                printNews();
                if (quit.getCount() == 0) {
                    return false;
                }
            }
            printNews();
        }
        if (!any) {
            throw new IllegalArgumentException("--learn works with --controller gamepad[:NAME] and midi:NAME");
        }
        return true;
    }

    private static String prompt(int learnt, int steps) {
        return learnt < Keys.NUM_BUTTONS
                ? "press the button for button " + (learnt + 1) + " of 8" + (learnt == 0 ? " (the lowest)" : learnt == 7 ? " (the highest)" : "")
                : "press the button for the sustain pedal";
    }

    private PerformerListener listener() {
        return new PerformerListener() {
            @Override
            public void played(Played note) {
                notes.incrementAndGet();
            }

            @Override
            public void connection(String source, boolean connected, String detail) {
                news.add((connected ? "connected: " : "disconnected: ") + detail);
            }

            @Override
            public void problem(String message) {
                news.add("problem: " + message);
            }
        };
    }

    private void printNews() {
        for (String s; (s = news.poll()) != null; ) {
            say(s);
        }
    }

    private static void say(String s) {
        ERR.print("genie: " + s + "\r\n");
        ERR.flush();
    }
}
