package dev.pianogenie.app.input.mic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import dev.pianogenie.app.input.ButtonEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No microphone here: a synthesized singer goes through TarsosDSP's real pitch tracker. */
class MicrophoneSourceTest {
    static final int RATE = MicrophoneSource.SAMPLE_RATE;

    /** A voice-like tone (fundamental + 2 harmonics) with 5 Hz vibrato of ±30 cents, then a gap of silence. */
    static void sing(List<Float> out, double midi, double seconds, double gapSeconds, double[] phase) {
        int n = (int) (seconds * RATE);
        for (int i = 0; i < n; i++) {
            double t = (double) i / RATE;
            double cents = 30 * Math.sin(2 * Math.PI * 5 * t);
            double f = 440 * Math.pow(2, (midi - 69 + cents / 100) / 12);
            phase[0] += 2 * Math.PI * f / RATE;
            double env = Math.min(1, Math.min(i, n - i) / (0.02 * RATE)); // 20 ms fades
            out.add((float)
                    (env * 0.3 * (Math.sin(phase[0]) + 0.5 * Math.sin(2 * phase[0]) + 0.25 * Math.sin(3 * phase[0]))));
        }
        for (int i = 0; i < (int) (gapSeconds * RATE); i++) {
            out.add(0f);
        }
    }

    @Test
    void aSungScaleUpAndDownBecomesTheSameButtonContour() throws Exception {
        double[] scale = {60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62, 60};
        List<Float> samples = new ArrayList<>();
        double[] phase = {0};
        for (int i = 0; i < 4800; i++) {
            samples.add(0f);
        }
        for (double m : scale) {
            sing(samples, m, 0.35, 0.12, phase);
        }
        float[] audio = new float[samples.size()];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = samples.get(i);
        }
        List<ButtonEvent> events = new ArrayList<>();
        AudioDispatcher d = AudioDispatcherFactory.fromFloatArray(
                audio, RATE, MicrophoneSource.FRAME, MicrophoneSource.FRAME - MicrophoneSource.HOP);
        MicrophoneSource.attach(d, new SungContour(events::add), 0);
        d.run();

        List<ButtonEvent> presses =
                events.stream().filter(e -> e.kind() == ButtonEvent.Kind.PRESS).toList();
        List<ButtonEvent> releases = events.stream()
                .filter(e -> e.kind() == ButtonEvent.Kind.RELEASE)
                .toList();
        assertEquals(scale.length, presses.size(), "one press per sung note: " + events);
        assertEquals(scale.length, releases.size(), "every press is released");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(
                    i % 2 == 0 ? ButtonEvent.Kind.PRESS : ButtonEvent.Kind.RELEASE,
                    events.get(i).kind(),
                    "alternating");
        }
        List<Integer> buttons = presses.stream().map(ButtonEvent::button).toList();
        for (int i = 1; i < 8; i++) {
            assertTrue(buttons.get(i) >= buttons.get(i - 1), "up the scale, up the buttons: " + buttons);
        }
        for (int i = 8; i < buttons.size(); i++) {
            assertTrue(buttons.get(i) <= buttons.get(i - 1), "down the scale, down the buttons: " + buttons);
        }
        assertTrue(buttons.get(7) - buttons.get(0) >= 4, "an octave spreads over the buttons: " + buttons);
        // each press comes within ~60 ms of the note's start (3 stable frames of 11.6 ms + detector delay)
        double first = presses.get(0).nanos() / 1e9;
        assertTrue(first > 0.108 && first < 0.108 + 0.08, "first note detected at " + first + " s");
    }

    @Test
    void noiseAndSilenceDoNotPlay() throws Exception {
        float[] audio = new float[RATE];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < audio.length; i++) {
            audio[i] = i < RATE / 2 ? 0f : (float) (r.nextGaussian() * 0.003); // silence, then quiet hiss
        }
        List<ButtonEvent> events = new ArrayList<>();
        AudioDispatcher d = AudioDispatcherFactory.fromFloatArray(
                audio, RATE, MicrophoneSource.FRAME, MicrophoneSource.FRAME - MicrophoneSource.HOP);
        MicrophoneSource.attach(d, new SungContour(events::add), 0);
        d.run();
        assertTrue(events.isEmpty(), events.toString());
    }

    /** A tone whose pitch follows {@code midiAt(t)} (seconds from its start), with the same voice as {@link #sing}. */
    static void glide(List<Float> out, java.util.function.DoubleUnaryOperator midiAt, double seconds, double[] phase) {
        int n = (int) (seconds * RATE);
        for (int i = 0; i < n; i++) {
            double f = 440 * Math.pow(2, (midiAt.applyAsDouble((double) i / RATE) - 69) / 12);
            phase[0] += 2 * Math.PI * f / RATE;
            out.add((float)
                    (0.3 * (Math.sin(phase[0]) + 0.5 * Math.sin(2 * phase[0]) + 0.25 * Math.sin(3 * phase[0]))));
        }
    }

    static List<ButtonEvent> track(List<Float> samples) throws Exception {
        float[] audio = new float[samples.size()];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = samples.get(i);
        }
        List<ButtonEvent> events = new ArrayList<>();
        AudioDispatcher d = AudioDispatcherFactory.fromFloatArray(
                audio, RATE, MicrophoneSource.FRAME, MicrophoneSource.FRAME - MicrophoneSource.HOP);
        MicrophoneSource.attach(d, new SungContour(events::add), 0);
        d.run();
        return events;
    }

    @Test
    void legatoNotesWithoutGapsAndAGlideBetweenTwoNotes() throws Exception {
        List<Float> samples = new ArrayList<>();
        double[] phase = {0};
        double[] legato = {57, 60, 64, 67, 64, 62};
        for (double m : legato) {
            glide(samples, t -> m, 0.3, phase); // one note straight into the next
        }
        glide(samples, t -> 60, 0.4, phase);
        glide(samples, t -> 60 + 7 * t / 0.12, 0.12, phase); // a quick slide up a fifth
        glide(samples, t -> 67, 0.4, phase);
        for (int i = 0; i < RATE / 5; i++) {
            samples.add(0f);
        }
        List<ButtonEvent> events = track(samples);
        List<Integer> buttons = events.stream()
                .filter(e -> e.kind() == ButtonEvent.Kind.PRESS)
                .map(ButtonEvent::button)
                .toList();
        assertEquals(legato.length + 2, buttons.size(), "one press per note, none inside the slide: " + events);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(
                    i % 2 == 0 ? ButtonEvent.Kind.PRESS : ButtonEvent.Kind.RELEASE,
                    events.get(i).kind(),
                    "a pitch change releases before the next press: " + events);
        }
        assertTrue(
                buttons.get(1) > buttons.get(0) && buttons.get(2) > buttons.get(1) && buttons.get(3) > buttons.get(2),
                "up: " + buttons);
        assertTrue(buttons.get(4) < buttons.get(3) && buttons.get(5) < buttons.get(4), "down: " + buttons);
        assertTrue(buttons.get(7) > buttons.get(6), "the slide ends higher: " + buttons);
    }

    /** A tone at {@code midi} with the voice of {@link #sing}, at {@code amplitude} (0.3 = the other tests' voice). */
    static void sung(List<Float> out, double midi, double seconds, double amplitude, double[] phase) {
        int n = (int) (seconds * RATE);
        double f = 440 * Math.pow(2, (midi - 69) / 12);
        for (int i = 0; i < n; i++) {
            phase[0] += 2 * Math.PI * f / RATE;
            double env = Math.min(1, Math.min(i, n - i) / (0.02 * RATE));
            out.add((float) (env
                    * amplitude
                    * (Math.sin(phase[0]) + 0.5 * Math.sin(2 * phase[0]) + 0.25 * Math.sin(3 * phase[0]))));
        }
        for (int i = 0; i < RATE / 8; i++) {
            out.add(0f);
        }
    }

    @Test
    void howLoudANoteIsSungIsItsDynamics() throws Exception {
        double[] amplitudes = {0.01, 0.03, 0.1, 0.3, 0.3, 0.02}; // soft … full voice, the same again, soft again
        List<Float> samples = new ArrayList<>();
        double[] phase = {0};
        for (int i = 0; i < amplitudes.length; i++) {
            sung(samples, 60 + 2 * i, 0.3, amplitudes[i], phase);
        }
        float[] audio = new float[samples.size()];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = samples.get(i);
        }
        List<ButtonEvent> events = new ArrayList<>();
        AudioDispatcher d = AudioDispatcherFactory.fromFloatArray(
                audio, RATE, MicrophoneSource.FRAME, MicrophoneSource.FRAME - MicrophoneSource.HOP);
        MicrophoneSource.attach(d, new SungContour(events::add, true), 0);
        d.run();
        List<Integer> levels = new ArrayList<>();
        int level = -1;
        int presses = 0;
        for (ButtonEvent e : events) {
            if (e.kind() == ButtonEvent.Kind.DYNAMICS) {
                level = e.velocity();
            } else if (e.kind() == ButtonEvent.Kind.PRESS) {
                presses++;
                levels.add(level); // the dynamics each press plays at
            }
        }
        assertEquals(amplitudes.length, presses, events.toString());
        for (int i = 1; i < 4; i++) {
            assertTrue(levels.get(i) > levels.get(i - 1) + 8, "louder singing, louder dynamics: " + levels);
        }
        assertEquals(levels.get(3), levels.get(4), "the same loudness: the same level");
        assertEquals(
                5,
                events.stream()
                        .filter(e -> e.kind() == ButtonEvent.Kind.DYNAMICS)
                        .count(),
                "a change is sent only when the level changes: " + events);
        assertTrue(levels.get(5) < levels.get(2), "soft again: " + levels);
        assertTrue(levels.get(0) >= 32 && levels.get(3) <= 112, "within pp..ff: " + levels);
        assertEquals(32, SungContour.level(-60));
        assertEquals(112, SungContour.level(0));
    }
}
