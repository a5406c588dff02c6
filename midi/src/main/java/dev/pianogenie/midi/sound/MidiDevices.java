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
    private MidiDevices() {
    }

    /** A port by name. */
    public record Port(String name, String vendor, String description, boolean output, MidiDevice.Info info) {
    }

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

    /** The port whose name equals {@code name}, or else contains it (case-insensitive). */
    public static MidiDevice open(String name, boolean output) throws MidiDeviceException {
        List<Port> ports = output ? outputs() : inputs();
        Port match = null;
        for (Port p : ports) {
            if (p.name().equalsIgnoreCase(name)) {
                match = p;
                break;
            }
        }
        if (match == null) {
            for (Port p : ports) {
                if (p.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                    match = p;
                    break;
                }
            }
        }
        String kind = output ? "MIDI output" : "MIDI input";
        if (match == null) {
            throw new MidiDeviceException("no " + kind + " named '" + name + "'; available: "
                    + (ports.isEmpty() ? "none (on Linux load snd-virmidi to reach a DAW)"
                            : String.join(", ", ports.stream().map(Port::name).toList())));
        }
        try {
            MidiDevice d = MidiSystem.getMidiDevice(match.info());
            d.open();
            return d;
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new MidiDeviceException("the " + kind + " '" + match.name() + "' cannot be opened (in use or unplugged?): "
                    + e.getMessage(), e);
        }
    }

    /** A note sink sending to a MIDI output port on a channel (0..15). */
    public static ReceiverSink outputSink(String name, int channel) throws MidiDeviceException {
        MidiDevice device = open(name, true);
        try {
            return new ReceiverSink(device.getReceiver(), channel, "MIDI out: " + device.getDeviceInfo().getName(), device);
        } catch (MidiUnavailableException e) {
            device.close();
            throw new MidiDeviceException("the MIDI output '" + name + "' has no free receiver: " + e.getMessage(), e);
        }
    }
}
