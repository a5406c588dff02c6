package dev.pianogenie.app.live;

import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.midi.jack.JackHost;
import dev.pianogenie.midi.jack.JackMidiSink;
import dev.pianogenie.midi.jack.JackSynthSink;
import dev.pianogenie.midi.sound.AudioTap;
import dev.pianogenie.midi.sound.BuiltInSynth;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.MidiDevices;
import dev.pianogenie.midi.sound.Soundfonts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the notes go, as the command line and the window name it — {@code synth[:SF2]},
 * {@code midi:NAME[@CHANNEL]}, {@code jack[:LEFT,RIGHT]} (the built-in synth into JACK ports, connected to the system
 * playback ports or the ones named; {@code jack:none} connects nothing), {@code jack-midi[:PORT][@CHANNEL]} (a JACK
 * MIDI output port, connected to PORT), {@code none} — parsed (and checked) once, opened when the chain is wired.
 * The one place for these names.
 *
 * @param device  the MIDI output's name; for JACK the ports to connect to ("" = the default)
 * @param channel 1..16 for MIDI out
 */
public record OutputSpec(Kind kind, Optional<Path> soundfont, String device, int channel) {
    public static final String HELP =
            "synth[:SF2] | midi:NAME[@CHANNEL 1-16] | jack[:LEFT,RIGHT|none] | jack-midi[:PORT][@CHANNEL] | none (silent: record, then render or Export WAV)";
    public static final OutputSpec SYNTH = new OutputSpec(Kind.SYNTH, Optional.empty(), "", 0);
    /** No sound at all: a take straight to its recording (then Export WAV or {@code genie render}); needs no sound card. */
    public static final OutputSpec NONE = new OutputSpec(Kind.NONE, Optional.empty(), "", 0);

    public enum Kind {
        NONE,
        SYNTH,
        MIDI,
        JACK,
        JACK_MIDI
    }

    /** The synth into JACK, connected to the system playback ports. */
    public static final OutputSpec JACK = new OutputSpec(Kind.JACK, Optional.empty(), "", 0);
    /** How the synth renders into JACK ({@code -Dgenie.jack.rendering=thread} for the render-ahead thread). */
    public static JackSynthSink.Rendering jackRendering() {
        return "thread".equals(System.getProperty("genie.jack.rendering"))
                ? JackSynthSink.Rendering.THREAD
                : JackSynthSink.Rendering.CALLBACK;
    }

    /**
     * The output a name stands for.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static OutputSpec parse(String spec) {
        String s = spec.trim();
        if (s.equals("none")) {
            return NONE;
        }
        if (s.equals("synth")) {
            return SYNTH;
        }
        if (s.startsWith("synth:")) {
            String file = s.substring(6).trim();
            if (file.isEmpty()) {
                throw new IllegalArgumentException("--output synth:SF2 needs a soundfont file");
            }
            return new OutputSpec(Kind.SYNTH, Optional.of(Path.of(file)), "", 0);
        }
        if (s.startsWith("midi:")) {
            String rest = s.substring(5).trim();
            int at = rest.lastIndexOf('@');
            int channel = 1;
            if (at >= 0) {
                channel = ControllerSpec.number(rest.substring(at + 1), "the channel in midi:NAME@CHANNEL (1-16)");
                rest = rest.substring(0, at).trim();
                if (channel < 1 || channel > 16) {
                    throw new IllegalArgumentException("the MIDI channel must be 1-16, was " + channel);
                }
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(
                        "--output midi:NAME needs the MIDI output's name (see ./genie devices)");
            }
            return new OutputSpec(Kind.MIDI, Optional.empty(), rest, channel);
        }
        if (s.equals("jack") || s.startsWith("jack:")) {
            String ports = s.equals("jack") ? "" : s.substring(5).trim();
            if (s.startsWith("jack:") && ports.isEmpty()) {
                throw new IllegalArgumentException(
                        "--output jack:LEFT,RIGHT needs the playback ports (or none; plain jack: the system's)");
            }
            return new OutputSpec(Kind.JACK, Optional.empty(), ports, 0);
        }
        if (s.equals("jack-midi") || s.startsWith("jack-midi:") || s.startsWith("jack-midi@")) {
            String rest = s.substring("jack-midi".length());
            rest = rest.startsWith(":") ? rest.substring(1) : rest;
            int at = rest.lastIndexOf('@');
            int channel = 1;
            if (at >= 0) {
                channel =
                        ControllerSpec.number(rest.substring(at + 1), "the channel in jack-midi[:PORT]@CHANNEL (1-16)");
                rest = rest.substring(0, at);
                if (channel < 1 || channel > 16) {
                    throw new IllegalArgumentException("the MIDI channel must be 1-16, was " + channel);
                }
            }
            return new OutputSpec(Kind.JACK_MIDI, Optional.empty(), rest.trim(), channel);
        }
        throw new IllegalArgumentException("unknown output '" + spec + "' (expected " + HELP + ")");
    }

    /** Every output this machine offers now: none, the built-in synth (with each soundfont found), each MIDI out. */
    public static List<OutputSpec> available() {
        List<OutputSpec> all = new ArrayList<>();
        all.add(NONE);
        all.add(SYNTH);
        for (Path sf2 : Soundfonts.found()) {
            all.add(new OutputSpec(Kind.SYNTH, Optional.of(sf2), "", 0));
        }
        for (MidiDevices.Port p : MidiDevices.outputs()) {
            all.add(new OutputSpec(Kind.MIDI, Optional.empty(), p.name(), 1));
        }
        if (JackHost.probe().isPresent()) { // JACK only when a server answers
            all.add(JACK);
            all.add(new OutputSpec(Kind.JACK_MIDI, Optional.empty(), "", 1));
        }
        return all;
    }

    /**
     * Opens it for live play; {@link #NONE} opens nothing (empty).
     *
     * @param tap sees the built-in synth's audio (a level meter); unused by other outputs
     * @throws MidiDeviceException if the device is missing, or there is no sound device for the synth
     */
    public Optional<NoteSink> open(AudioTap tap) throws MidiDeviceException {
        return switch (kind) {
            case NONE -> Optional.empty();
            case SYNTH -> Optional.of(BuiltInSynth.openLive(soundfont, tap));
            case MIDI -> Optional.of(MidiDevices.outputSink(device, channel - 1));
            case JACK -> Optional.of(new JackSynthSink(Optional.empty(), jackRendering(), jackPorts(), tap));
            case JACK_MIDI ->
                Optional.of(new JackMidiSink(channel - 1, device.isEmpty() ? Optional.empty() : Optional.of(device)));
        };
    }

    /** The playback ports {@code jack:LEFT,RIGHT} names: empty = the system's; {@code none} = none. */
    private Optional<List<String>> jackPorts() {
        if (device.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                device.equals("none")
                        ? List.of()
                        : List.of(device.split(",")).stream().map(String::trim).toList());
    }

    /** The soundfont a WAV export should use to sound like this output. */
    public Optional<Path> renderSoundfont() {
        return kind == Kind.SYNTH ? soundfont : Optional.empty();
    }

    /** For the window's list. */
    public String label() {
        return switch (kind) {
            case NONE -> "none (silent; record, then Export WAV)";
            case SYNTH ->
                soundfont.map(f -> "synth: " + Soundfonts.shortName(f)).orElse("built-in piano");
            case MIDI -> "MIDI out: " + device + (channel == 1 ? "" : " @" + channel);
            case JACK -> "JACK: built-in synth" + (device.isEmpty() ? "" : " → " + device);
            case JACK_MIDI ->
                "JACK MIDI out" + (device.isEmpty() ? "" : " → " + device) + (channel == 1 ? "" : " @" + channel);
        };
    }

    /** The same output, a soundfont named through a link (Debian's default-GM.sf2) or by its own path alike. */
    public boolean sameAs(OutputSpec other) {
        return equals(other)
                || (kind == Kind.SYNTH
                        && other.kind == Kind.SYNTH
                        && soundfont.isPresent()
                        && other.soundfont.isPresent()
                        && Soundfonts.sameFile(soundfont.get(), other.soundfont.get()));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case SYNTH -> soundfont.map(f -> "synth:" + f).orElse("synth");
            case MIDI -> "midi:" + device + (channel == 1 ? "" : "@" + channel);
            case JACK -> device.isEmpty() ? "jack" : "jack:" + device;
            case JACK_MIDI ->
                "jack-midi" + (device.isEmpty() ? "" : ":" + device) + (channel == 1 ? "" : "@" + channel);
        };
    }
}
