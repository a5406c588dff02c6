package dev.pianogenie.app.input.midi;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.MidiDevices;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/**
 * A MIDI keyboard or pad controller as the 8 buttons: its mapped keys press and release buttons with their
 * velocity, CC64 is the sustain pedal (any channel). Messages are stamped when they arrive (Java's MIDI
 * input carries no usable device timestamp).
 */
public final class MidiKeyboardSource implements ButtonSource {
    private final String deviceName;
    private volatile MidiKeyMapping mapping;
    private volatile java.util.function.Consumer<Integer> learner;
    private MidiDevice device;
    private Transmitter transmitter;

    public MidiKeyboardSource(String deviceName, MidiKeyMapping mapping) {
        this.deviceName = deviceName;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return "MIDI keyboard " + deviceName + " (" + mapping + ")";
    }

    public void setMapping(MidiKeyMapping m) {
        this.mapping = m;
    }

    @Override
    public void start(ButtonListener listener) throws ControllerException {
        try {
            device = MidiDevices.open(deviceName, false);
            transmitter = device.getTransmitter();
        } catch (MidiDeviceException | MidiUnavailableException e) {
            if (device != null) {
                device.close();
            }
            throw new ControllerException("cannot use the MIDI keyboard '" + deviceName + "': " + e.getMessage(), e);
        }
        transmitter.setReceiver(new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                handle(message, System.nanoTime(), listener);
            }

            @Override
            public void close() {
                listener.onConnection(name(), false, "the MIDI keyboard '" + deviceName + "' was closed");
            }
        });
        listener.onConnection(name(), true, "MIDI keyboard '" + device.getDeviceInfo().getName() + "', keys " + mapping);
    }

    void handle(MidiMessage message, long nanos, ButtonListener listener) {
        if (!(message instanceof ShortMessage m)) {
            return;
        }
        int command = m.getCommand();
        java.util.function.Consumer<Integer> l = learner;
        if (l != null) {
            if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
                l.accept(m.getData1());
            }
            return;
        }
        if (command == ShortMessage.NOTE_ON && m.getData2() > 0) {
            int b = mapping.button(m.getData1());
            if (b >= 0) {
                listener.onEvent(ButtonEvent.press(b, m.getData2(), nanos));
            }
        } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
            int b = mapping.button(m.getData1());
            if (b >= 0) {
                listener.onEvent(ButtonEvent.release(b, nanos));
            }
        } else if (command == ShortMessage.CONTROL_CHANGE && m.getData1() == 64) {
            listener.onEvent(ButtonEvent.pedal(m.getData2() >= 64, nanos));
        }
    }

    /**
     * Learn mode: the next 8 different keys played become buttons 0..7, lowest button first; while learning,
     * keys do not play.
     */
    public void learn(java.util.function.Consumer<MidiKeyMapping> done) {
        java.util.List<Integer> keys = new java.util.ArrayList<>();
        learner = pitch -> {
            if (!keys.contains(pitch)) {
                keys.add(pitch);
            }
            if (keys.size() == dev.pianogenie.model.Keys.NUM_BUTTONS) {
                MidiKeyMapping m = MidiKeyMapping.learnt(keys.stream().mapToInt(Integer::intValue).toArray());
                mapping = m;
                learner = null;
                done.accept(m);
            }
        };
    }

    @Override
    public void close() {
        if (transmitter != null) {
            transmitter.close();
        }
        if (device != null) {
            device.close();
        }
    }
}
