package dev.pianogenie.app.live;

import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.keyboard.TerminalKeyboard;
import dev.pianogenie.app.input.mic.MicrophoneSource;
import dev.pianogenie.app.input.midi.JackMidiKeyboardSource;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.input.midi.MidiKeyboardSource;
import dev.pianogenie.app.input.replay.ReplaySource;
import dev.pianogenie.app.input.replay.SessionFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A controller as the command line and the window name it — {@code keyboard}, {@code gamepad[:NAME]},
 * {@code midi:NAME[@BASE_NOTE | @LOW-HIGH]}, {@code jack-midi[:PORT][@BASE_NOTE]} (JACK's MIDI input port, connected from
 * PORT), {@code mic}, {@code replay:FILE[@fast]} — parsed (and checked) once, opened when the chain is wired. The one
 * place for these names. For a MIDI keyboard, {@code baseNote} is the first of 8 white keys, or with {@code highNote}
 * ≥ 0 the lowest key of the range folded into zones.
 */
public record ControllerSpec(Kind kind, String name, int baseNote, int highNote, boolean fast) {
    public static final String HELP =
            "keyboard | gamepad[:NAME] | midi:NAME[@BASE_NOTE | @LOW-HIGH] | jack-midi[:PORT][@BASE_NOTE] | mic | replay:FILE[@fast]";
    public static final ControllerSpec KEYBOARD = new ControllerSpec(Kind.KEYBOARD, "", -1, false);
    public static final ControllerSpec GAMEPAD = new ControllerSpec(Kind.GAMEPAD, "", -1, false);

    public enum Kind {
        KEYBOARD,
        GAMEPAD,
        MIDI,
        JACK_MIDI,
        MIC,
        REPLAY
    }

    /** Any controller but a MIDI keyboard given a range. */
    public ControllerSpec(Kind kind, String name, int baseNote, boolean fast) {
        this(kind, name, baseNote, -1, fast);
    }

    /**
     * The controller a name stands for.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static ControllerSpec parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? "" : s.substring(colon + 1).trim();
        if (s.startsWith("jack-midi@")) { // jack-midi@BASE: no port to connect from
            kind = "jack-midi";
            arg = s.substring("jack-midi".length());
        }
        return switch (kind) {
            case "keyboard" -> KEYBOARD;
            case "gamepad" -> new ControllerSpec(Kind.GAMEPAD, arg, -1, false);
            case "mic" -> new ControllerSpec(Kind.MIC, "", -1, false);
            case "midi" -> {
                if (arg.isEmpty()) {
                    throw new IllegalArgumentException(
                            "--controller midi:NAME needs the MIDI input's name (see ./genie devices)");
                }
                int at = arg.lastIndexOf('@');
                if (at < 0) {
                    yield new ControllerSpec(
                            Kind.MIDI, arg, -1, false); // learnt mapping, else every key in zones over C3..C5
                }
                String after = arg.substring(at + 1).trim();
                int dash = after.indexOf('-', 1);
                if (dash > 0) {
                    String what =
                            "the range in midi:NAME@LOW-HIGH (MIDI note numbers of the keyboard's lowest and highest key, e.g. 48-72)";
                    int low = number(after.substring(0, dash), what);
                    int high = number(after.substring(dash + 1), what);
                    MidiKeyMapping z =
                            MidiKeyMapping.zones(low, high); // refuses a range off the keyboard or too narrow now
                    yield new ControllerSpec(Kind.MIDI, arg.substring(0, at), z.low(), z.high(), false);
                }
                int base =
                        number(after, "the base note in midi:NAME@BASE (a MIDI note number of a white key, 60 = C4)");
                MidiKeyMapping.whiteKeysFrom(base); // refuses a black key or one off the keyboard now, not at play time
                yield new ControllerSpec(Kind.MIDI, arg.substring(0, at), base, false);
            }
            case "jack-midi" -> {
                int at = arg.lastIndexOf('@');
                if (at < 0) {
                    yield new ControllerSpec(Kind.JACK_MIDI, arg, -1, false);
                }
                int base = number(
                        arg.substring(at + 1),
                        "the base note in jack-midi[:PORT]@BASE (a MIDI note number of a white key, 60 = C4)");
                MidiKeyMapping.whiteKeysFrom(base);
                yield new ControllerSpec(Kind.JACK_MIDI, arg.substring(0, at).trim(), base, false);
            }
            case "replay" -> {
                if (arg.isEmpty()) {
                    throw new IllegalArgumentException("--controller replay:FILE needs a recorded session file (FILE"
                            + SessionFile.EXTENSION + ", saved beside a --record FILE.mid)");
                }
                boolean fast = arg.endsWith("@fast");
                yield new ControllerSpec(Kind.REPLAY, fast ? arg.substring(0, arg.length() - 5) : arg, -1, fast);
            }
            default -> throw new IllegalArgumentException("unknown controller '" + spec + "' (expected " + HELP + ")");
        };
    }

    /** The replayed session file (for {@link Kind#REPLAY}). */
    public Path file() {
        return Path.of(name);
    }

    /**
     * Opens it (not yet started).
     *
     * @param quit what a controller calls to end the session (q in the terminal, the end of a replay)
     */
    public ButtonSource open(Runnable quit) {
        return switch (kind) {
            case KEYBOARD -> new TerminalKeyboard(quit);
            case GAMEPAD -> GamepadSource.system(Optional.ofNullable(name.isEmpty() ? null : name));
            case MIC -> new MicrophoneSource();
            case JACK_MIDI ->
                new JackMidiKeyboardSource(
                        name.isEmpty() ? Optional.empty() : Optional.of(name),
                        baseNote < 0 ? Optional.empty() : Optional.of(MidiKeyMapping.whiteKeysFrom(baseNote)));
            case MIDI ->
                baseNote < 0
                        ? new MidiKeyboardSource(name, Optional.empty())
                        : new MidiKeyboardSource(
                                name,
                                highNote >= 0
                                        ? MidiKeyMapping.zones(baseNote, highNote)
                                        : MidiKeyMapping.whiteKeysFrom(baseNote));
            case REPLAY -> new ReplaySource(file(), !fast, quit);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case KEYBOARD -> "keyboard";
            case GAMEPAD -> name.isEmpty() ? "gamepad" : "gamepad:" + name;
            case MIC -> "mic";
            case JACK_MIDI -> "jack-midi" + (name.isEmpty() ? "" : ":" + name) + (baseNote < 0 ? "" : "@" + baseNote);
            case MIDI -> "midi:" + name + (baseNote < 0 ? "" : "@" + baseNote + (highNote < 0 ? "" : "-" + highNote));
            case REPLAY -> "replay:" + name + (fast ? "@fast" : "");
        };
    }

    /**
     * A warning when this MIDI keyboard is also an output: a port that plays back what it is sent (a DAW's MIDI thru, a
     * software loop) would feed every note the genie plays back in as a press — and with every key playing, without
     * end. A digital piano used both ways does not echo; the warning says what to do if this one does.
     */
    public java.util.Optional<String> echoRisk(java.util.List<OutputSpec> outputs) {
        if (kind != Kind.MIDI
                || outputs.stream()
                        .noneMatch(o ->
                                o.kind() == OutputSpec.Kind.MIDI && o.device().equals(name))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("'" + name + "' is both the MIDI keyboard and the output: if it sends back what it"
                + " is sent (MIDI thru, a loop), the genie's notes will play again and again — turn thru off, or use"
                + " midi:" + name + "@60 (8 keys) or another output");
    }

    /** A whole number, or one line saying what was expected ({@code what}). */
    public static int numberOf(String text, String what) {
        return number(text, what);
    }

    static int number(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number: " + what);
        }
    }
}
