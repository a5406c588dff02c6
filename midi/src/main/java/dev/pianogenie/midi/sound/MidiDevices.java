package dev.pianogenie.midi.sound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;

/**
 * The MIDI ports Java sees: hardware and virtual outputs and inputs (on Linux: ALSA rawmidi devices, e.g.
 * a USB interface or {@code snd-virmidi} ports wired to a DAW with {@code aconnect}). Java does not notice
 * devices plugged in after its first enumeration.
 */
public final class MidiDevices {
    private MidiDevices() {}

    /** A port by name. */
    public record Port(String name, String vendor, String description, boolean output, MidiDevice.Info info) {}

    /** Ports that accept messages (MIDI out), without Java's synthesizer and sequencer. */
    public static List<Port> outputs() {
        return list(true);
    }

    /** Ports that send messages (MIDI in: keyboards, pad controllers). */
    public static List<Port> inputs() {
        return list(false);
    }

    private static List<Port> list(boolean outputs) {
        List<Port> ports = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            try {
                MidiDevice d = MidiSystem.getMidiDevice(info);
                if (d instanceof Synthesizer || d instanceof Sequencer) {
                    continue;
                }
                int max = outputs ? d.getMaxReceivers() : d.getMaxTransmitters();
                if (max != 0) {
                    ports.add(new Port(info.getName(), info.getVendor(), info.getDescription(), outputs, info));
                }
            } catch (MidiUnavailableException ignored) {
                // a port that cannot even be described is not offered
            }
        }
        return ports;
    }

    /**
     * The port whose name equals {@code name}, or else the one port whose name contains it (case-insensitive); a
     * name that matches several ports is refused with the matches (playing into the wrong synth is worse than not
     * starting).
     */
    public static MidiDevice open(String name, boolean output) throws MidiDeviceException {
        String kind = output ? "MIDI output" : "MIDI input";
        Port match = choose(name, output ? outputs() : inputs(), kind);
        try {
            MidiDevice d = MidiSystem.getMidiDevice(match.info());
            d.open();
            return d;
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new MidiDeviceException(
                    "the " + kind + " '" + match.name() + "' cannot be opened (in use or unplugged?): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The port {@code name} stands for among {@code ports}: the one named exactly so (case-insensitive), else the
     * one whose name contains it.
     *
     * @throws MidiDeviceException when none matches (listing what there is) or several do (listing them)
     */
    static Port choose(String name, List<Port> ports, String kind) throws MidiDeviceException {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<Port> exact = ports.stream()
                .filter(p -> p.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        List<Port> matches = !exact.isEmpty()
                ? exact
                : ports.stream()
                        .filter(p -> p.name().toLowerCase(Locale.ROOT).contains(wanted))
                        .toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new MidiDeviceException("no " + kind + " named '" + name + "'; available: "
                    + (ports.isEmpty() ? "none (on Linux load snd-virmidi to reach a DAW)" : names(ports)));
        }
        throw new MidiDeviceException("'" + name + "' matches " + matches.size() + " " + kind + "s: " + names(matches)
                + "; give more of the name" + (exact.isEmpty() ? "" : " (these share it: unplug all but one)"));
    }

    private static String names(List<Port> ports) {
        return String.join(
                ", ",
                ports.stream()
                        .map(p -> "'" + p.name() + "'"
                                + (p.description() == null
                                                || p.description().isBlank()
                                                || p.description().equals(p.name())
                                        ? ""
                                        : " (" + p.description() + ")"))
                        .toList());
    }

    /** A note sink sending to a MIDI output port on a channel (0..15). */
    public static ReceiverSink outputSink(String name, int channel) throws MidiDeviceException {
        MidiDevice device = open(name, true);
        try {
            return new ReceiverSink(
                    device.getReceiver(),
                    channel,
                    "MIDI out: " + device.getDeviceInfo().getName(),
                    device);
        } catch (MidiUnavailableException e) {
            device.close();
            throw new MidiDeviceException("the MIDI output '" + name + "' has no free receiver: " + e.getMessage(), e);
        }
    }
}
