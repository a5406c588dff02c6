package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.keyboard.KeyboardLayout;
import dev.pianogenie.app.perform.LiveSession;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./genie play}: the desktop app, or with {@code --headless} live play without a window. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play live. Without --headless: the desktop app. With --headless: no window, e.g. a gamepad",
            "driving a DAW through MIDI out. " + "Keys: " + "1-8 / a s d f j k l ; = buttons, space = pedal, 0 / r = reset, q = quit."})
public final class PlayCommand implements Callable<Integer> {

    @Option(names = "--headless", description = "play without a window")
    boolean headless;

    @Option(names = "--controller", defaultValue = "keyboard", description = Controllers.CONTROLLER_HELP + " (default: ${DEFAULT-VALUE})")
    List<String> controllers;

    @Option(names = "--output", defaultValue = "synth", description = Controllers.OUTPUT_HELP + " (default: ${DEFAULT-VALUE})")
    List<String> outputs;

    @Option(names = "--model", description = "model folder or TF.js checkpoint (default: the shipped model)")
    Path model;

    @Option(names = "--temperature", defaultValue = "0.25", description = "0 = always the likeliest key, up to 1 (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--seed", description = "random seed: the same session replays to the same notes")
    Long seed;

    @Option(names = "--engine", defaultValue = "tensorflow", description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--velocity", defaultValue = "80", description = "velocity for controllers without one (default: ${DEFAULT-VALUE})")
    int velocity;

    @Option(names = "--record", description = "save the performance to this MIDI file (and the button session beside it)")
    Path record;

    @Override
    public Integer call() throws Exception {
        if (!headless) {
            return DesktopLauncher.launch(this);
        }
        Path dir = model != null ? model : DefaultModel.locate();
        PianoGenieModel m = ModelFiles.load(dir);
        Sampling sampling = new Sampling(temperature, Keys.all(), seed == null ? OptionalLong.empty() : OptionalLong.of(seed));
        CountDownLatch quit = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> news = new ConcurrentLinkedQueue<>();
        AtomicLong notes = new AtomicLong();
        PerformerListener listener = new PerformerListener() {
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
        System.err.println("genie: loading " + m.describe() + " ...");
        try (LiveSession session = new LiveSession(m, DecoderEngine.parse(engine), sampling, listener)) {
            session.performer().setDefaultVelocity(velocity);
            for (String o : outputs) {
                session.addOutput(Controllers.output(o));
            }
            for (String c : controllers) {
                ButtonSource source = Controllers.controller(c, quit::countDown);
                session.addSource(source);
            }
            Thread hook = new Thread(quit::countDown, "genie-quit");
            Runtime.getRuntime().addShutdownHook(hook);
            System.err.println("genie: playing " + m.config().name() + " at T = " + temperature + " → " + String.join(", ", outputs)
                    + (controllers.contains("keyboard") ? "\r\n  " + KeyboardLayout.legend() + ", q = quit\r" : ""));
            long lastReport = 0;
            while (!quit.await(200, TimeUnit.MILLISECONDS)) {
                for (String s; (s = news.poll()) != null; ) {
                    System.err.print("genie: " + s + "\r\n");
                }
                if (System.currentTimeMillis() - lastReport > 10_000 && notes.get() > 0) {
                    lastReport = System.currentTimeMillis();
                    var lat = session.performer().latency();
                    System.err.printf(Locale.ROOT, "genie: %d notes; decoder p50 %.0f µs, press→outputs p99 %.2f ms\r\n",
                            notes.get(), lat.decodePercentileMicros(0.5), lat.totalPercentileMicros(0.99) / 1000);
                }
            }
            session.performer().drain(2000);
            if (record != null) {
                Path sessionFile = session.save(record);
                System.err.print("genie: saved " + record + " and " + sessionFile + "\r\n");
            }
        }
        return 0;
    }

    // for the desktop launcher
    Path modelOption() {
        return model;
    }

    double temperatureOption() {
        return temperature;
    }
}
