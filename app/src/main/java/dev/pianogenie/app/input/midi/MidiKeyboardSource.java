package dev.pianogenie.app.input.midi;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.sound.MidiDeviceException;
import dev.pianogenie.midi.sound.MidiDevices;
import dev.pianogenie.model.Keys;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;

/**
 * A MIDI keyboard or pad controller as the 8 buttons: its keys press and release buttons with their velocity
 * ({@link MidiKeyMapping}: every key folded into 8 zones, or 8 chosen keys), CC64 is the sustain pedal (any
 * channel; a continuous pedal's stream of values becomes one down and one up). Chords play: every key struck is a
 * press (a second key in a zone already held re-strikes its button), and a button is released when the last key
 * holding it goes up. The mapping is the one given, else the one learnt for this device, else zones over C3..C5.
 * Messages are stamped when they arrive (Java's MIDI input carries no usable device timestamp).
 */
public final class MidiKeyboardSource implements ButtonSource, LearnsKeys {
    private final String deviceName;
    private final Optional<MidiKeyMapping> given;
    private volatile MidiKeyMapping mapping;
    /** The model's button count: zones and rows fold into it. */
    private volatile int buttons = Keys.DEFAULT_BUTTONS;

    private volatile int[] learning; // pitches learnt so far, while learning
    private volatile IntConsumer learnProgress = n -> {};
    private volatile Consumer<String> learnDone = d -> {};
    private volatile MidiKeyMapping.Kind learnKind = MidiKeyMapping.Kind.KEYS; // what the next learn() learns
    private boolean pedalDown; // MIDI input thread only
    /** MIDI input thread only: the button each key down is holding (-1: none), and how many keys hold each button. */
    private final int[] buttonOfKey = new int[Midi.MAX_DATA + 1];

    private final int[] keysHolding = new int[Keys.MAX_BUTTONS]; // any model's buttons
    private MidiDevice device;
    private Transmitter transmitter;
    private ButtonListener listener;

    /** With a fixed mapping. */
    public MidiKeyboardSource(String deviceName, MidiKeyMapping mapping) {
        this(deviceName, Optional.of(mapping));
    }

    /** With the given mapping, else the one learnt for the device, else zones over C3..C5 (every key plays). */
    public MidiKeyboardSource(String deviceName, Optional<MidiKeyMapping> mapping) {
        this.deviceName = deviceName;
        this.given = mapping;
        this.mapping = mapping.orElse(MidiKeyMapping.standard());
        Arrays.fill(buttonOfKey, -1);
    }

    @Override
    public String name() {
        return "MIDI keyboard " + (device != null ? device.getDeviceInfo().getName() : deviceName);
    }

    public MidiKeyMapping mapping() {
        return mapping;
    }

    public void setMapping(MidiKeyMapping m) {
        this.mapping = m.withButtons(buttons);
    }

    @Override
    public void useButtons(int numButtons) {
        buttons = numButtons;
        mapping = mapping.withButtons(numButtons);
    }

    /** Who hears about learning when another input (JACK's) feeds {@link #handle}. */
    void listenTo(ButtonListener l) {
        this.listener = l;
    }

    @Override
    public void start(ButtonListener l) throws ControllerException {
        this.listener = l;
        try {
            device = MidiDevices.open(deviceName, false);
            transmitter = device.getTransmitter();
        } catch (MidiDeviceException | MidiUnavailableException e) {
            if (device != null) {
                device.close();
            }
            throw new ControllerException("cannot use the MIDI keyboard '" + deviceName + "': " + e.getMessage(), e);
        }
        String note = "";
        if (given.isEmpty()) {
            try {
                Optional<MidiKeyMapping> saved =
                        MidiKeyMapping.saved(device.getDeviceInfo().getName());
                if (saved.isPresent()) {
                    mapping = saved.get().withButtons(buttons);
                    note = " (learnt)";
                }
            } catch (IOException e) {
                note = " (" + e.getMessage() + ")";
            }
        }
        transmitter.setReceiver(new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                handle(message, System.nanoTime(), l);
            }

            @Override
            public void close() {
                l.onConnection(name(), false, "the MIDI keyboard '" + deviceName + "' was closed");
            }
        });
        l.onConnection(
                name(),
                true,
                "MIDI keyboard '" + device.getDeviceInfo().getName() + "': "
                        + (mapping.kind() == MidiKeyMapping.Kind.KEYS ? "keys " : "") + mapping + note
                        + ", CC64 = pedal");
    }

    void handle(MidiMessage message, long nanos, ButtonListener out) {
        if (!(message instanceof ShortMessage m)) {
            return;
        }
        int command = m.getCommand();
        boolean noteOn = command == Midi.NOTE_ON && m.getData2() > 0;
        if (learning != null && noteOn) {
            learn(m.getData1());
            return; // a key-up still releases what a key held from before learning: no button is left down
        }
        int key = m.getData1();
        if (noteOn) {
            int b = mapping.button(key);
            if (b < 0) {
                return;
            }
            int before = buttonOfKey[key];
            if (before != b) { // a key struck again without its key-up holds its button once
                if (before >= 0) {
                    keysHolding[before]--;
                }
                buttonOfKey[key] = b;
                keysHolding[b]++;
            }
            out.onEvent(ButtonEvent.press(b, m.getData2(), nanos));
        } else if (command == Midi.NOTE_OFF || command == Midi.NOTE_ON) {
            int b = buttonOfKey[key];
            if (b < 0) {
                return;
            }
            buttonOfKey[key] = -1;
            if (--keysHolding[b] == 0) {
                out.onEvent(ButtonEvent.release(b, nanos));
            }
        } else if (command == Midi.CONTROL_CHANGE && m.getData1() == Midi.SUSTAIN_PEDAL) {
            boolean down = m.getData2() >= Midi.PEDAL_DOWN_FROM;
            if (down != pedalDown) {
                pedalDown = down;
                out.onEvent(ButtonEvent.pedal(down, nanos));
            }
        }
    }

    @Override
    public void learnAs(MidiKeyMapping.Kind kind) {
        this.learnKind = kind;
    }

    @Override
    public int learnSteps() {
        return switch (learnKind) {
            case KEYS -> MidiKeyMapping.CHOSEN_KEYS;
            case ZONES -> 2;
            case ROWS -> 3;
        };
    }

    /**
     * Learn mode, saved for this device: the next 8 different keys played become buttons 0..7 (low to high); or,
     * after {@link #learnZones learnZones(true)}, the next 2 different keys are the ends of the range folded into zones.
     */
    @Override
    public void learn(IntConsumer progress, Consumer<String> done) {
        learnProgress = progress;
        learnDone = done;
        learning = new int[0];
    }

    private void learn(int pitch) {
        int[] so = learning;
        if (Arrays.stream(so).anyMatch(p -> p == pitch)) {
            return;
        }
        int[] more = Arrays.copyOf(so, so.length + 1);
        more[so.length] = pitch;
        MidiKeyMapping.Kind kind = learnKind;
        if (kind != MidiKeyMapping.Kind.KEYS
                && more.length == 2
                && Math.abs(more[0] - more[1]) + 1 < Keys.DEFAULT_BUTTONS) {
            return; // too narrow a range for 8 zones, or a row's right end left of its left end: wait for another key
        }
        if (kind == MidiKeyMapping.Kind.ROWS && more.length == 2 && more[1] < more[0]) {
            return;
        }
        if (kind == MidiKeyMapping.Kind.ROWS && more.length == 3 && Math.abs(more[2] - more[0]) <= more[1] - more[0]) {
            return; // the next row's first pad cannot be inside this row
        }
        learnProgress.accept(more.length);
        if (more.length < learnSteps()) {
            learning = more;
            return;
        }
        MidiKeyMapping m =
                switch (kind) {
                    case KEYS -> MidiKeyMapping.learnt(more);
                    case ZONES -> MidiKeyMapping.zones(more[0], more[1]);
                    case ROWS -> MidiKeyMapping.rows(more[0], more[1], more[2]);
                };
        MidiKeyMapping playing = m.withButtons(buttons); // saved without the count: one keyboard plays every model
        mapping = playing;
        learning = null;
        try {
            m.save(device != null ? device.getDeviceInfo().getName() : deviceName); // a JACK port: its name
        } catch (IOException e) {
            listener.onConnection(name(), true, "the mapping works but could not be saved: " + e.getMessage());
        }
        learnDone.accept(playing.toString()); // as it plays: a 4-button model's range in 4 zones, not 8
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
