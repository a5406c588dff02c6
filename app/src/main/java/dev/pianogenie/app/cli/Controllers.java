package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.TerminalKeyboard;
import dev.pianogenie.app.input.mic.MicrophoneSource;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.input.midi.MidiKeyboardSource;
import dev.pianogenie.app.input.replay.ReplaySource;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.midi.sound.BuiltInSynth;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.MidiDevices;
import java.nio.file.Path;
import java.util.Optional;

/** The command line's names for controllers and outputs, in one place. */
public final class Controllers {
    static final String CONTROLLER_HELP =
            "keyboard | gamepad[:NAME] | midi:NAME[@BASE_NOTE] | mic | replay:FILE[@fast]";
    static final String OUTPUT_HELP = "synth[:SF2] | midi:NAME[@CHANNEL 1-16]";

    private Controllers() {
    }

    public static ButtonSource controller(String spec, Runnable quit) {
        String kind = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String arg = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : null;
        return switch (kind) {
            case "keyboard" -> new TerminalKeyboard(quit);
            case "gamepad" -> GamepadSource.system(Optional.ofNullable(arg));
            case "mic" -> new MicrophoneSource();
            case "midi" -> {
                if (arg == null) {
                    throw new IllegalArgumentException("--controller midi:NAME needs the MIDI input's name (see ./genie devices)");
                }
                String[] parts = arg.split("@");
                int base = parts.length > 1 ? Integer.parseInt(parts[1]) : 60;
                yield new MidiKeyboardSource(parts[0], MidiKeyMapping.whiteKeysFrom(base));
            }
            case "replay" -> {
                if (arg == null) {
                    throw new IllegalArgumentException("--controller replay:FILE needs a recorded session file");
                }
                boolean fast = arg.endsWith("@fast");
                yield new ReplaySource(Path.of(fast ? arg.substring(0, arg.length() - 5) : arg), !fast, quit);
            }
            default -> throw new IllegalArgumentException("unknown controller '" + spec + "' (expected " + CONTROLLER_HELP + ")");
        };
    }

    public static NoteSink output(String spec) throws MidiDeviceException {
        if (spec.equals("synth") || spec.startsWith("synth:")) {
            Optional<Path> sf2 = spec.startsWith("synth:") ? Optional.of(Path.of(spec.substring(6))) : Optional.empty();
            return BuiltInSynth.openLive(sf2);
        }
        if (spec.startsWith("midi:")) {
            String[] parts = spec.substring(5).split("@");
            int channel = parts.length > 1 ? Integer.parseInt(parts[1]) - 1 : 0;
            return MidiDevices.outputSink(parts[0], channel);
        }
        throw new IllegalArgumentException("unknown output '" + spec + "' (expected " + OUTPUT_HELP + ")");
    }
}
