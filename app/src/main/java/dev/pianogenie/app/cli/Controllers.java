package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.TerminalKeyboard;
import dev.pianogenie.app.input.mic.MicrophoneSource;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.input.midi.MidiKeyboardSource;
import dev.pianogenie.app.input.replay.ReplaySource;
import dev.pianogenie.app.input.replay.SessionFile;
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
    static final String OUTPUT_HELP = "synth[:SF2] | midi:NAME[@CHANNEL 1-16] | none (headless, with --record)";
    /** No sound at all: a headless take straight to its recording (then {@code genie render} for a WAV). */
    static final String NO_OUTPUT = "none";

    private Controllers() {
    }

    /**
     * The controller a command-line name stands for.
     *
     * @param quit what a controller calls to end the session (q in the terminal, the end of a replay)
     */
    public static ButtonSource controller(String spec, Runnable quit) {
        String kind = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        String arg = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : null;
        return switch (kind) {
            case "keyboard" -> new TerminalKeyboard(quit);
            case "gamepad" -> GamepadSource.system(Optional.ofNullable(arg == null || arg.isBlank() ? null : arg));
            case "mic" -> new MicrophoneSource();
            case "midi" -> {
                if (arg == null || arg.isBlank()) {
                    throw new IllegalArgumentException("--controller midi:NAME needs the MIDI input's name (see ./genie devices)");
                }
                int at = arg.lastIndexOf('@');
                if (at < 0) {
                    yield new MidiKeyboardSource(arg, Optional.empty()); // learnt mapping, else white keys from C4
                }
                int base = number(arg.substring(at + 1), "the base note in midi:NAME@BASE (a MIDI note number of a white key, 60 = C4)");
                yield new MidiKeyboardSource(arg.substring(0, at), MidiKeyMapping.whiteKeysFrom(base));
            }
            case "replay" -> {
                if (arg == null || arg.isBlank()) {
                    throw new IllegalArgumentException("--controller replay:FILE needs a recorded session file (FILE"
                            + SessionFile.EXTENSION + ", saved beside a --record FILE.mid)");
                }
                boolean fast = arg.endsWith("@fast");
                yield new ReplaySource(Path.of(fast ? arg.substring(0, arg.length() - 5) : arg), !fast, quit);
            }
            default -> throw new IllegalArgumentException("unknown controller '" + spec + "' (expected " + CONTROLLER_HELP + ")");
        };
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number: " + what);
        }
    }

    public static NoteSink output(String spec) throws MidiDeviceException {
        if (spec.equals("synth") || spec.startsWith("synth:")) {
            Optional<Path> sf2 = spec.startsWith("synth:") ? Optional.of(Path.of(spec.substring(6))) : Optional.empty();
            return BuiltInSynth.openLive(sf2);
        }
        if (spec.startsWith("midi:")) {
            String[] parts = spec.substring(5).split("@");
            int channel = parts.length > 1 ? number(parts[1], "the channel in midi:NAME@CHANNEL (1-16)") - 1 : 0;
            if (channel < 0 || channel > 15) {
                throw new IllegalArgumentException("the MIDI channel must be 1-16, was " + (channel + 1));
            }
            return MidiDevices.outputSink(parts[0], channel);
        }
        if (spec.equals(NO_OUTPUT)) {
            throw new IllegalArgumentException("--output none is for --headless play with --record (a take to a file, no sound)");
        }
        throw new IllegalArgumentException("unknown output '" + spec + "' (expected " + OUTPUT_HELP + ")");
    }
}
