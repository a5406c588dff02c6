package dev.pianogenie.app.input.midi;

import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.midi.jack.JackMidiInput;
import dev.pianogenie.midi.sound.MidiDeviceException;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/**
 * A keyboard, pad or DAW track reaching us through JACK's MIDI input port {@code piano-genie:midi_in}: plays the
 * genie exactly as a {@code midi:} keyboard does (the same mapping — given, learnt for this port (Learn… in the
 * window, {@code --learn}), or every key of C3..C5 folded into zones —, velocity, CC64 pedal), because it is handled
 * by the same code. Events carry the time JACK gives them (the frame they came in), not the time they were handled.
 */
public final class JackMidiKeyboardSource implements ButtonSource, LearnsKeys {
    /** The name its learnt mapping is saved under (one per machine: there is one JACK input). */
    public static final String MAPPING_NAME =
            "JACK " + dev.pianogenie.midi.jack.JackHost.CLIENT_NAME + ":" + JackMidiInput.PORT;

    private final Optional<String> connectFrom;
    private final boolean mappingGiven;
    private final MidiKeyboardSource keys;
    private JackMidiInput input;

    /**
     * @param connectFrom a JACK MIDI output to connect to the input at start (e.g. "a2j:Keystation"), or empty
     * @param mapping     a fixed mapping, else the learnt one, else zones over C3..C5 (every key plays)
     */
    public JackMidiKeyboardSource(Optional<String> connectFrom, Optional<MidiKeyMapping> mapping) {
        this.connectFrom = connectFrom;
        this.mappingGiven = mapping.isPresent();
        this.keys = new MidiKeyboardSource(MAPPING_NAME, mapping);
    }

    @Override
    public String name() {
        return "JACK MIDI in " + dev.pianogenie.midi.jack.JackHost.CLIENT_NAME + ":" + JackMidiInput.PORT;
    }

    public MidiKeyMapping mapping() {
        return keys.mapping();
    }

    @Override
    public void useButtons(int numButtons) {
        keys.useButtons(numButtons);
    }

    @Override
    public void start(ButtonListener l) throws ControllerException {
        keys.listenTo(l);
        String note = "";
        if (!mappingGiven) {
            try {
                Optional<MidiKeyMapping> saved = MidiKeyMapping.saved(MAPPING_NAME);
                if (saved.isPresent()) {
                    keys.setMapping(saved.get());
                    note = " (learnt)";
                }
            } catch (IOException e) {
                note = " (" + e.getMessage() + ")";
            }
        }
        try {
            input = new JackMidiInput(connectFrom, new JackMidiInput.Listener() {
                private final ShortMessage message = new ShortMessage(); // the input's thread only

                @Override
                public void message(int status, int data1, int data2, long nanos) {
                    try {
                        message.setMessage(status, data1, data2);
                    } catch (InvalidMidiDataException e) {
                        return; // not a channel message the keyboard code reads
                    }
                    keys.handle(message, nanos, l);
                }

                @Override
                public void serverGone(String detail) {
                    l.onConnection(name(), false, detail);
                }
            });
        } catch (MidiDeviceException e) {
            throw new ControllerException("cannot use JACK MIDI input: " + e.getMessage(), e);
        }
        l.onConnection(
                name(),
                true,
                name() + connectFrom.map(f -> " (from " + f + ")").orElse(", connect a MIDI source to it") + ", keys "
                        + keys.mapping() + note + ", CC64 = pedal");
    }

    @Override
    public void learnAs(MidiKeyMapping.Kind kind) {
        keys.learnAs(kind);
    }

    @Override
    public int learnSteps() {
        return keys.learnSteps();
    }

    @Override
    public void learn(IntConsumer progress, Consumer<String> done) {
        keys.learn(progress, done);
    }

    @Override
    public void close() {
        if (input != null) {
            input.close();
        }
    }
}
