package dev.pianogenie.app.cli;

import dev.pianogenie.model.engine.DecoderEngine;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--engine", defaultValue = DecoderEngine.DEFAULT_NAME, description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--velocity", defaultValue = "80", description = "velocity for controllers without one (default: ${DEFAULT-VALUE})")
    int velocity;

    @Option(names = "--record", description = "save the performance to this MIDI file (and the button session beside it)")
    Path record;

    @Option(names = GamepadWait.OPTION, defaultValue = "" + GamepadWait.DEFAULT_SECONDS, paramLabel = "SECONDS",
            description = "headless, with --controller gamepad and none plugged in: how long to wait for one"
                    + " (default: ${DEFAULT-VALUE}; 0 = as long as it takes)")
    int gamepadWait;

    @Option(names = "--learn", description = "first learn which buttons of the gamepad / keys of the MIDI keyboard are"
            + " the 8 buttons (and the pedal): press them in turn, low to high; saved for that device")
    boolean learn;

    @Override
    public Integer call() throws Exception {
        if (!headless) {
            return DesktopLauncher.launch(this); // the windowed path (the desktop app)
        }
        return new HeadlessPlay(this).run();
    }

    // for the desktop launcher
    Path modelOption() {
        return model;
    }

    double temperatureOption() {
        return temperature;
    }
}
