package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The performer's bookkeeping — re-strikes, keys held by two buttons, the pedal, time order, outputs removed
 * while notes sound, disconnects, a full queue — with a decoder whose keys are known in advance, so that each
 * case is certain to happen. (The same paths run with the real decoder in {@link PerformerTest} and
 * {@link SoakTest}.)
 */
class PerformerBookkeepingTest {
    static final long S = 1_000_000_000L;

    /** Button → key by a fixed rule; checks time order like the real decoder; can be held up. */
    static final class KnownKeys implements StreamingDecoder {
        final IntUnaryOperator keyOfButton;
        final List<Long> times = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold = new CountDownLatch(0);
        long last = Long.MIN_VALUE;

        KnownKeys(IntUnaryOperator keyOfButton) {
            this.keyOfButton = keyOfButton;
        }

        @Override
        public int numButtons() {
            return Keys.DEFAULT_BUTTONS;
        }

        @Override
        public int next(int button, long pressNanos) {
            Keys.checkButton(button, Keys.DEFAULT_BUTTONS);
            if (pressNanos < last) {
                throw new IllegalArgumentException("press times must not go backwards");
            }
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last = pressNanos;
            times.add(pressNanos);
            return keyOfButton.applyAsInt(button);
        }

        @Override
        public Lookahead lookahead(long pressNanos) {
            int[] keys = new int[Keys.DEFAULT_BUTTONS];
            float[] p = new float[Keys.DEFAULT_BUTTONS];
            for (int b = 0; b < keys.length; b++) {
                keys[b] = keyOfButton.applyAsInt(b);
                p[b] = 1f;
            }
            return new Lookahead(keys, p);
        }

        @Override
        public void overrideDeltaTime(double seconds) {}

        @Override
        public void reset() {
            last = Long.MIN_VALUE;
        }

        @Override
        public void setSampling(Sampling sampling) {}

        @Override
        public Sampling sampling() {
            return Sampling.greedy();
        }

        @Override
        public void lastProbabilities(float[] into) {}

        @Override
        public void close() {}
    }

    /** Every call as text ("on 61 @1000", "off 61 @2000", "pedal down @..", "panic @..") and the thread it came on. */
    static final class MessageLog implements NoteSink {
        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void noteOn(int pitch, int velocity, long timeNanos) {
            add("on " + pitch + " @" + timeNanos / 1_000_000);
        }

        @Override
        public void noteOff(int pitch, long timeNanos) {
            add("off " + pitch + " @" + timeNanos / 1_000_000);
        }

        @Override
        public void pedal(boolean down, long timeNanos) {
            add("pedal " + (down ? "down" : "up"));
        }

        @Override
        public void allNotesOff(long timeNanos) {
            add("panic");
        }

        private void add(String m) {
            messages.add(m);
            threads.add(Thread.currentThread().getName());
        }
    }

    static final class News implements PerformerListener {
        final List<String> problems = new CopyOnWriteArrayList<>();
        final List<String> connectionThreads = new CopyOnWriteArrayList<>();

        @Override
        public void problem(String message) {
            problems.add(message);
        }

        @Override
        public void connection(String source, boolean connected, String detail) {
            connectionThreads.add(Thread.currentThread().getName());
        }
    }

    static final int PITCH = 40 + Keys.LOWEST_PITCH;

    @Test
    void aKeyStruckAgainIsReStruckAndEndsWithTheLastButtonHoldingIt() throws Exception {
        MessageLog out = new MessageLog();
        NoteBalance balance = new NoteBalance();
        try (Performer p = new Performer(new KnownKeys(b -> 40), new News())) {
            p.attach(out);
            p.attach(balance);
            p.onEvent(ButtonEvent.press(0, 1 * S));
            p.onEvent(ButtonEvent.press(1, 2 * S)); // the same key while it sounds
            p.onEvent(ButtonEvent.release(0, 3 * S)); // button 1 still holds it
            assertTrue(p.drain(5000));
            assertEquals(1, balance.stuck(), "still sounding, once");
            p.onEvent(ButtonEvent.release(1, 4 * S));
            assertTrue(p.drain(5000));
            assertEquals(0, balance.stuck());
        }
        assertEquals(
                List.of(
                        "on " + PITCH + " @1000",
                        "off " + PITCH + " @2000",
                        "on " + PITCH + " @2000",
                        "off " + PITCH + " @4000"),
                out.messages);
        assertTrue(
                out.threads.stream().allMatch("genie-performer"::equals),
                "outputs are called on one thread: " + out.threads);
    }

    @Test
    void thePedalHoldsReleasedKeysAndAKeyItHoldsIsReStruck() throws Exception {
        MessageLog out = new MessageLog();
        try (Performer p = new Performer(new KnownKeys(b -> b == 2 ? 50 : 40), new News())) {
            p.attach(out);
            p.onEvent(ButtonEvent.pedal(true, 1 * S));
            p.onEvent(ButtonEvent.press(0, 2 * S));
            p.onEvent(ButtonEvent.release(0, 3 * S)); // held by the pedal
            p.onEvent(ButtonEvent.press(1, 4 * S)); // the same key again: re-struck
            p.onEvent(ButtonEvent.press(2, 5 * S)); // another key, still held down at pedal up
            p.onEvent(ButtonEvent.release(1, 6 * S));
            p.onEvent(ButtonEvent.pedal(false, 7 * S));
            p.onEvent(ButtonEvent.release(2, 8 * S));
            assertTrue(p.drain(5000));
        }
        int other = 50 + Keys.LOWEST_PITCH;
        assertEquals(
                List.of(
                        "pedal down",
                        "on " + PITCH + " @2000",
                        "off " + PITCH + " @4000",
                        "on " + PITCH + " @4000",
                        "on " + other + " @5000",
                        "off " + PITCH + " @7000",
                        "pedal up",
                        "off " + other + " @8000"),
                out.messages);
    }

    /** What the display hears: a note-on for each note played, a note-off for each note that ended. */
    static final class Display implements PerformerListener {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void played(Played note) {
            heard.add("on " + note.pitch() + " @" + note.eventNanos() / 1_000_000);
        }

        @Override
        public void released(int key, long nanos) {
            heard.add("off " + (key + Keys.LOWEST_PITCH) + " @" + nanos / 1_000_000);
        }
    }

    @Test
    void theDisplayHearsEveryNoteOffTheOutputsGetReStrikesPedalAndPanicIncluded() throws Exception {
        MessageLog out = new MessageLog();
        Display display = new Display();
        try (Performer p = new Performer(new KnownKeys(b -> b == 2 ? 50 : 40), display)) {
            p.attach(out);
            p.onEvent(ButtonEvent.pedal(true, 1 * S));
            p.onEvent(ButtonEvent.press(0, 2 * S));
            p.onEvent(ButtonEvent.release(0, 3 * S));
            p.onEvent(ButtonEvent.press(0, 4 * S)); // re-struck under the pedal
            p.onEvent(ButtonEvent.press(1, 5 * S)); // a second button on the same key
            p.onEvent(ButtonEvent.release(0, 6 * S));
            p.onEvent(ButtonEvent.release(1, 7 * S));
            p.onEvent(ButtonEvent.pedal(false, 8 * S));
            p.onEvent(ButtonEvent.press(2, 9 * S));
            p.onEvent(ButtonEvent.press(0, 10 * S));
            p.onEvent(ButtonEvent.press(1, 11 * S)); // two buttons on one key, held at the panic
            assertTrue(p.drain(5000));
            p.panic();
            assertTrue(p.drain(5000));
            Thread.sleep(100); // the panic runs as a command
            List<String> notes = out.messages.stream()
                    .filter(m -> m.startsWith("on") || m.startsWith("off"))
                    .toList();
            List<String> heard =
                    display.heard.stream().map(m -> m.replaceAll(" @\\d+$", "")).toList();
            assertEquals(
                    notes.stream().map(m -> m.replaceAll(" @\\d+$", "")).toList(),
                    heard,
                    "the display hears each note-on and note-off the outputs get, in order");
            long ons = heard.stream().filter(m -> m.startsWith("on")).count();
            assertEquals(ons, heard.size() - ons, "every note lit went dark: " + heard);
        }
    }

    @Test
    void anEventStampedBeforeThePreviousOneIsPlayedAtItsTimeNotLost() throws Exception {
        MessageLog out = new MessageLog();
        KnownKeys decoder = new KnownKeys(b -> 10 * b);
        News news = new News();
        try (Performer p = new Performer(decoder, news)) {
            p.attach(out);
            p.onEvent(ButtonEvent.press(1, 5 * S)); // a pad stamping with its own clock...
            p.onEvent(ButtonEvent.press(2, 4 * S)); // ...and the keyboard with another, a second behind
            p.onEvent(ButtonEvent.release(2, 3 * S));
            p.onEvent(ButtonEvent.release(1, 6 * S));
            assertTrue(p.drain(5000));
        }
        assertEquals(List.of(5 * S, 5 * S), decoder.times, "both presses decoded, time never backwards");
        assertEquals(List.of("on 31 @5000", "on 41 @5000", "off 41 @5000", "off 31 @6000"), out.messages);
        assertTrue(news.problems.isEmpty(), news.problems.toString());
    }

    @Test
    void removingAnOutputReleasesEverythingAndSilencesIt() throws Exception {
        MessageLog leaving = new MessageLog();
        MessageLog staying = new MessageLog();
        MessageLog arriving = new MessageLog();
        try (Performer p = new Performer(new KnownKeys(b -> 10 * b), new News())) {
            p.attach(leaving);
            p.attach(staying);
            p.onEvent(ButtonEvent.press(1, 1 * S));
            p.onEvent(ButtonEvent.pedal(true, 2 * S));
            p.onEvent(ButtonEvent.press(2, 3 * S));
            assertTrue(p.drain(5000));
            p.detach(leaving); // returns once done: the device may be closed now
            assertEquals(6, leaving.messages.size(), leaving.messages.toString());
            assertEquals(List.of("on 31 @1000", "pedal down", "on 41 @3000"), leaving.messages.subList(0, 3));
            assertTrue(leaving.messages.get(3).startsWith("off 31")
                    && leaving.messages.get(4).startsWith("off 41"));
            assertEquals("panic", leaving.messages.get(5));
            p.attach(arriving); // hears that the pedal is down
            p.onEvent(ButtonEvent.release(2, 4 * S)); // already released: nothing more
            p.onEvent(ButtonEvent.press(3, 5 * S));
            assertTrue(p.drain(5000));
        } // close: pedal up, the last note off
        assertEquals(6, leaving.messages.size(), "nothing after it left: " + leaving.messages);
        assertEquals(
                6,
                staying.messages.stream()
                        .filter(m -> m.startsWith("on") || m.startsWith("off"))
                        .count(),
                staying.messages.toString());
        assertEquals("pedal down", arriving.messages.get(0));
        assertEquals(List.of("pedal down", "on 51 @5000"), arriving.messages.subList(0, 2));
        assertTrue(arriving.messages.get(2).startsWith("off 51"), arriving.messages.toString());
        assertEquals("pedal up", arriving.messages.get(3));
        assertTrue(arriving.threads.stream().allMatch("genie-performer"::equals), arriving.threads.toString());
    }

    @Test
    void aControllerThatGoesReleasesEverythingItWasPlaying() throws Exception {
        NoteBalance balance = new NoteBalance();
        News news = new News();
        try (Performer p = new Performer(new KnownKeys(b -> 10 * b), news)) {
            p.attach(balance);
            long now = System.nanoTime();
            p.onEvent(ButtonEvent.press(1, now));
            p.onEvent(ButtonEvent.press(2, now + 1));
            assertTrue(p.drain(5000));
            assertEquals(2, balance.stuck());
            p.onConnection("gamepad", false, "unplugged");
            assertTrue(p.drain(5000));
            assertEquals(0, balance.stuck());
            assertEquals(
                    List.of("genie-performer"),
                    news.connectionThreads,
                    "the listener hears it on the performer thread");
        }
    }

    @Test
    void aFullQueueDropsAndReportsButNeverBlocksTheController() throws Exception {
        KnownKeys decoder = new KnownKeys(b -> 10 * b);
        decoder.hold = new CountDownLatch(1); // the performer is stuck in a decoder step
        News news = new News();
        NoteBalance balance = new NoteBalance();
        try (Performer p = new Performer(decoder, news)) {
            p.attach(balance);
            long t0 = System.nanoTime();
            for (int i = 0; i < Performer.QUEUE_CAPACITY + 10; i++) {
                p.onEvent(i % 2 == 0 ? ButtonEvent.press(3, t0 + i) : ButtonEvent.release(3, t0 + i));
            }
            assertFalse(news.problems.isEmpty(), "dropped events are reported");
            assertTrue(news.problems.get(0).contains("dropped"), news.problems.get(0));
            decoder.hold.countDown();
            assertTrue(p.drain(20_000));
        }
        assertEquals(0, balance.stuck(), "what was played was released");
    }

    static void awaitSize(List<?> list, int size) throws InterruptedException {
        long end = System.nanoTime() + 5 * S;
        while (list.size() < size && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        Thread.sleep(20); // and nothing more comes
    }

    @Test
    void theLookaheadFollowsTheLastNoteOfAChordAndEveryReset() throws Exception {
        KnownKeys decoder = new KnownKeys(b -> 10 * b);
        List<String> order = new CopyOnWriteArrayList<>();
        PerformerListener news = new PerformerListener() {
            @Override
            public void played(Played note) {
                order.add("on " + note.key());
            }

            @Override
            public void lookahead(Lookahead next) {
                order.add("lookahead " + next.key(7));
            }

            @Override
            public void reset(long nanos) {
                order.add("reset");
            }
        };
        try (Performer p = new Performer(decoder, news)) {
            awaitSize(order, 1); // at start: what a first press would play
            decoder.hold = new CountDownLatch(1); // the first press is stuck in its step while the chord arrives
            p.onEvent(ButtonEvent.press(0, 1 * S));
            p.onEvent(ButtonEvent.press(1, 1 * S));
            p.onEvent(ButtonEvent.press(2, 1 * S));
            decoder.hold.countDown();
            assertTrue(p.drain(5000));
            awaitSize(order, 5);
            p.onEvent(ButtonEvent.reset(2 * S));
            assertTrue(p.drain(5000));
            awaitSize(order, 7);
            p.setSampling(new dev.pianogenie.app.input.SamplingChange(
                    0, dev.pianogenie.model.RootedScale.CHROMATIC, dev.pianogenie.model.PitchRange.FULL));
            awaitSize(order, 8);
        }
        assertEquals(
                List.of(
                        "lookahead 70",
                        "on 0",
                        "on 10",
                        "on 20",
                        "lookahead 70",
                        "reset",
                        "lookahead 70",
                        "lookahead 70"),
                order,
                "one look-ahead after the chord's notes, one after the reset, one for new sampling");
    }

    @Test
    void withTheLookaheadOffNoneIsComputedAndOnAgainItComesAtOnce() throws Exception {
        List<Lookahead> next = new CopyOnWriteArrayList<>();
        PerformerListener news = new PerformerListener() {
            @Override
            public void lookahead(Lookahead l) {
                next.add(l);
            }
        };
        try (Performer p = new Performer(new KnownKeys(b -> 10 * b), news)) {
            awaitSize(next, 1);
            p.setLookahead(false);
            p.onEvent(ButtonEvent.press(0, 1 * S));
            p.onEvent(ButtonEvent.release(0, 2 * S));
            assertTrue(p.drain(5000));
            awaitSize(next, 2);
            assertEquals(1, next.size(), "off: nothing computed");
            assertEquals(1, p.latency().lookaheadCount());
            p.setLookahead(true);
            awaitSize(next, 2);
            assertEquals(2, next.size(), "on again: at once");
        }
        next.clear();
        try (Performer p = new Performer(new KnownKeys(b -> 10 * b), news, false)) { // as headless play opens it
            p.onEvent(ButtonEvent.press(0, 1 * S));
            p.onEvent(ButtonEvent.release(0, 2 * S));
            assertTrue(p.drain(5000));
            Thread.sleep(100); // time enough for one to come (they come within a millisecond)
            assertEquals(0, next.size(), "off from the start: not even the first one");
            assertEquals(0, p.latency().lookaheadCount());
        }
    }
}
