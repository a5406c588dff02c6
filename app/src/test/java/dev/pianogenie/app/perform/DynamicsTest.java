package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.KeyVelocity;
import dev.pianogenie.app.input.replay.ReplaySource;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.midi.MidiRecorder;
import dev.pianogenie.midi.Note;
import dev.pianogenie.model.StreamingDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genie's velocities: the model's predicted velocity shaped by the dynamics, a fixed velocity, a MIDI keyboard's
 * touch played or taken as the dynamics, and a model without a velocity output — through the real performer and the
 * real decoder (the tutorial checkpoint; {@link VelocityDecoder} adds the velocity output it lacks).
 */
class DynamicsTest {
    static final long S = PerformerTest.S;

    @BeforeAll
    static void load() throws Exception {
        PerformerTest.load();
    }

    /** What one performer played for {@code events}, sent after {@code setup}. */
    static List<PerformerListener.Played> play(
            StreamingDecoder d, java.util.function.Consumer<Performer> setup, List<ButtonEvent> events)
            throws Exception {
        PerformerTest.Played log = new PerformerTest.Played();
        try (d;
                Performer p = new Performer(d, log, false)) {
            setup.accept(p);
            events.forEach(p::onEvent);
            assertTrue(p.drain(10_000));
        }
        assertTrue(log.problems().isEmpty(), log.problems().toString());
        return log.notes();
    }

    static List<ButtonEvent> scale(int presses) {
        List<ButtonEvent> events = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            int b = i % 16 < 8 ? i % 8 : 15 - i % 16;
            events.add(ButtonEvent.press(b, S + i * S / 5));
            events.add(ButtonEvent.release(b, S + i * S / 5 + S / 10));
        }
        return events;
    }

    @Test
    void theMarksParseAndBadLevelsGetOneLine() {
        assertEquals(32, Dynamics.parse("pp"));
        assertEquals(112, Dynamics.parse(" FF "));
        assertEquals(80, Dynamics.parse("mf"));
        assertEquals(57, Dynamics.parse("57"));
        for (String bad : new String[] {"fff", "0", "128", "-3", "", "loud", "6.5"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Dynamics.parse(bad));
            assertTrue(
                    e.getMessage().startsWith("--dynamics must be pp, p, mp, mf, f, ff or 1..127, was ")
                            && e.getMessage().contains(bad)
                            && !e.getMessage().contains("\n"),
                    e.getMessage());
        }
        assertEquals("mf", Dynamics.mark(85));
        assertEquals(96, Dynamics.step(80, 1));
        assertEquals(64, Dynamics.step(80, -1));
        assertEquals(112, Dynamics.step(112, 1), "ff is the top mark");
        assertEquals(32, Dynamics.step(32, -1));
        assertEquals(70, Dynamics.shape(70, Dynamics.MF), "mf: the model's velocity as predicted");
        assertEquals(127, Dynamics.shape(127, 127));
        assertEquals(1, Dynamics.shape(1, 1));
    }

    @Test
    void dynamicsScaleTheModelsVelocitiesAndKeepTheirShape() throws Exception {
        List<ButtonEvent> events = scale(32);
        List<PerformerListener.Played> pp = play(
                new VelocityDecoder(PerformerTest.decoder(3)),
                p -> p.onEvent(ButtonEvent.dynamics(Dynamics.PP, 0)),
                events);
        List<PerformerListener.Played> mf = play(new VelocityDecoder(PerformerTest.decoder(3)), p -> {}, events);
        List<PerformerListener.Played> ff = play(
                new VelocityDecoder(PerformerTest.decoder(3)),
                p -> p.onEvent(ButtonEvent.dynamics(Dynamics.FF, 0)),
                events);
        assertEquals(32, mf.size());
        assertEquals(
                mf.stream().map(PerformerListener.Played::key).toList(),
                ff.stream().map(PerformerListener.Played::key).toList(),
                "dynamics change how loud, never which keys");
        for (int i = 0; i < mf.size(); i++) {
            int predicted =
                    VelocityDecoder.predicted(mf.get(i).button(), mf.get(i).key());
            assertEquals(predicted, mf.get(i).velocity(), "mf plays the prediction");
            assertEquals(Dynamics.shape(predicted, Dynamics.PP), pp.get(i).velocity());
            assertEquals(Dynamics.shape(predicted, Dynamics.FF), ff.get(i).velocity());
            assertTrue(
                    pp.get(i).velocity() < mf.get(i).velocity()
                            && mf.get(i).velocity() < ff.get(i).velocity(),
                    "pp < mf < ff");
            for (int j = 0; j < i; j++) { // the shape: a louder prediction stays at least as loud
                if (mf.get(j).velocity() < mf.get(i).velocity()) {
                    assertTrue(pp.get(j).velocity() <= pp.get(i).velocity()
                            && ff.get(j).velocity() <= ff.get(i).velocity());
                }
            }
        }
        var spread = mf.stream().mapToInt(PerformerListener.Played::velocity).summaryStatistics();
        assertTrue(spread.getMax() - spread.getMin() >= 10, "the test's predictions vary: " + spread);
    }

    @Test
    void aFixedVelocityWinsUntilItIsLifted() throws Exception {
        List<ButtonEvent> events = new ArrayList<>(scale(6));
        events.add(2, ButtonEvent.fixedVelocity(100, S + S / 10)); // from the 2nd press on
        events.add(ButtonEvent.dynamics(Dynamics.PP, 3 * S)); // ignored while fixed
        events.add(ButtonEvent.press(3, 3 * S + 1));
        events.add(ButtonEvent.fixedVelocity(ButtonEvent.NO_VELOCITY, 4 * S));
        events.add(ButtonEvent.press(4, 4 * S + 1));
        List<PerformerListener.Played> n = play(new VelocityDecoder(PerformerTest.decoder(4)), p -> {}, events);
        assertEquals(8, n.size());
        assertEquals(
                VelocityDecoder.predicted(n.get(0).button(), n.get(0).key()),
                n.get(0).velocity());
        for (int i = 1; i < 7; i++) {
            assertEquals(100, n.get(i).velocity(), "press " + i);
        }
        assertEquals(
                Dynamics.shape(VelocityDecoder.predicted(4, n.get(7).key()), Dynamics.PP),
                n.get(7).velocity(),
                "lifted: the model's velocity at the dynamics set meanwhile");
    }

    @Test
    void aModelWithoutAVelocityOutputPlaysAFixedVelocityScaledByTheDynamics() throws Exception {
        List<ButtonEvent> events = new ArrayList<>();
        events.add(ButtonEvent.press(0, S));
        events.add(ButtonEvent.dynamics(Dynamics.PP, 2 * S));
        events.add(ButtonEvent.press(1, 2 * S + 1));
        events.add(ButtonEvent.dynamics(Dynamics.FF, 3 * S));
        events.add(ButtonEvent.press(2, 3 * S + 1));
        events.add(ButtonEvent.fixedVelocity(50, 4 * S));
        events.add(ButtonEvent.press(3, 4 * S + 1));
        events.add(ButtonEvent.press(4, 70, 5 * S)); // a MIDI keyboard's touch
        List<PerformerListener.Played> n = play(PerformerTest.decoder(5), p -> {}, events);
        assertEquals(
                List.of(Performer.DEFAULT_VELOCITY, 32, 112, 50, 70),
                n.stream().map(PerformerListener.Played::velocity).toList());
    }

    @Test
    void aKeyboardsTouchIsPlayedOrBecomesTheDynamics() throws Exception {
        List<ButtonEvent> events =
                List.of(ButtonEvent.press(2, 40, S), ButtonEvent.press(5, 120, 2 * S), ButtonEvent.press(6, 3 * S));
        List<PerformerListener.Played> played = play(new VelocityDecoder(PerformerTest.decoder(6)), p -> {}, events);
        assertEquals(
                List.of(40, 120, VelocityDecoder.predicted(6, played.get(2).key())),
                played.stream().map(PerformerListener.Played::velocity).toList(),
                "play: the touch, then the model's own at mf");
        List<int[]> loudness = new CopyOnWriteArrayList<>();
        List<PerformerListener.Played> n = new CopyOnWriteArrayList<>();
        PerformerListener log = new PerformerListener() {
            @Override
            public void played(PerformerListener.Played note) {
                n.add(note);
            }

            @Override
            public void loudness(int dynamics, int fixedVelocity, long nanos) {
                loudness.add(new int[] {dynamics, fixedVelocity});
            }
        };
        try (StreamingDecoder d = new VelocityDecoder(PerformerTest.decoder(6));
                Performer p = new Performer(d, log, false)) {
            p.setKeyVelocity(KeyVelocity.DYNAMICS);
            events.forEach(p::onEvent);
            assertTrue(p.drain(10_000));
        }
        for (int i = 0; i < 3; i++) {
            int level = i == 0 ? 40 : 120; // the third press (no touch) keeps the dynamics the second set
            assertEquals(
                    Dynamics.shape(
                            VelocityDecoder.predicted(
                                    n.get(i).button(), n.get(i).key()),
                            level),
                    n.get(i).velocity());
        }
        assertEquals(List.of(40, 120), loudness.stream().map(x -> x[0]).toList(), "each new level is shown, once");
    }

    @Test
    void aMidiKeyboardsTouchThroughTheLoopbackPortIsPlayedOrIsTheDynamics() throws Exception {
        int[] touches = {30, 100, 64, 127};
        for (KeyVelocity mode : KeyVelocity.values()) {
            List<PerformerListener.Played> n = new CopyOnWriteArrayList<>();
            PerformerListener log = new PerformerListener() {
                @Override
                public void played(PerformerListener.Played note) {
                    n.add(note);
                }
            };
            try (StreamingDecoder d = new VelocityDecoder(PerformerTest.decoder(12));
                    Performer p = new Performer(d, log, false);
                    dev.pianogenie.app.input.midi.MidiKeyboardSource keys =
                            new dev.pianogenie.app.input.midi.MidiKeyboardSource(
                                    dev.pianogenie.testkit.LoopbackMidi.NAME,
                                    dev.pianogenie.app.input.midi.MidiKeyMapping.whiteKeysFrom(60))) {
                p.setKeyVelocity(mode);
                keys.start(p);
                int[] whites = {60, 62, 64, 65};
                for (int i = 0; i < touches.length; i++) {
                    dev.pianogenie.testkit.LoopbackMidi.play(new javax.sound.midi.ShortMessage(
                            javax.sound.midi.ShortMessage.NOTE_ON, 0, whites[i], touches[i]));
                    dev.pianogenie.testkit.LoopbackMidi.play(
                            new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 0, whites[i], 0));
                }
                long end = System.currentTimeMillis() + 10_000;
                while (n.size() < touches.length && System.currentTimeMillis() < end) {
                    Thread.sleep(5);
                }
                assertTrue(p.drain(5000));
            }
            assertEquals(touches.length, n.size(), mode.toString());
            for (int i = 0; i < touches.length; i++) {
                int expected = mode == KeyVelocity.PLAY
                        ? touches[i]
                        : Dynamics.shape(
                                VelocityDecoder.predicted(
                                        n.get(i).button(), n.get(i).key()),
                                touches[i]);
                assertEquals(expected, n.get(i).velocity(), mode + " press " + i);
            }
        }
    }

    @Test
    void aTakeWithVelocitiesAndDynamicsChangesReplaysNoteForNote(@TempDir Path dir) throws Exception {
        Path session = dir.resolve("dyn" + SessionFile.EXTENSION);
        MidiRecorder live = new MidiRecorder();
        try (StreamingDecoder d = new VelocityDecoder(PerformerTest.decoder(8));
                Performer p = new Performer(d, new PerformerTest.Played())) {
            p.attach(live);
            TakeRecorder take = new TakeRecorder();
            p.attach(take);
            p.tap(take);
            p.startTake(take, d.sampling());
            java.util.Random r = new java.util.Random(27);
            long t = S;
            int[] marks = Dynamics.LEVELS;
            for (int i = 0; i < 120; i++) {
                if (i % 10 == 5) {
                    p.onEvent(ButtonEvent.dynamics(marks[r.nextInt(marks.length)], t - 1000));
                }
                if (i == 40) {
                    p.onEvent(ButtonEvent.fixedVelocity(99, t - 500));
                }
                if (i == 60) {
                    p.onEvent(ButtonEvent.fixedVelocity(ButtonEvent.NO_VELOCITY, t - 500));
                }
                int b = r.nextInt(8);
                p.onEvent(i % 7 == 0 ? ButtonEvent.press(b, 20 + r.nextInt(100), t) : ButtonEvent.press(b, t));
                p.onEvent(ButtonEvent.release(b, t + 80_000_000L));
                t += 110_000_000L;
            }
            assertTrue(p.drain(10_000));
            SessionFile.write(session, Optional.empty(), p.stopTake(take).events());
        }
        String text = Files.readString(session);
        assertTrue(
                text.contains("\"kind\": \"dynamics\", \"dynamics\": ")
                        && text.contains("\"kind\": \"velocity\", \"velocity\": 99")
                        && text.contains("\"kind\": \"velocity\", \"velocity\": null"),
                "the changes are in the session");
        MidiRecorder again = new MidiRecorder();
        try (StreamingDecoder d = new VelocityDecoder(PerformerTest.decoder(8));
                Performer p = new Performer(d, new PerformerTest.Played())) {
            p.attach(again);
            ReplaySource source = new ReplaySource(session, false, () -> {});
            source.start(p);
            source.join(10_000);
            assertTrue(p.drain(10_000));
        }
        List<Note> a = live.performance().notes();
        List<Note> b = again.performance().notes();
        assertEquals(120, a.size());
        assertEquals(
                a.stream().map(n -> n.pitch() + "@" + n.velocity()).toList(),
                b.stream().map(n -> n.pitch() + "@" + n.velocity()).toList(),
                "every note at its key and velocity");
        assertTrue(a.stream().mapToInt(Note::velocity).distinct().count() > 20, "the take's velocities vary");
    }
}
