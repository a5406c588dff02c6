package dev.pianogenie.app.input.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.LoopbackMidi;
import dev.pianogenie.testkit.SharedData;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 4-button model with the real performer and decoder: a 25-key MIDI keyboard (loopback port) folds into 4 zones
 * left to right; a button beyond the model's (a gamepad's 7th) plays nothing, said once.
 */
class FourZonesTest {
    static PianoGenieModel four;

    @BeforeAll
    static void load() throws Exception {
        PianoGenieModel tutorial = ModelFiles.load(SharedData.tutorialModel());
        four = new PianoGenieModel(
                tutorial.config().withNumButtons(4), tutorial.decoder(), tutorial.tensors(), tutorial.source());
    }

    record Log(List<PerformerListener.Played> notes, List<String> problems) implements PerformerListener {
        Log() {
            this(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public void played(Played note) {
            notes.add(note);
        }

        @Override
        public void problem(String message) {
            problems.add(message);
        }
    }

    @Test
    void aTwentyFiveKeyKeyboardFoldsIntoFourZones() throws Exception {
        Log log = new Log();
        try (StreamingDecoder d = Decoders.open(
                        four, DecoderEngine.TENSORFLOW, Sampling.of(0.25).withSeed(3));
                Performer p = new Performer(d, log);
                MidiKeyboardSource keyboard = new MidiKeyboardSource(LoopbackMidi.NAME, MidiKeyMapping.zones(48, 72))) {
            keyboard.useButtons(d.numButtons()); // as LiveSession.addSource does
            keyboard.start(p);
            for (int pitch = 48; pitch <= 72; pitch++) {
                EveryKeyPlaysTest.key(true, pitch, 80);
                Thread.sleep(40);
                EveryKeyPlaysTest.key(false, pitch, 0);
                Thread.sleep(40);
            }
            assertTrue(p.drain(10_000));
        }
        int[] buttons =
                log.notes().stream().mapToInt(PerformerListener.Played::button).toArray();
        assertEquals(25, buttons.length, "every key sounds");
        for (int i = 1; i < buttons.length; i++) {
            assertTrue(buttons[i] >= buttons[i - 1], "the zones run left to right: " + Arrays.toString(buttons));
        }
        assertEquals(
                List.of(0, 1, 2, 3), Arrays.stream(buttons).distinct().boxed().toList(), Arrays.toString(buttons));
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        assertEquals(
                "every key, C3..C5 in 4 zones from C3 G3 C#4 G4",
                MidiKeyMapping.zones(48, 72).withButtons(4).toString());
    }

    @Test
    void aButtonBeyondTheModelsPlaysNothingAndIsSaidOnce() throws Exception {
        Log log = new Log();
        try (StreamingDecoder d = Decoders.open(four, DecoderEngine.TENSORFLOW, Sampling.greedy());
                Performer p = new Performer(d, log)) {
            long t = System.nanoTime();
            p.onEvent(ButtonEvent.press(6, t));
            p.onEvent(ButtonEvent.release(6, t + 1_000_000));
            p.onEvent(ButtonEvent.press(3, t + 2_000_000));
            p.onEvent(ButtonEvent.press(7, t + 3_000_000));
            p.onEvent(ButtonEvent.release(3, t + 4_000_000));
            assertTrue(p.drain(5000));
        }
        assertEquals(
                List.of(3),
                log.notes().stream().map(PerformerListener.Played::button).toList());
        assertEquals(
                List.of(
                        "button 7 does nothing: the model has 4 buttons (presses beyond them are ignored, and not recorded)"),
                log.problems());
    }
}
