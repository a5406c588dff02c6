package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.midi.JackMidiKeyboardSource;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.midi.jack.JackHost;
import dev.pianogenie.midi.jack.JackMidiSink;
import dev.pianogenie.midi.jack.JackMonitor;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genie played through JACK, end to end, against a real JACK server (CI starts a dummy one), heard by a second
 * client as a DAW would: a replayed session through {@code --output jack-midi:PORT} and {@code --output jack:L,R},
 * and a JACK MIDI input playing the genie. Skipped, visibly, only when no server answers.
 */
class JackPlayTest {

    @BeforeEach
    void server() { // per test, so that each shows as skipped
        assumeTrue(JackHost.probe().isPresent(), "JACK tests skipped: " + JackHost.NO_SERVER);
    }

    @Test
    void everyNoteOnOfAReplayedSessionArrivesWithItsVelocityAndIsHeard(@TempDir Path dir) throws Exception {
        Path session = HeadlessPlayTest.session(dir, 40, 100_000_000L); // 40 presses in real time, 100 ms apart
        Path mid = dir.resolve("take.mid");
        try (JackMonitor monitor = new JackMonitor(1 << 16)) {
            String m = JackMonitor.NAME;
            int code = GenieCli.commandLine().execute("play", "--headless", "--controller", "replay:" + session,
                    "--output", "jack-midi:" + m + ":midi_in@5", "--output", "jack:" + m + ":in_l," + m + ":in_r",
                    "--model", SharedData.tutorialModel().toString(), "--seed", "3", "--record", mid.toString());
            assertEquals(0, code);
            List<Note> played = MidiFileReader.read(mid).notes().stream()
                    .sorted(Comparator.comparingDouble(Note::onsetSeconds)).toList();
            assertEquals(40, played.size());
            List<JackMonitor.Event> ons = monitor.events().stream()
                    .filter(e -> e.status() == (Midi.NOTE_ON | 4) && e.data2() > 0).toList();
            assertEquals(40, ons.size(), "every note-on arrived at the other client, on channel 5 (xruns: " + monitor.xruns() + ")");
            String both = played.stream().map(n -> n.pitch() + "/" + n.velocity() + "@" + n.onsetSeconds()).toList() + "\n"
                    + ons.stream().map(e -> e.data1() + "/" + e.data2()).toList();
            for (int i = 0; i < 40; i++) {
                assertEquals(played.get(i).pitch(), ons.get(i).data1(), "pitch of note " + i + ": " + both);
                assertEquals(played.get(i).velocity(), ons.get(i).data2(), "velocity of note " + i);
            }
            for (JackMonitor.Event on : ons) { // the synth's ports carry each note: sound within 100 ms of its note-on
                float peak = 0;
                for (int p = 0; p < monitor.periodCount(); p++) {
                    JackMonitor.Period per = monitor.period(p);
                    if (per.cycleNanos() >= on.cycleNanos() - 10_000_000L && per.cycleNanos() < on.cycleNanos() + 100_000_000L) {
                        peak = Math.max(peak, per.peak());
                    }
                }
                assertTrue(peak > 0.005f, "note " + on.data1() + " is heard on the audio ports (peak " + peak + ")");
            }
        }
    }

    @Test
    void aJackMidiInputPlaysTheGenie() throws Exception {
        PianoGenieModel model = ModelFiles.load(SharedData.tutorialModel());
        List<ButtonEvent> presses = new CopyOnWriteArrayList<>();
        try (JackMonitor monitor = new JackMonitor(4096);
             StreamingDecoder d = Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.of(0.25).withSeed(1));
             Performer p = new Performer(d, new PerformerListener() { });
             JackMidiKeyboardSource keys = new JackMidiKeyboardSource(Optional.of(monitor.midiOutPort()),
                     Optional.of(MidiKeyMapping.whiteKeysFrom(60)));
             JackMidiSink out = new JackMidiSink(0, Optional.of(monitor.midiInPort()))) {
            monitor.recordAudio(false);
            p.attach(out);
            keys.start(new ButtonListener() {
                @Override
                public void onEvent(ButtonEvent e) {
                    presses.add(e);
                    p.onEvent(e);
                }
            });
            int[] white = {60, 62, 64, 65, 67, 69, 71, 72};
            for (int i = 0; i < 8; i++) {
                monitor.send(Midi.NOTE_ON, white[i], 20 + 12 * i);
                LockSupport.parkNanos(40_000_000L);
                monitor.send(Midi.NOTE_OFF, white[i], 0);
                LockSupport.parkNanos(40_000_000L);
            }
            monitor.send(Midi.CONTROL_CHANGE, Midi.SUSTAIN_PEDAL, 127);
            monitor.send(Midi.NOTE_ON, 61, 100); // C#4: not one of the 8 keys
            LockSupport.parkNanos(300_000_000L);
            p.drain(2000);
            List<ButtonEvent> down = presses.stream().filter(e -> e.kind() == ButtonEvent.Kind.PRESS).toList();
            assertEquals(8, down.size(), "each mapped key pressed its button: " + presses);
            for (int i = 0; i < 8; i++) {
                assertEquals(i, down.get(i).button());
                assertEquals(20 + 12 * i, down.get(i).velocity(), "the key's velocity");
            }
            assertTrue(presses.stream().anyMatch(e -> e.kind() == ButtonEvent.Kind.PEDAL_DOWN), "CC64 is the pedal");
            List<JackMonitor.Event> ons = monitor.events().stream()
                    .filter(e -> e.status() == Midi.NOTE_ON && e.data2() > 0).toList();
            assertEquals(8, ons.size(), "the genie played a note for each press, out through JACK");
            for (int i = 0; i < 8; i++) {
                assertEquals(20 + 12 * i, ons.get(i).data2(), "with the key's velocity");
            }
        }
    }
}
