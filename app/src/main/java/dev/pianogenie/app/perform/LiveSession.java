package dev.pianogenie.app.perform;

import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.app.input.replay.SessionRecorder;
import dev.pianogenie.midi.MidiFileException;
import dev.pianogenie.midi.MidiRecorder;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.StreamingDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain a press travels, wired in one place and closed in reverse order:
 * <pre>
 *   controller(s) ──▶ session recorder ──▶ Performer ──▶ decoder ──▶ outputs (synth / MIDI out) + MIDI recorder
 * </pre>
 * Used by headless play and by the desktop app.
 */
public final class LiveSession implements AutoCloseable {
    private final StreamingDecoder decoder;
    private final Performer performer;
    private final SessionRecorder session;
    private final MidiRecorder recording = new MidiRecorder();
    private final List<ButtonSource> sources = new ArrayList<>();
    private final List<NoteSink> outputs = new ArrayList<>();
    private final PianoGenieModel model;

    public LiveSession(PianoGenieModel model, DecoderEngine engine, Sampling sampling, PerformerListener listener) {
        this.model = model;
        this.decoder = Decoders.open(model, engine, sampling);
        this.performer = new Performer(decoder, listener);
        this.session = new SessionRecorder(performer);
        performer.attach(recording);
    }

    public PianoGenieModel model() {
        return model;
    }

    public Performer performer() {
        return performer;
    }

    /** Where controllers deliver: the session recorder in front of the performer. */
    public ButtonListener input() {
        return session;
    }

    public void addOutput(NoteSink sink) {
        outputs.add(sink);
        performer.attach(sink);
    }

    /** Swaps an output while playing: the old one is silenced and closed, the new one attached. */
    public void replaceOutput(NoteSink old, NoteSink fresh) {
        if (old != null) {
            performer.detach(old);
            outputs.remove(old);
            closeQuietly(old);
        }
        if (fresh != null) {
            addOutput(fresh);
        }
    }

    public void addSource(ButtonSource source) throws ControllerException {
        source.start(session);
        sources.add(source);
    }

    public void removeSource(ButtonSource source) {
        sources.remove(source);
        source.close();
    }

    public void setSampling(Sampling sampling) {
        decoder.setSampling(sampling);
    }

    public MidiRecorder recording() {
        return recording;
    }

    /** Starts a new take: the MIDI recording and the button session begin again from the next event. */
    public void newTake() {
        recording.clear();
        session.clear();
    }

    /** Saves the MIDI recording and the button session beside it ({@code take.mid} + {@code take.session.jsonl}). */
    public Path save(Path mid) throws MidiFileException, IOException {
        recording.save(mid);
        String name = mid.getFileName().toString().replaceFirst("\\.midi?$", "");
        Path sessionFile = mid.resolveSibling(name + SessionFile.EXTENSION);
        session.save(sessionFile);
        return sessionFile;
    }

    @Override
    public void close() {
        for (int i = sources.size() - 1; i >= 0; i--) {
            sources.get(i).close();
        }
        performer.close(); // releases everything sounding, lifts the pedal
        for (int i = outputs.size() - 1; i >= 0; i--) {
            closeQuietly(outputs.get(i));
        }
        decoder.close();
    }

    private static void closeQuietly(NoteSink sink) {
        try {
            sink.close();
        } catch (Exception ignored) {
            // a device that vanished cannot be closed cleanly; nothing else depends on it
        }
    }
}
