package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.gamepad.JInputNatives;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.live.PianoSound;
import dev.pianogenie.midi.sound.DefaultSound;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.MidiDevices;
import dev.pianogenie.midi.sound.OnsetCheck;
import dev.pianogenie.midi.sound.Soundfonts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import net.java.games.input.ControllerEnvironment;
import picocli.CommandLine.Command;

/** {@code ./genie devices}: what genie can play with and through. */
@Command(
        name = "devices",
        mixinStandardHelpOptions = true,
        description = "List game controllers, MIDI inputs and outputs, audio outputs and inputs, and soundfonts.")
public final class DevicesCommand implements Callable<Integer> {
    /** Notes per sound for the onset shown (about a second of rendering each). */
    static final int ONSET_NOTES = 48;

    @Override
    public Integer call() {
        System.out.println("Game controllers (JInput; --controller gamepad[:NAME]; as the default 8-button model plays"
                + " them):");
        Optional<String> noPads = JInputNatives.ensure();
        List<String> pads =
                noPads.isEmpty() ? GamepadSource.devices(ControllerEnvironment.getDefaultEnvironment()) : List.of();
        print(pads, noPads.orElse("none found (is one plugged in? you need read access to /dev/input/event*)"));
        System.out.println("MIDI inputs (--controller midi:NAME; each with the keys it would play the default 8-button"
                + " model with — learn another with --learn, --learn=zones or --learn=rows):");
        print(
                MidiDevices.inputs().stream()
                        .map(p -> p.name() + ": " + fold(p.name()))
                        .toList(),
                "none");
        System.out.println("MIDI outputs (--output midi:NAME):");
        print(
                MidiDevices.outputs().stream().map(MidiDevices.Port::name).toList(),
                "none (on Linux, load snd-virmidi and connect it to your DAW with aconnect)");
        System.out.println("Audio outputs (the built-in synthesizer plays on the default one):");
        print(mixers(SourceDataLine.class), "none: use a MIDI output");
        System.out.println("Audio inputs (--controller mic):");
        print(mixers(TargetDataLine.class), "none");
        System.out.println("JACK (--output jack, --output jack-midi[:PORT], --controller jack-midi[:PORT]):");
        print(dev.pianogenie.midi.jack.JackHost.probe().stream().toList(), dev.pianogenie.midi.jack.JackHost.NO_SERVER);
        System.out.println("Sounds of the built-in synthesizer (--output synth:FILE.sf2; piano onset = note-on → first "
                + "sample above " + (int) OnsetCheck.THRESHOLD_DBFS + " dBFS, rendered offline):");
        PianoSound.prepareHere();
        System.out.println("  " + onset(Optional.empty()) + "  ← the default"
                + (DefaultSound.loaded().isPresent() ? " (" + DefaultSound.CREDIT + ")" : ""));
        List<Path> found = Soundfonts.found();
        System.out.println("  engine: the JDK's Gervill, " + dev.pianogenie.midi.sound.GervillPatch.describe());
        if (found.isEmpty()) {
            System.out.println("  no soundfont in " + Soundfonts.SEARCH.get(0)
                    + " (Debian: apt-get install timgm6mb-soundfont or fluid-soundfont-gm)");
        }
        for (Path sf2 : found) {
            System.out.println("  " + sf2 + ": " + onset(Optional.of(sf2)));
        }
        return 0;
    }

    /**
     * The fold a MIDI input would get for the default 8-button model — its learnt mapping, else the standard zones; a
     * damaged file says so — and how a model of another count differs (there is no model here).
     */
    public static String fold(String input) {
        MidiKeyMapping m = MidiKeyMapping.standard();
        String note = " (nothing learnt yet)";
        try {
            Optional<MidiKeyMapping> saved = MidiKeyMapping.saved(input);
            if (saved.isPresent()) {
                m = saved.get();
                note = " (learnt)";
            }
        } catch (java.io.IOException e) {
            note = " (" + e.getMessage() + ")";
        }
        return m + note + "; " + otherCounts(m.kind());
    }

    /** What {@link MidiKeyMapping#withButtons} does for a model of another count, in a few words. */
    private static String otherCounts(MidiKeyMapping.Kind kind) {
        return switch (kind) {
            case ZONES -> "a model of n buttons: the same range in n zones";
            case ROWS -> "a model of n buttons: each row in n zones";
            case KEYS -> "these 8 keys whatever the model (one of fewer buttons ignores the upper keys)";
        };
    }

    private static String onset(Optional<Path> sf2) {
        try {
            OnsetCheck.Onset o = OnsetCheck.measure(sf2, ONSET_NOTES, 5);
            return (sf2.isEmpty() ? o.sound() + ": " : "") + o;
        } catch (MidiDeviceException e) {
            return "unusable: " + e.getMessage();
        }
    }

    private static List<String> mixers(Class<? extends Line> kind) {
        return java.util.Arrays.stream(AudioSystem.getMixerInfo())
                .filter(i -> AudioSystem.getMixer(i).isLineSupported(new Line.Info(kind)))
                .map(Mixer.Info::getName)
                .toList();
    }

    private static void print(List<String> items, String none) {
        if (items.isEmpty()) {
            System.out.println("  " + none);
        }
        for (String s : items) {
            System.out.println("  " + s);
        }
    }
}
