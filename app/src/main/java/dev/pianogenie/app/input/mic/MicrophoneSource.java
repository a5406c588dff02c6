package dev.pianogenie.app.input.mic;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.pitch.PitchProcessor;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.ButtonSource;
import dev.pianogenie.app.input.ControllerException;

/**
 * Sing or whistle: the default microphone (mono) → TarsosDSP's YIN pitch tracker → {@link SungContour} → button
 * presses. Frames of 1024 samples every 512 (11.6 ms at 44.1 kHz); a note needs a few frames to count as
 * stable, so the microphone plays with ~35–50 ms more delay than a button — fine for melodies. How loud each note
 * is sung is the dynamics of the note it plays (the frames' RMS level, {@link SungContour#level}).
 */
public final class MicrophoneSource implements ButtonSource {
    public static final int SAMPLE_RATE = 44_100;
    public static final int FRAME = 1024;
    public static final int HOP = 512;

    private AudioDispatcher dispatcher;

    @Override
    public String name() {
        return "microphone";
    }

    /** The model's count: the sung range folds into it. */
    private volatile int buttons = dev.pianogenie.model.Keys.DEFAULT_BUTTONS;

    @Override
    public void useButtons(int numButtons) {
        buttons = numButtons;
    }

    @Override
    public void start(ButtonListener listener) throws ControllerException {
        try {
            dispatcher = AudioDispatcherFactory.fromDefaultMicrophone(SAMPLE_RATE, FRAME, FRAME - HOP);
        } catch (Exception e) {
            // Java Sound's own text names line formats ("No line matching interface TargetDataLine supporting format
            // PCM_SIGNED 44100.0 Hz…"): a player needs to know only that no input could be opened; the cause (and so
            // that text, through ErrorText) only with -Dgenie.debug=true
            throw new ControllerException(
                    "no microphone here: no audio input could be opened (plug one in, or check"
                            + " that no other program holds it); the keyboard and a gamepad still play",
                    Boolean.getBoolean("genie.debug") ? e : null);
        }
        long start = System.nanoTime();
        attach(dispatcher, new SungContour(listener, true, buttons), start);
        Thread t = new Thread(dispatcher, "microphone");
        t.setDaemon(true);
        t.start();
        listener.onConnection(
                name(), true, "microphone: sing or whistle, each new note is a press, as loud as you sing it");
    }

    /** Wires pitch tracking and the contour into a dispatcher (also used on synthesized audio in tests). */
    public static void attach(AudioDispatcher d, SungContour contour, long startNanos) {
        float rate = d.getFormat().getSampleRate();
        double[] level = new double[1];
        d.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent e) {
                level[0] = 20 * Math.log10(Math.max(1e-9, e.getRMS()));
                return true;
            }

            @Override
            public void processingFinished() {}
        });
        d.addAudioProcessor(new PitchProcessor(
                PitchProcessor.PitchEstimationAlgorithm.YIN,
                rate,
                FRAME,
                (result, e) -> contour.frame(
                        startNanos + (long) (e.getTimeStamp() * 1e9),
                        result.isPitched() ? result.getPitch() : -1,
                        result.getProbability(),
                        level[0])));
        d.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent e) {
                return true;
            }

            @Override
            public void processingFinished() {
                contour.stop(startNanos + (long) (d.secondsProcessed() * 1e9));
            }
        });
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }
}
