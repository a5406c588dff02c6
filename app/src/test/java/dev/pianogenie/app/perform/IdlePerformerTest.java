package dev.pianogenie.app.perform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 29 class 13: an idle instrument costs next to nothing. The performer kept the real decoder warm with a
 * throw-away step every 4 ms for ever — most of an idle window's CPU; now only in a pause of up to
 * {@link Performer#KEEP_WARM_FOR_NANOS}, then every {@link Performer#IDLE_WARM_MILLIS}.
 */
class IdlePerformerTest {

    /** The real decoder, its keep-warm steps counted. */
    static final class Counting implements StreamingDecoder {
        final StreamingDecoder d;
        final AtomicInteger warm = new AtomicInteger();

        Counting(StreamingDecoder d) {
            this.d = d;
        }

        @Override
        public int next(int button, long pressNanos) {
            return d.next(button, pressNanos);
        }

        @Override
        public int numButtons() {
            return d.numButtons();
        }

        @Override
        public Lookahead lookahead(long pressNanos) {
            return d.lookahead(pressNanos);
        }

        @Override
        public void overrideDeltaTime(double seconds) {
            d.overrideDeltaTime(seconds);
        }

        @Override
        public void reset() {
            d.reset();
        }

        @Override
        public void setSampling(Sampling sampling) {
            d.setSampling(sampling);
        }

        @Override
        public Sampling sampling() {
            return d.sampling();
        }

        @Override
        public void lastProbabilities(float[] into) {
            d.lastProbabilities(into);
        }

        @Override
        public void keepWarm() {
            warm.incrementAndGet();
            d.keepWarm();
        }

        @Override
        public void close() {
            d.close();
        }
    }

    @Test
    void anIdlePerformerKeepsWarmRarelyAndAPauseInPlayingOften() throws Exception {
        Counting d = new Counting(Decoders.open(
                ModelFiles.load(SharedData.tutorialModel()),
                DecoderEngine.TENSORFLOW,
                Sampling.of(0.25).withSeed(1)));
        try (Performer p = new Performer(d, new PerformerListener() {}, false)) {
            Thread.sleep(Performer.KEEP_WARM_FOR_NANOS / 1_000_000 + 500);
            int before = d.warm.get();
            Thread.sleep(2000);
            int idle = d.warm.get() - before;
            assertTrue(idle <= 2000 / Performer.IDLE_WARM_MILLIS + 2, "idle: " + idle + " steps in 2 s (was ~500)");

            p.onEvent(ButtonEvent.press(3, System.nanoTime()));
            p.onEvent(ButtonEvent.release(3, System.nanoTime()));
            assertTrue(p.drain(2000));
            int afterPlaying = d.warm.get();
            Thread.sleep(1000);
            int pause = d.warm.get() - afterPlaying;
            assertTrue(pause >= 50, "a pause in playing keeps the decoder warm: " + pause + " steps in 1 s");
        } finally {
            d.close();
        }
    }
}
