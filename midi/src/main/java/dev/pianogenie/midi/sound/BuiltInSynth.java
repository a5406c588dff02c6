package dev.pianogenie.midi.sound;

import com.sun.media.sound.AudioSynthesizer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sound.midi.Instrument;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * The JDK's software synthesizer (Gervill), set up for live playing: 10 ms of line latency, jitter correction
 * off (with it on, Gervill renders ~90 ms ahead whatever latency is asked) and a control rate of 1000 Hz, so
 * a note starts within about a millisecond of the block it lands in. Also renders offline (no sound card).
 */
public final class BuiltInSynth {
    public static final long LIVE_LATENCY_MICROS = 10_000;
    public static final float CONTROL_RATE = 1000f;
    public static final float SAMPLE_RATE = 44_100f;
    static final String GERVILL_SOUNDS = "Gervill's built-in General MIDI sounds";
    /**
     * Voices: the sampled piano's stereo samples take two a note, and MAESTRO's densest pedalled passages hold 72
     * notes sounding at once (their releases overlapping the next notes' attacks).
     */
    static final int MAX_POLYPHONY = 256;

    private BuiltInSynth() {}

    /** Which sounds a synth uses, said to the user. */
    public record Sound(String description, Optional<Path> soundfont) {}

    /**
     * Opens the synthesizer on the default audio output for live play.
     *
     * @param soundfont a chosen SF2, or empty: the default sound ({@link DefaultSound}: the sampled piano once loaded)
     * @throws MidiDeviceException with a suggestion (MIDI out) when there is no audio output
     */
    public static ReceiverSink openLive(Optional<Path> soundfont) throws MidiDeviceException {
        return openLive(soundfont, (mono, frames) -> {});
    }

    /**
     * As {@link #openLive(Optional)}, rendering through our own pump so that {@code tap} sees the output
     * (a level meter). The line gets {@link #LIVE_LATENCY_MICROS} of buffer.
     */
    public static ReceiverSink openLive(Optional<Path> soundfont, AudioTap tap) throws MidiDeviceException {
        AudioSynthesizer synth = newSynth();
        Sound sound;
        javax.sound.sampled.SourceDataLine line;
        SynthPump pump;
        try {
            AudioFormat f = format();
            line = javax.sound.sampled.AudioSystem.getSourceDataLine(f);
            int bufferBytes = (int) (f.getFrameRate() * LIVE_LATENCY_MICROS / 1e6) * f.getFrameSize();
            line.open(f, Math.max(bufferBytes, 2 * SynthPump.BLOCK_FRAMES * f.getFrameSize()));
            AudioInputStream rendered = synth.openStream(f, settings(LIVE_LATENCY_MICROS));
            javax.sound.sampled.SourceDataLine out = line;
            pump = new SynthPump(rendered, (pcm, length) -> out.write(pcm, 0, length), tap);
        } catch (javax.sound.sampled.LineUnavailableException
                | MidiUnavailableException
                | IllegalArgumentException
                | SecurityException e) {
            synth.close();
            throw new MidiDeviceException(
                    "no audio output for the built-in synthesizer (" + e.getMessage()
                            + "): play through a MIDI output instead (--output midi:NAME), or render offline",
                    e);
        }
        line.start();
        Thread pumpThread = new Thread(pump, "synth-audio");
        pumpThread.setDaemon(true);
        pumpThread.setPriority(Thread.MAX_PRIORITY);
        pumpThread.start();
        boolean[] closed = {false};
        AutoCloseable owner = () -> {
            synchronized (closed) {
                closed[0] = true;
            }
            pump.stop();
            synth.close();
            line.close();
        };
        try {
            sound = loadSounds(synth, soundfont);
            if (soundfont.isEmpty() && !sound.description().equals(DefaultSound.PIANO)) {
                // the piano is still being built (the window): Gervill's set plays until it is loaded, then the piano
                DefaultSound.whenLoaded(piano -> {
                    synchronized (closed) {
                        if (!closed[0]) {
                            switchTo(synth, piano);
                        }
                    }
                });
            }
            ReceiverSink sink = new ReceiverSink(
                    synth.getReceiver(), 0, "built-in synthesizer (" + sound.description() + ")", owner);
            sink.program(0);
            return sink;
        } catch (MidiDeviceException | MidiUnavailableException e) {
            closeQuietly(owner);
            throw e instanceof MidiDeviceException m
                    ? m
                    : new MidiDeviceException("the built-in synthesizer has no receiver: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing: report the first error
        }
    }

    static AudioSynthesizer newSynth() throws MidiDeviceException {
        GervillSounds.install(); // Gervill's own set from our cache, not ~/.gervill
        try {
            Synthesizer s = MidiSystem.getSynthesizer();
            if (!(s instanceof AudioSynthesizer a)) {
                throw new MidiDeviceException("this Java has no software synthesizer (Gervill); use a MIDI output");
            }
            return a;
        } catch (MidiUnavailableException e) {
            throw new MidiDeviceException("Java's synthesizer is unavailable: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> settings(long latencyMicros) {
        Map<String, Object> info = new HashMap<>();
        info.put("latency", latencyMicros);
        info.put("jitter correction", false);
        info.put("control rate", CONTROL_RATE);
        info.put("format", format());
        info.put("max polyphony", MAX_POLYPHONY);
        return info;
    }

    static AudioFormat format() {
        return new AudioFormat(SAMPLE_RATE, 16, 2, true, false);
    }

    /** Swaps the instruments of an open synth for those of {@code bank}'s piano (once, when the piano is ready). */
    static void switchTo(AudioSynthesizer synth, Soundbank bank) {
        Instrument piano = bank.getInstrument(new Patch(0, 0));
        if (piano != null && synth.isOpen()) {
            synth.unloadAllInstruments(synth.getDefaultSoundbank());
            synth.loadInstrument(piano);
            for (javax.sound.midi.MidiChannel c : synth.getChannels()) {
                c.programChange(c.getProgram()); // the channels take up the instrument now at their program
            }
        }
    }

    /** What {@link #loadSounds} would play with now, in words. */
    public static String describe(Optional<Path> chosen) {
        if (chosen.isPresent()) {
            return "soundfont " + chosen.get().getFileName();
        }
        return DefaultSound.loaded().isPresent() ? DefaultSound.PIANO : GERVILL_SOUNDS;
    }

    /**
     * Loads the chosen soundfont, else the default sound ({@link DefaultSound}: the sampled piano once it is loaded,
     * else Gervill's own set); says which. Of a soundfont only the piano (bank 0, program 0) is loaded when it has
     * one — all that genie plays, and a fraction of the time and memory of all 128 instruments (FluidR3: 0.4 s /
     * 21 MB instead of 2.8 s / 252 MB). A loaded soundbank is kept for the next synth (live play, then Export WAV).
     */
    static Sound loadSounds(AudioSynthesizer synth, Optional<Path> chosen) throws MidiDeviceException {
        Soundbank bank;
        String description;
        if (chosen.isPresent()) {
            bank = Soundfonts.load(chosen.get());
            description = "soundfont " + chosen.get().getFileName();
        } else {
            Optional<Soundbank> piano = DefaultSound.loaded();
            if (piano.isEmpty()) {
                return new Sound(GERVILL_SOUNDS, Optional.empty());
            }
            bank = piano.get();
            description = DefaultSound.PIANO;
        }
        synth.unloadAllInstruments(synth.getDefaultSoundbank());
        Instrument piano = bank.getInstrument(new Patch(0, 0));
        boolean loaded = piano != null ? synth.loadInstrument(piano) : synth.loadAllInstruments(bank);
        if (!loaded) {
            throw new MidiDeviceException(description + " holds no instrument the synthesizer can play");
        }
        return new Sound(description, chosen);
    }

    /**
     * A synthesizer that renders only when read, at {@code sampleRate}, as 32-bit float stereo (little-endian): what a
     * JACK client pulls from. Live settings ({@link #settings}); program 0 (piano) on channel 0. Events sent to its
     * receiver with timestamp −1 start at the next control block rendered.
     */
    public record Rendering(
            AudioSynthesizer synth, AudioInputStream stream, javax.sound.midi.Receiver receiver, Sound sound)
            implements AutoCloseable {
        @Override
        public void close() {
            synth.close();
        }
    }

    public static Rendering openRendering(float sampleRate, Optional<Path> soundfont) throws MidiDeviceException {
        AudioSynthesizer synth = newSynth();
        try {
            AudioFormat f = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 2, 8, sampleRate, false);
            Map<String, Object> info = settings(LIVE_LATENCY_MICROS);
            info.put("format", f);
            AudioInputStream stream = synth.openStream(f, info);
            Sound sound = loadSounds(synth, soundfont);
            javax.sound.midi.Receiver r = synth.getReceiver();
            r.send(
                    new javax.sound.midi.ShortMessage(
                            dev.pianogenie.midi.Midi.PROGRAM_CHANGE,
                            0,
                            dev.pianogenie.midi.Midi.ACOUSTIC_GRAND_PIANO,
                            0),
                    -1);
            return new Rendering(synth, stream, r, sound);
        } catch (MidiUnavailableException | IllegalArgumentException | javax.sound.midi.InvalidMidiDataException e) {
            synth.close();
            throw new MidiDeviceException(
                    "the built-in synthesizer cannot render at " + sampleRate + " Hz: " + e.getMessage(), e);
        } catch (MidiDeviceException e) {
            synth.close();
            throw e;
        }
    }

    /** An offline stream: the synth renders as the stream is read; events are timestamped in µs of audio. */
    static AudioInputStream openStream(AudioSynthesizer synth) throws MidiDeviceException {
        try {
            return synth.openStream(format(), settings(LIVE_LATENCY_MICROS));
        } catch (MidiUnavailableException e) {
            throw new MidiDeviceException("the synthesizer cannot render offline: " + e.getMessage(), e);
        }
    }
}
