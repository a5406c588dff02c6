package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.replay.ReplaySource;
import dev.pianogenie.midi.MidiFileWriter;
import dev.pianogenie.midi.MidiRecorder;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The performer with the real decoder (the tutorial's checkpoint on TensorFlow) and a recording output. */
class PerformerTest {
    static PianoGenieModel model;
    static final long S = 1_000_000_000L;

    @BeforeAll
    static void load() throws Exception {
        model = ModelFiles.load(SharedData.tutorialModel());
    }

    static StreamingDecoder decoder(long seed) {
        return Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.of(0.25).withSeed(seed));
    }

    record Played(List<PerformerListener.Played> notes, List<String> problems) implements PerformerListener {
        Played() {
            this(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        @Override
        public void played(PerformerListener.Played note) {
            notes.add(note);
        }

        @Override
        public void problem(String message) {
            problems.add(message);
        }
    }

    @Test
    void pressesBecomeNotesAndReleasesEndThem() throws Exception {
        Played log = new Played();
        MidiRecorder rec = new MidiRecorder(0);
        try (StreamingDecoder d = decoder(1);
                Performer p = new Performer(d, log)) {
            p.attach(rec);
            p.onEvent(ButtonEvent.press(0, 90, 1 * S));
            p.onEvent(ButtonEvent.release(0, 2 * S));
            p.onEvent(ButtonEvent.press(7, 3 * S)); // no velocity: the default
            p.onEvent(ButtonEvent.release(7, 4 * S));
            assertTrue(p.drain(5000));
        }
        List<Note> notes = rec.performance().notes();
        assertEquals(2, notes.size());
        assertEquals(new Note(log.notes().get(0).pitch(), 90, 1.0, 2.0), notes.get(0));
        assertEquals(new Note(log.notes().get(1).pitch(), Performer.DEFAULT_VELOCITY, 3.0, 4.0), notes.get(1));
        assertTrue(
                log.notes().get(1).key() > log.notes().get(0).key(), "the top button plays higher than the bottom one");
        assertTrue(log.problems().isEmpty(), log.problems().toString());
    }

    @Test
    void thePedalHoldsReleasedNotesUntilItComesUp() throws Exception {
        MidiRecorder rec = new MidiRecorder(0);
        try (StreamingDecoder d = decoder(2);
                Performer p = new Performer(d, new Played())) {
            p.attach(rec);
            p.onEvent(ButtonEvent.pedal(true, 1 * S));
            p.onEvent(ButtonEvent.press(2, 2 * S));
            p.onEvent(ButtonEvent.release(2, 3 * S));
            p.onEvent(ButtonEvent.pedal(false, 5 * S));
            assertTrue(p.drain(5000));
        }
        Performance perf = rec.performance();
        assertEquals(1, perf.notes().size());
        assertEquals(5.0, perf.notes().get(0).releaseSeconds(), 1e-9, "released with the pedal, not the button");
        assertEquals(2, perf.pedalEvents().size());
    }

    @Test
    void theSameKeyTwiceIsReStruckAndNeverLeftStuck() throws Exception {
        // greedy decoding of the same button at the same ΔT soon repeats a key: play until it does
        MidiRecorder rec = new MidiRecorder(0);
        Played log = new Played();
        try (StreamingDecoder d = Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.greedy());
                Performer p = new Performer(d, log)) {
            p.attach(rec);
            for (int i = 0; i < 24; i++) { // two buttons held alternately, overlapping
                p.onEvent(ButtonEvent.press(i % 2 == 0 ? 3 : 4, (10 + i) * S / 10));
                if (i > 0) {
                    p.onEvent(ButtonEvent.release(i % 2 == 0 ? 4 : 3, (10 + i) * S / 10 + 1));
                }
            }
            p.onEvent(ButtonEvent.release(3, 10 * S));
            p.onEvent(ButtonEvent.release(4, 10 * S));
            assertTrue(p.drain(5000));
        }
        assertEquals(24, log.notes().size());
        Performance perf = rec.performance();
        assertEquals(24, perf.notes().size(), "every press made exactly one note, re-strikes included");
        for (Note n : perf.notes()) {
            assertTrue(n.releaseSeconds() <= 10.0, "nothing sounds past the last release: " + n);
        }
    }

    @Test
    void resetAndCloseReleaseEverythingAndTheDecoderStartsANewPhrase() throws Exception {
        MidiRecorder rec = new MidiRecorder(0);
        List<Integer> firstKeys = new ArrayList<>();
        Played log = new Played();
        try (StreamingDecoder d = Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.greedy());
                Performer p = new Performer(d, log)) {
            p.attach(rec);
            p.onEvent(ButtonEvent.press(5, 1 * S));
            p.onEvent(ButtonEvent.press(6, 2 * S));
            p.onEvent(ButtonEvent.reset(3 * S));
            p.onEvent(ButtonEvent.press(5, 4 * S)); // a new phrase: the same first key as before
            p.onEvent(ButtonEvent.pedal(true, 5 * S));
            assertTrue(p.drain(5000));
        } // close: releases the held note and lifts the pedal
        firstKeys.add(log.notes().get(0).key());
        firstKeys.add(log.notes().get(2).key());
        assertEquals(firstKeys.get(0), firstKeys.get(1));
        Performance perf = rec.performance();
        assertEquals(3, perf.notes().size());
        assertEquals(3.0, perf.notes().get(0).releaseSeconds(), 1e-9);
        assertEquals(3.0, perf.notes().get(1).releaseSeconds(), 1e-9);
        assertEquals(2, perf.pedalEvents().size(), "the pedal is lifted on close");
        assertTrue(rec.performance().notes().stream().allMatch(n -> n.releaseSeconds() >= n.onsetSeconds()));
    }

    @Test
    void aReplayedSessionThroughASeededDecoderGivesByteIdenticalMidi(@TempDir Path dir) throws Exception {
        // record a session: 200 presses with chords, overlaps and pedal
        Path session = dir.resolve("take" + dev.pianogenie.app.input.replay.SessionFile.EXTENSION);
        try (StreamingDecoder d = decoder(9);
                Performer p = new Performer(d, new Played())) {
            TakeRecorder take = new TakeRecorder();
            p.attach(take);
            p.tap(take);
            p.startTake(take, d.sampling());
            java.util.Random r = new java.util.Random(4);
            List<ButtonEvent> events = new ArrayList<>();
            long t = S;
            for (int i = 0; i < 200; i++) {
                int b = r.nextInt(8);
                events.add(ButtonEvent.press(b, 40 + r.nextInt(80), t));
                events.add(ButtonEvent.release(b, t + 90_000_000L));
                if (i % 25 == 0) {
                    events.add(ButtonEvent.pedal(i % 50 == 0, t + 50_000_000L));
                }
                t += r.nextInt(4) == 0 ? 5_000_000L : 150_000_000L; // some chords
            }
            events.sort(java.util.Comparator.comparingLong(ButtonEvent::nanos)); // as a controller delivers them
            events.forEach(p::onEvent);
            assertTrue(p.drain(10_000));
            dev.pianogenie.app.input.replay.SessionFile.write(
                    session, java.util.Optional.empty(), p.stopTake(take).events());
        }
        byte[] first = replay(session, dir.resolve("a.mid"));
        byte[] second = replay(session, dir.resolve("b.mid"));
        assertTrue(first.length > 1000);
        assertArrayEquals(first, second);
    }

    @Test
    void twoControllersWithTheirOwnClocksLoseNoPressAndTheirSessionReplays(@TempDir Path dir) throws Exception {
        // a pad stamps events with the kernel's time, the keyboard with when it saw them: a few ms apart
        Played live = new Played();
        MidiRecorder liveMidi = new MidiRecorder();
        Path session = dir.resolve("two" + dev.pianogenie.app.input.replay.SessionFile.EXTENSION);
        try (StreamingDecoder d = decoder(5);
                Performer p = new Performer(d, live)) {
            p.attach(liveMidi);
            TakeRecorder recorder = new TakeRecorder();
            p.attach(recorder);
            p.tap(recorder);
            p.startTake(recorder, d.sampling());
            long t = 10 * S;
            for (int i = 0; i < 60; i++) {
                long padClock = t - 4_000_000L;
                p.onEvent(ButtonEvent.press(i % 4, t)); // keyboard
                p.onEvent(ButtonEvent.press(4 + i % 4, padClock)); // pad: stamped before the keyboard press
                p.onEvent(ButtonEvent.release(4 + i % 4, padClock + 60_000_000L));
                p.onEvent(ButtonEvent.release(i % 4, t + 50_000_000L));
                t += 120_000_000L;
            }
            assertTrue(p.drain(10_000));
            dev.pianogenie.app.input.replay.SessionFile.write(
                    session, java.util.Optional.empty(), p.stopTake(recorder).events());
        }
        assertTrue(live.problems().isEmpty(), live.problems().toString());
        assertEquals(120, live.notes().size(), "every press played");
        assertEquals(120, liveMidi.performance().notes().size());
        Played replayed = new Played();
        MidiRecorder again = new MidiRecorder();
        try (StreamingDecoder d = decoder(5);
                Performer p = new Performer(d, replayed)) {
            p.attach(again);
            ReplaySource source = new ReplaySource(session, false, () -> {});
            source.start(p);
            source.join(10_000);
            assertTrue(p.drain(10_000));
        }
        assertTrue(replayed.problems().isEmpty(), replayed.problems().toString());
        assertEquals(
                live.notes().stream().map(PerformerListener.Played::key).toList(),
                replayed.notes().stream().map(PerformerListener.Played::key).toList(),
                "the replay plays what was heard");
    }

    static byte[] replay(Path session, Path mid) throws Exception {
        MidiRecorder rec = new MidiRecorder();
        try (StreamingDecoder d = decoder(9);
                Performer p = new Performer(d, new Played())) {
            p.attach(rec);
            ReplaySource source = new ReplaySource(session, false, () -> {});
            source.start(p);
            source.join(10_000);
            assertTrue(p.drain(10_000));
        }
        MidiFileWriter.write(rec.performance(), mid);
        return Files.readAllBytes(mid);
    }

    @Test
    void greedyTheLookaheadNamesTheKeyTheNextPressPlays() throws Exception {
        List<PerformerListener.Played> played = new CopyOnWriteArrayList<>();
        List<dev.pianogenie.model.Lookahead> next = new CopyOnWriteArrayList<>();
        PerformerListener listener = new PerformerListener() {
            @Override
            public void played(PerformerListener.Played note) {
                played.add(note);
            }

            @Override
            public void lookahead(dev.pianogenie.model.Lookahead l) {
                next.add(l);
            }
        };
        int[] buttons = {0, 3, 5, 7, 7, 2, 1, 6, 4, 4, 0, 2};
        long interval = Performer.FIRST_INTERVAL_GUESS_NANOS; // the look-ahead's guess holds for every press
        try (StreamingDecoder d = Decoders.open(model, DecoderEngine.TENSORFLOW, Sampling.greedy());
                Performer p = new Performer(d, listener)) {
            PerformerBookkeepingTest.awaitSize(next, 1);
            for (int i = 0; i < buttons.length; i++) {
                p.onEvent(ButtonEvent.press(buttons[i], S + i * interval));
                assertTrue(p.drain(5000));
                PerformerBookkeepingTest.awaitSize(next, i + 2);
                p.onEvent(ButtonEvent.release(buttons[i], S + i * interval + interval / 2));
            }
        }
        assertEquals(buttons.length + 1, next.size());
        for (int i = 0; i < buttons.length; i++) {
            assertEquals(
                    played.get(i).key(),
                    next.get(i).key(buttons[i]),
                    "press " + i + ": the look-ahead before it said so");
        }
    }
}
