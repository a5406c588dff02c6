package dev.pianogenie.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;
import javax.sound.midi.spi.MidiDeviceProvider;

/**
 * A virtual MIDI cable for tests, registered through the MIDI SPI so that it shows up in
 * {@code MidiSystem.getMidiDeviceInfo()} like a hardware port: "Genie Loopback". Every message sent to it is
 * logged (for MIDI-out tests) and passed on to its transmitters (for MIDI-in tests).
 */
public final class LoopbackMidi extends MidiDeviceProvider {
    public static final String NAME = "Genie Loopback";
    static final Info INFO = new Info();
    static final Device DEVICE = new Device();

    /** A message as received: its bytes and when (System.nanoTime). */
    public record Received(byte[] bytes, long nanos) {
        public int status() {
            return bytes[0] & 0xF0;
        }

        public int data1() {
            return bytes.length > 1 ? bytes[1] & 0x7F : -1;
        }

        public int data2() {
            return bytes.length > 2 ? bytes[2] & 0x7F : -1;
        }

        public int channel() {
            return bytes[0] & 0x0F;
        }
    }

    /** Everything received since the last {@link #clear()}. */
    public static List<Received> received() {
        return new ArrayList<>(DEVICE.log);
    }

    public static void clear() {
        DEVICE.log.clear();
    }

    /** Sends a message as if a keyboard plugged into the cable played it. */
    public static void play(ShortMessage m) {
        DEVICE.deliver(m, -1);
    }

    /** Simulates unplugging: the port disappears from the device list and stops delivering. */
    public static void unplug(boolean unplugged) {
        DEVICE.unplugged = unplugged;
    }

    /** Called on every message received, before it is logged (latency tests). */
    public static void onReceive(java.util.function.Consumer<Received> listener) {
        DEVICE.listener = listener;
    }

    @Override
    public MidiDevice.Info[] getDeviceInfo() {
        return DEVICE.unplugged ? new MidiDevice.Info[0] : new MidiDevice.Info[] {INFO};
    }

    @Override
    public MidiDevice getDevice(MidiDevice.Info info) {
        if (info != INFO || DEVICE.unplugged) {
            throw new IllegalArgumentException("no such device: " + info);
        }
        return DEVICE;
    }

    static final class Info extends MidiDevice.Info {
        Info() {
            super(NAME, "piano-genie tests", "virtual MIDI cable (tests only)", "1.0");
        }
    }

    static final class Device implements MidiDevice {
        final List<Received> log = new CopyOnWriteArrayList<>();
        final List<Transmitter> transmitters = new CopyOnWriteArrayList<>();
        volatile boolean open;
        volatile boolean unplugged;
        volatile java.util.function.Consumer<Received> listener;

        void deliver(MidiMessage m, long timestamp) {
            if (unplugged) {
                throw new IllegalStateException(NAME + " was unplugged");
            }
            Received r = new Received(m.getMessage(), System.nanoTime());
            var l = listener;
            if (l != null) {
                l.accept(r);
            }
            log.add(r);
            for (Transmitter t : transmitters) {
                Receiver out = t.getReceiver();
                if (out != null) {
                    out.send(m, timestamp);
                }
            }
        }

        @Override
        public Info getDeviceInfo() {
            return INFO;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public long getMicrosecondPosition() {
            return -1;
        }

        @Override
        public int getMaxReceivers() {
            return -1;
        }

        @Override
        public int getMaxTransmitters() {
            return -1;
        }

        @Override
        public Receiver getReceiver() {
            return new Receiver() {
                @Override
                public void send(MidiMessage message, long timeStamp) {
                    deliver(message, timeStamp);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public List<Receiver> getReceivers() {
            return List.of();
        }

        @Override
        public Transmitter getTransmitter() throws MidiUnavailableException {
            Transmitter t = new Transmitter() {
                private Receiver receiver;

                @Override
                public void setReceiver(Receiver receiver) {
                    this.receiver = receiver;
                }

                @Override
                public Receiver getReceiver() {
                    return receiver;
                }

                @Override
                public void close() {
                    transmitters.remove(this);
                }
            };
            transmitters.add(t);
            return t;
        }

        @Override
        public List<Transmitter> getTransmitters() {
            return List.copyOf(transmitters);
        }
    }
}
