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
        Path mid =
                dir.resolve("played.mid"); // not take.mid: that would be numbered past the replayed take.session.jsonl;
        try (JackMonitor monitor = new JackMonitor(1 << 16)) {
            String m = JackMonitor.NAME;
            int code = GenieCli.commandLine()
                    .execute(
                            "play",
                            "--headless",
                            "--controller",
                            "replay:" + session,
                            "--output",
                            "jack-midi:" + m + ":midi_in@5",
                            "--output",
                            "jack:" + m + ":in_l," + m + ":in_r",
                            "--model",
                            SharedData.tutorialModel().toString(),
                            "--seed",
                            "3",
                            "--record",
                            mid.toString());
            assertEquals(0, code);
            List<Note> played = MidiFileReader.read(mid).notes().stream()
                    .sorted(Comparator.comparingDouble(Note::onsetSeconds))
                    .toList();
            assertEquals(40, played.size());
            List<JackMonitor.Event> ons = monitor.events().stream()
                    .filter(e -> e.status() == (Midi.NOTE_ON | 4) && e.data2() > 0)
                    .toList();
            List<String> sent =
                    played.stream().map(n -> n.pitch() + "/" + n.velocity()).toList();
            List<String> got =
                    ons.stream().map(e -> e.data1() + "/" + e.data2()).toList();
            assertSameUnlessXruns(sent, got, monitor.xruns());
            for (JackMonitor.Event on : ons) { // the synth's ports carry each note: sound within 100 ms of its note-on
                float peak = 0;
                for (int p = 0; p < monitor.periodCount(); p++) {
                    JackMonitor.Period per = monitor.period(p);
                    if (per.cycleNanos() >= on.cycleNanos() - 10_000_000L
                            && per.cycleNanos() < on.cycleNanos() + 100_000_000L) {
                        peak = Math.max(peak, per.peak());
                    }
                }
                assertTrue(peak > 0.005f, "note " + on.data1() + " is heard on the audio ports (peak " + peak + ")");
            }
        }
    }

    /**
     * Exactly the same note-ons (pitch/velocity, in order) when the server reported no xrun. JACK drops or repeats a
     * period's MIDI on an xrun (a busy CI machine, a GC pause in this test JVM): then each xrun may cost one event, no
     * more, and the rest must still match in order.
     */
    static void assertSameUnlessXruns(List<String> sent, List<String> got, long xruns) {
        if (xruns == 0) {
            assertEquals(sent, got, "every note-on arrived, with its pitch and velocity, in order");
            return;
        }
        int[][] lcs = new int[sent.size() + 1][got.size() + 1];
        for (int i = 1; i <= sent.size(); i++) {
            for (int j = 1; j <= got.size(); j++) {
                lcs[i][j] = sent.get(i - 1).equals(got.get(j - 1))
                        ? lcs[i - 1][j - 1] + 1
                        : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        int common = lcs[sent.size()][got.size()];
        assertTrue(
                sent.size() - common <= xruns && got.size() - common <= xruns,
                xruns + " xruns, yet " + (sent.size() - common) + " note-ons lost and " + (got.size() - common)
                        + " extra:\n" + sent + "\n" + got);
    }

    @Test
    void aJackMidiInputPlaysTheGenie() throws Exception {
        PianoGenieModel model = ModelFiles.load(SharedData.tutorialModel());
        List<ButtonEvent> presses = new CopyOnWriteArrayList<>();
        try (JackMonitor monitor = new JackMonitor(4096);
                StreamingDecoder d = Decoders.open(
                        model, DecoderEngine.TENSORFLOW, Sampling.of(0.25).withSeed(1));
                Performer p = new Performer(d, new PerformerListener() {});
                JackMidiKeyboardSource keys = new JackMidiKeyboardSource(
                        Optional.of(monitor.midiOutPort()), Optional.of(MidiKeyMapping.whiteKeysFrom(60)));
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
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                expected.add(i + "/" + (20 + 12 * i));
            }
            List<String> down = presses.stream()
                    .filter(e -> e.kind() == ButtonEvent.Kind.PRESS)
                    .map(e -> e.button() + "/" + e.velocity())
                    .toList();
            assertSameUnlessXruns(
                    expected, down, monitor.xruns()); // each mapped key pressed its button, with its velocity
            assertTrue(
                    presses.stream().anyMatch(e -> e.kind() == ButtonEvent.Kind.PEDAL_DOWN) || monitor.xruns() > 0,
                    "CC64 is the pedal");
            List<String> velocities = monitor.events().stream()
                    .filter(e -> e.status() == Midi.NOTE_ON && e.data2() > 0)
                    .map(e -> String.valueOf(e.data2()))
                    .toList();
            // the genie played a note for each press, out through JACK, with the key's velocity
            assertSameUnlessXruns(
                    expected.stream().map(x -> x.substring(x.indexOf('/') + 1)).toList(), velocities, monitor.xruns());
        }
    }
}
