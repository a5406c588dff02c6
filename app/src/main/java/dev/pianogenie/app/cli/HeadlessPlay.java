package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.LearnsButtons;
import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.KeyboardLayout;
import dev.pianogenie.app.input.midi.LearnsKeys;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.live.ControllerSpec;
import dev.pianogenie.app.live.KeyChoice;
import dev.pianogenie.app.live.LiveSession;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.app.live.PianoSound;
import dev.pianogenie.app.live.RecordTarget;
import dev.pianogenie.app.live.Take;
import dev.pianogenie.app.live.TakeSaver;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.io.ModelFiles;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./genie play --headless}: live play without a window. Controllers → performer → outputs, news on
 * stderr (lines end in CR LF: the terminal keyboard puts the terminal in raw mode). It stops on q or Ctrl-C in
 * the terminal, at the end of a replay, or on SIGINT/SIGTERM — always the same way: controllers closed, every
 * note released and the pedal lifted, outputs closed, then the recording saved. With {@code --record} the
 * target is checked before playing, the take is autosaved every few seconds (a {@code kill -9} loses at most
 * those), and a save that fails at the end goes to a fallback file, said aloud.
 */
final class HeadlessPlay {
    /** How long a signal waits for the recording to be saved before the JVM goes. */
    static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final LiveSetup setup;
    private final boolean learnFirst;
    private final MidiKeyMapping.Kind learnKind;
    private final int gamepadWait;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<String> news = new ConcurrentLinkedQueue<>();
    private final AtomicLong notes = new AtomicLong();

    /** @param gamepadWait seconds to wait for a gamepad when gamepads are the only controllers (0 = as long as it takes) */
    HeadlessPlay(LiveSetup setup, boolean learnFirst, int gamepadWait) {
        this(setup, learnFirst, MidiKeyMapping.Kind.KEYS, gamepadWait);
    }

    /**
     * {@code learnKind}: what a MIDI keyboard learns — 8 keys, its range (lowest and highest key: every key plays), or
     * a pad grid's rows.
     */
    HeadlessPlay(LiveSetup setup, boolean learnFirst, MidiKeyMapping.Kind learnKind, int gamepadWait) {
        this.learnKind = learnKind;
        this.setup = setup;
        this.learnFirst = learnFirst;
        this.gamepadWait = gamepadWait;
    }

    int run() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    quit.countDown();
                    try {
                        finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS); // let the main thread release and save
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "genie-quit");
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
        if (setup.outputs().contains(OutputSpec.NONE) && setup.record().isEmpty()) {
            throw new IllegalArgumentException("--output none plays nothing: add --record FILE.mid to keep the take");
        }
        PianoGenieModel m = ModelFiles.load(setup.modelFolder());
        System.err.println("genie: loading " + m.describe() + " ...");
        LiveSession session = new LiveSession(setup, m, listener(), false); // nothing here shows the look-ahead
        session.notTheTakesModel().ifPresent(HeadlessPlay::say);
        TakeSaver saver = null;
        try {
            if (setup.outputs().stream()
                    .anyMatch(o -> o.equals(OutputSpec.SYNTH) || o.kind() == OutputSpec.Kind.JACK)) {
                // the default sound, in Java Sound or JACK: the sampled piano (built the first time, with progress)
                PianoSound.prepareHere();
            }
            for (OutputSpec o : setup.outputs()) {
                o.open((mono, frames) -> {}).ifPresent(session::addOutput);
            }
            if (setup.record().isPresent() && !learnFirst) {
                // before any controller: the take holds every press (a replay starts at once)
                saver = TakeSaver.start(session, setup.record().get());
            }
            List<ButtonSource> sources = new ArrayList<>();
            for (ControllerSpec c : setup.controllers()) {
                ButtonSource source = c.open(quit::countDown);
                session.addSource(source);
                sources.add(source);
            }
            if (sources.stream().allMatch(s -> s instanceof GamepadSource)) {
                // only gamepads and none plugged in: say so, and do not wait silently for ever
                for (ButtonSource s : sources) {
                    GamepadWait.await((GamepadSource) s, gamepadWait, HeadlessPlay::say, () -> quit.getCount() == 0);
                }
            }
            if (learnFirst && !learn(sources, m.config().numButtons())) {
                return 0;
            }
            if (setup.record().isPresent()) {
                if (learnFirst) { // after learning: the learning presses are not music
                    saver = TakeSaver.start(session, setup.record().get());
                }
                saver.autosave(news::add);
            }
            say("playing " + m.config().name() + " at T = " + setup.temperature()
                    + (setup.keys().equals(KeyChoice.ALL) ? "" : " on " + setup.keys())
                    + (setup.velocity().isPresent()
                            ? ", fixed velocity " + setup.velocity().getAsInt()
                            : ", dynamics " + dev.pianogenie.app.perform.Dynamics.describe(setup.dynamics()))
                    + " → "
                    + String.join(
                            ", ",
                            setup.outputs().stream().map(OutputSpec::toString).toList())
                    + (setup.controllers().contains(ControllerSpec.KEYBOARD)
                            ? "\r\n  "
                                    + KeyboardLayout.forButtons(m.config().numButtons())
                                            .legend() + ", q = quit"
                            : ""));
            setup.controllers().forEach(c -> c.echoRisk(setup.outputs()).ifPresent(w -> say("warning: " + w)));
            long lastReport = System.currentTimeMillis();
            while (!quit.await(200, TimeUnit.MILLISECONDS)) {
                printNews();
                if (System.currentTimeMillis() - lastReport > 10_000 && notes.get() > 0) {
                    lastReport = System.currentTimeMillis();
                    var lat = session.performer().latency();
                    say(String.format(
                            Locale.ROOT,
                            "%d notes; decoder p50 %.0f µs, press→outputs p99 %.2f ms",
                            notes.get(),
                            lat.decodePercentileMicros(0.5),
                            lat.totalPercentileMicros(0.99) / 1000));
                }
            }
            // what the controllers queued is played before the end (a replay as fast as possible is up to a
            // queue ahead): no more comes, then wait while the performer still makes progress
            session.closeSources();
            for (long left = Long.MAX_VALUE;
                    !session.performer().drain(2000) && session.performer().pending() < left; ) {
                left = session.performer().pending();
            }
        } finally {
            if (saver != null) {
                saver.close(); // autosave stops; the take is saved below, once every note is released
            }
            session.close(); // controllers stop, every note is released, the pedal lifted, outputs closed
            printNews();
        }
        if (setup.record().isPresent()) {
            TakeSaver.Result result = saver.finish();
            Take take = result.take();
            RecordTarget.Saved saved = result.saved();
            if (saved.rescued()) {
                say("could not save to " + setup.record().get() + " (" + saved.problem() + ")");
                say("the take is safe in " + saved.mid() + " (" + take.notes() + " notes) and " + saved.session());
                return 1;
            }
            say("saved " + saved.mid() + " (" + take.notes() + " notes) and " + saved.session());
        }
        return 0;
    }

    /** Learn mode for every controller that has one; false if the player quit meanwhile. */
    private boolean learn(List<ButtonSource> sources, int buttons) throws InterruptedException {
        boolean any = false;
        for (ButtonSource s : sources) {
            if (!(s instanceof LearnsButtons learner)) {
                continue;
            }
            any = true;
            MidiKeyMapping.Kind kind = MidiKeyMapping.Kind.KEYS;
            if (s instanceof LearnsKeys keyboard) { // midi:NAME or JACK's MIDI input
                keyboard.learnAs(learnKind);
                kind = learnKind;
            } else if (learnKind != MidiKeyMapping.Kind.KEYS) {
                throw new IllegalArgumentException("--learn=" + learnKind.name().toLowerCase(java.util.Locale.ROOT)
                        + " is for a MIDI keyboard or pad grid (--controller midi:NAME or jack-midi); " + s.name()
                        + " learns its " + buttons + " buttons: --learn");
            }
            MidiKeyMapping.Kind learning = kind;
            int steps = learner.learnSteps();
            int learns = learner.buttonsLearnt();
            CountDownLatch learnt = new CountDownLatch(1);
            say("learning " + s.name() + ": " + prompt(learning, 0, learns, buttons));
            learner.learn(
                    n -> {
                        if (n < steps) {
                            news.add(prompt(learning, n, learns, buttons));
                        }
                    },
                    mapping -> {
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
            throw new IllegalArgumentException(
                    "--learn works with --controller gamepad[:NAME], midi:NAME and jack-midi");
        }
        return true;
    }

    /** @param learns how many buttons the controller learns (then the pedal, if it has more steps) */
    static String prompt(MidiKeyMapping.Kind kind, int learnt, int learns, int buttons) {
        return switch (kind) {
            case KEYS -> prompt(learnt, learns);
            case ZONES ->
                learnt == 0
                        ? "press the keyboard's lowest key (every key will play, folded into " + buttons + " zones)"
                        : "press its highest key";
            case ROWS ->
                learnt == 0
                        ? "press the leftmost pad of a row (every row will play the " + buttons + " buttons)"
                        : learnt == 1
                                ? "press the rightmost pad of that row"
                                : "press the leftmost pad of the next row";
        };
    }

    private static String prompt(int learnt, int learns) {
        return learnt < learns
                ? "press the button for button " + (learnt + 1) + " of " + learns
                        + (learnt == 0 ? " (the lowest)" : learnt == learns - 1 ? " (the highest)" : "")
                : "press the button for the sustain pedal";
    }

    private PerformerListener listener() {
        return new PerformerListener() {
            @Override
            public void played(Played note) {
                notes.incrementAndGet();
            }

            @Override
            public void sampling(SamplingChange now) { // a replayed take's own change, where it was made
                KeyChoice k = new KeyChoice(now.scale(), now.range());
                news.add("now T = " + now.temperature() + (k.equals(KeyChoice.ALL) ? "" : " on " + k));
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
        PrintStream err = System.err; // the stream of now (a test, or a redirection, may have set it)
        err.print("genie: " + s + "\r\n");
        err.flush();
    }
}
