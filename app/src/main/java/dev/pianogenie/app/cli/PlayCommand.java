package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.KeyVelocity;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.live.ControllerSpec;
import dev.pianogenie.app.live.KeyChoice;
import dev.pianogenie.app.live.LiveSetup;
import dev.pianogenie.app.live.LiveSetup.Choice;
import dev.pianogenie.app.live.OutputSpec;
import dev.pianogenie.app.live.RecordTarget;
import dev.pianogenie.app.perform.Dynamics;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.DecoderEngine;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code ./genie play}: the desktop app, or with {@code --headless} live play without a window. Either way the
 * options become one {@link LiveSetup}, handed to the face that runs.
 */
@Command(
        name = "play",
        mixinStandardHelpOptions = true,
        description = {
            "Play live. Without --headless: the desktop app. With --headless: no window, e.g. a gamepad",
            "driving a DAW through MIDI out. " + "Keys: "
                    + "1-8 / a s d f j k l ; = buttons, space = pedal, 0 / r = reset, q = quit.",
            "Every option works in the window too (what it does not set, the window remembers from last time)."
        })
public final class PlayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--headless", description = "play without a window")
    boolean headless;

    @Option(
            names = "--controller",
            defaultValue = "keyboard",
            description = ControllerSpec.HELP + " (default: ${DEFAULT-VALUE})")
    List<String> controllers;

    @Option(names = "--output", defaultValue = "synth", description = OutputSpec.HELP + " (default: ${DEFAULT-VALUE})")
    List<String> outputs;

    @Option(names = "--model", description = "model folder or TF.js checkpoint (default: the shipped model)")
    Path model;

    @Option(names = "--temperature", description = "0 = always the likeliest key, up to 1 (default: ${DEFAULT-VALUE})")
    double temperature = Sampling.DEFAULT_TEMPERATURE;

    @picocli.CommandLine.Mixin
    KeyListOptions keys;

    @Option(names = "--seed", description = "random seed (default: a fresh one per take, written in its session file)")
    Long seed;

    @Option(
            names = "--engine",
            defaultValue = DecoderEngine.DEFAULT_NAME,
            description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(
            names = "--velocity",
            paramLabel = "V",
            description = "a fixed velocity 1..127 for presses without one, whatever"
                    + " the model predicts and the dynamics (default: the model's own velocity at the dynamics; 80 for a model"
                    + " without a velocity output)")
    Integer velocity;

    @Option(
            names = "--dynamics",
            paramLabel = "LEVEL",
            defaultValue = "mf",
            description = "how loud the genie plays: "
                    + Dynamics.HELP
                    + " (mf = 80 plays the model's velocities as predicted; each mark is a gain on them;"
                    + " default: ${DEFAULT-VALUE})")
    String dynamics;

    @Option(
            names = "--key-velocity",
            paramLabel = "MODE",
            defaultValue = "play",
            description = "a MIDI keyboard's velocity: "
                    + "play = the note is played at it, dynamics = it sets the dynamics (default: ${DEFAULT-VALUE})")
    String keyVelocity;

    @Option(
            names = "--record",
            description = "save the performance to this MIDI file (and the button session beside it);"
                    + " in the window, recording starts at once")
    Path record;

    @Option(
            names = GamepadWait.OPTION,
            defaultValue = "" + GamepadWait.DEFAULT_SECONDS,
            paramLabel = "SECONDS",
            description = "headless, with --controller gamepad and none plugged in: how long to wait for one"
                    + " (default: ${DEFAULT-VALUE}; 0 = as long as it takes)")
    int gamepadWait;

    @Option(
            names = "--kiosk",
            description = "exhibition mode: full screen, large pads, settings locked (no dialogs), the"
                    + " cursor hidden, quit only with --kiosk-quit; after --kiosk-idle seconds without playing, a new phrase with"
                    + " the exhibit's settings (and --attract's demo)")
    boolean kiosk;

    @Option(
            names = "--lang",
            paramLabel = "LANG",
            description = "the language of the kiosk's texts: en, de (default: the" + " system's, else English)")
    String lang;

    @Option(
            names = "--kiosk-idle",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description =
                    "with --kiosk: seconds" + " without playing before the exhibit resets (default: ${DEFAULT-VALUE})")
    int kioskIdle;

    @Option(
            names = "--attract",
            arity = "0..1",
            fallbackValue = "docs/demo.session.jsonl",
            paramLabel = "SESSION",
            description = "with --kiosk: replay this session (default docs/demo.session.jsonl) while nobody plays; the"
                    + " first press stops it")
    Path attract;

    @Option(
            names = "--kiosk-quit",
            paramLabel = "KEYS",
            defaultValue = "Ctrl+Alt+Q",
            description = "with --kiosk: the" + " only key combination that quits (default: ${DEFAULT-VALUE})")
    String kioskQuit;

    @Option(
            names = "--learn",
            arity = "0..1",
            fallbackValue = "keys",
            paramLabel = "keys|zones|rows",
            description =
                    "first learn which buttons of the gamepad / keys of the MIDI keyboard are the 8 buttons (and the"
                            + " pedal): press them in turn, low to high; --learn=zones: every key of the MIDI keyboard plays, folded into"
                            + " 8 zones left to right — press its lowest and its highest key; --learn=rows: a pad grid (a Launchpad) whose"
                            + " every row plays the 8 buttons — press a row's leftmost and rightmost pad, then the next row's leftmost;"
                            + " saved for that device (headless)")
    String learn;

    @Override
    public Integer call() throws Exception {
        java.util.Optional<dev.pianogenie.app.ui.KioskSettings> exhibit =
                kioskSettings(); // refused before anything opens
        OptionChecks.atLeast(GamepadWait.OPTION, gamepadWait, 0);
        LiveSetup setup = setup().followingReplay(line -> System.err.println("genie: " + line));
        if (setup.record().isPresent()) {
            RecordTarget.check(
                    setup.record().get()); // before playing, in either face: a take must not be lost at the end
            Path asked = setup.record().get();
            Path free = RecordTarget.unused(asked); // an existing take (or the session being replayed) stays as it is
            if (!free.equals(asked)) {
                System.err.println(
                        "genie: " + asked + " is already a take (or its session file is there): recording to "
                                + free.getFileName() + " instead");
                setup = setup.withRecord(free);
            }
        }
        if (!headless) {
            return DesktopLauncher.launch(setup, exhibit); // the windowed path (the desktop app)
        }
        MidiKeyMapping.Kind learnKind =
                switch (learn == null ? "keys" : learn) {
                    case "keys" -> MidiKeyMapping.Kind.KEYS;
                    case "zones" -> MidiKeyMapping.Kind.ZONES;
                    case "rows" -> MidiKeyMapping.Kind.ROWS;
                    default ->
                        throw new IllegalArgumentException(
                                "--learn takes keys (8 keys or pad buttons, the default), zones"
                                        + " (a MIDI keyboard's lowest and highest key: every key plays) or rows (a pad grid), not '"
                                        + learn + "'");
                };
        return new HeadlessPlay(setup, learn != null, learnKind, gamepadWait).run();
    }

    /**
     * The exhibition's settings: with --kiosk, or when the machine's kiosk setting ({@link KioskSetting}) is on (the
     * command line wins over it); the kiosk options without either are refused rather than ignored.
     */
    java.util.Optional<dev.pianogenie.app.ui.KioskSettings> kioskSettings() {
        ParseResult given = spec.commandLine().getParseResult();
        java.util.Properties saved = headless ? new java.util.Properties() : KioskSetting.read(KioskSetting.file());
        boolean on = kiosk || "on".equals(saved.getProperty("kiosk", "off").trim());
        if (!on) {
            for (String o : new String[] {"--lang", "--kiosk-idle", "--attract", "--kiosk-quit"}) {
                if (given != null && given.hasMatchedOption(o)) {
                    throw new IllegalArgumentException(o + " is for the exhibition mode: add --kiosk");
                }
            }
            return java.util.Optional.empty();
        }
        if (headless) {
            throw new IllegalArgumentException("--kiosk is a window: it does not go with --headless");
        }
        String language = lang != null ? lang : saved.getProperty("lang");
        java.util.Locale locale =
                language == null ? java.util.Locale.getDefault() : java.util.Locale.forLanguageTag(language.trim());
        if (language != null && !java.util.List.of("en", "de").contains(locale.getLanguage())) {
            throw new IllegalArgumentException("--lang: no texts in '" + language + "' yet (en, de)");
        }
        int idle = kioskIdle;
        if ((given == null || !given.hasMatchedOption("--kiosk-idle")) && saved.getProperty("idle") != null) {
            idle = dev.pianogenie.app.live.ControllerSpec.numberOf(
                    saved.getProperty("idle"), "idle in " + KioskSetting.file() + " (seconds)");
        }
        Path demo = attract != null
                ? attract
                : saved.getProperty("attract") != null
                        ? Path.of(saved.getProperty("attract").trim())
                        : null;
        String quit = given != null && given.hasMatchedOption("--kiosk-quit")
                ? kioskQuit
                : saved.getProperty("quit", kioskQuit).trim();
        return java.util.Optional.of(new dev.pianogenie.app.ui.KioskSettings(
                locale, java.time.Duration.ofSeconds(idle), java.util.Optional.ofNullable(demo), quit));
    }

    /** The setup {@code ./genie play ARGS} stands for (before a replayed session's own settings are applied). */
    public static LiveSetup setupFrom(String... args) {
        picocli.CommandLine cli = new picocli.CommandLine(new PlayCommand());
        cli.parseArgs(args);
        return ((PlayCommand) cli.getCommand()).setup();
    }

    /** The options as one setup; what was given on the command line is marked chosen. */
    LiveSetup setup() {
        ParseResult given = spec.commandLine().getParseResult();
        EnumSet<Choice> chosen = EnumSet.noneOf(Choice.class);
        String[][] names = {
            {"--model"},
            {"--engine"},
            {"--temperature"},
            {"--scale", "--range"},
            {"--seed"},
            {"--velocity"},
            {"--dynamics"},
            {"--key-velocity"},
            {"--output"},
            {"--controller"},
            {"--record"}
        };
        Choice[] choices = {
            Choice.MODEL,
            Choice.ENGINE,
            Choice.TEMPERATURE,
            Choice.KEYS,
            Choice.SEED,
            Choice.VELOCITY,
            Choice.DYNAMICS,
            Choice.KEY_VELOCITY,
            Choice.OUTPUT,
            Choice.CONTROLLER,
            Choice.RECORD
        };
        for (int i = 0; i < choices.length; i++) {
            for (String n : names[i]) {
                if (given != null && given.hasMatchedOption(n)) {
                    chosen.add(choices[i]);
                }
            }
        }
        return new LiveSetup(
                Optional.ofNullable(model),
                DecoderEngine.parse(engine),
                temperature,
                new KeyChoice(keys.rootedScale(), keys.pitchRange()),
                seed == null ? OptionalLong.empty() : OptionalLong.of(seed),
                velocity == null ? OptionalInt.empty() : OptionalInt.of(velocity),
                Dynamics.parse(dynamics),
                KeyVelocity.parse(keyVelocity),
                outputs.stream().map(OutputSpec::parse).toList(),
                controllers.stream().map(ControllerSpec::parse).toList(),
                Optional.ofNullable(record),
                chosen);
    }
}
