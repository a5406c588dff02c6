package dev.pianogenie.app.input.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 25-key MIDI keyboard folded into 8 zones, played through the loopback port into the real performer and decoder:
 * every key sounds, the genie's line follows the player's contour, chords play several notes.
 */
class EveryKeyPlaysTest {
    static PianoGenieModel model;

    @BeforeAll
    static void load() throws Exception {
        model = ModelFiles.load(SharedData.tutorialModel());
    }

    record Log(List<PerformerListener.Played> notes, List<Integer> released) implements PerformerListener {
        Log() {
            this(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public void played(Played note) {
            notes.add(note);
        }

        @Override
        public void buttonReleased(int button, long nanos) {
            released.add(button);
        }
    }

    static void key(boolean down, int pitch, int velocity) throws Exception {
        LoopbackMidi.play(
                new ShortMessage(down ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, 0, pitch, down ? velocity : 0));
    }

    @Test
    void everyKeyOfA25KeyKeyboardSoundsAndRisingKeysGiveARisingLine() throws Exception {
        Log log = new Log();
        try (StreamingDecoder d = Decoders.open(
                        model, DecoderEngine.TENSORFLOW, Sampling.of(0.25).withSeed(3));
                Performer p = new Performer(d, log);
                MidiKeyboardSource keyboard = new MidiKeyboardSource(LoopbackMidi.NAME, MidiKeyMapping.zones(48, 72))) {
            keyboard.start(p);
            for (int pitch = 48; pitch <= 72; pitch++) { // C3 to C5 one key after another, like a slow scale
                key(true, pitch, 40 + pitch);
                Thread.sleep(60);
                key(false, pitch, 0);
                Thread.sleep(60);
            }
            assertTrue(p.drain(10_000));
        }
        List<PerformerListener.Played> notes = log.notes();
        assertEquals(25, notes.size(), "every key sounds: " + notes);
        int[] buttons =
                notes.stream().mapToInt(PerformerListener.Played::button).toArray();
        for (int i = 1; i < buttons.length; i++) {
            assertTrue(
                    buttons[i] >= buttons[i - 1], "the zones run left to right: " + java.util.Arrays.toString(buttons));
        }
        assertEquals(0, buttons[0]);
        assertEquals(7, buttons[24]);
        assertEquals(8, java.util.Arrays.stream(buttons).distinct().count(), "all 8 buttons are reached");
        for (int i = 0; i < 25; i++) {
            assertEquals(40 + 48 + i, notes.get(i).velocity(), "the key's velocity passes through");
        }
        double[] x = new double[25];
        double[] y = new double[25];
        for (int i = 0; i < 25; i++) {
            x[i] = i;
            y[i] = notes.get(i).key();
        }
        double r = correlation(x, y);
        assertTrue(
                r > 0.8,
                "the genie's line rises with the keys (r = " + r + "): "
                        + notes.stream().map(PerformerListener.Played::key).toList());
        assertTrue(
                notes.get(24).key() - notes.get(0).key() >= 12,
                "and by more than an octave: " + notes.get(0).key() + " → "
                        + notes.get(24).key());
    }

    @Test
    void aChordPlaysSeveralNotesAndAZoneIsReleasedWithItsLastKey() throws Exception {
        Log log = new Log();
        try (StreamingDecoder d = Decoders.open(
                        model, DecoderEngine.TENSORFLOW, Sampling.of(0.25).withSeed(4));
                Performer p = new Performer(d, log);
                MidiKeyboardSource keyboard = new MidiKeyboardSource(LoopbackMidi.NAME, MidiKeyMapping.zones(48, 72))) {
            keyboard.start(p);
            for (int pitch : new int[] {48, 60, 67, 72}) { // C3 C4 G4 C5: buttons 0, 3, 6, 7
                key(true, pitch, 90);
            }
            assertTrue(p.drain(10_000));
            assertEquals(
                    List.of(0, 3, 6, 7),
                    log.notes().stream().map(PerformerListener.Played::button).toList());
            assertEquals(
                    4,
                    log.notes().stream()
                            .mapToInt(PerformerListener.Played::key)
                            .distinct()
                            .count(),
                    "four different notes sound: " + log.notes());
            key(true, 49, 70); // C#3: the zone of C3, still held — re-struck
            key(false, 48, 0);
            assertTrue(p.drain(10_000));
            assertEquals(5, log.notes().size());
            assertEquals(
                    List.of(0),
                    log.released(),
                    "the re-strike ended C3's note (the performer's one note per button);"
                            + " C3's key-up releases nothing: C#3 still holds the zone");
            key(false, 49, 0);
            for (int pitch : new int[] {60, 67, 72}) {
                key(false, pitch, 0);
            }
            assertTrue(p.drain(10_000));
            assertEquals(List.of(0, 0, 3, 6, 7), log.released(), "each zone is released with its last key");
        }
    }

    static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
