package dev.pianogenie.app.cli;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.perform.Performer;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.sound.BuiltInSynth;
import dev.pianogenie.midi.sound.OnsetCheck;
import dev.pianogenie.midi.sound.ReceiverSink;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./genie bench latency}: from the controller's event timestamp to (1) the MIDI note-on leaving the
 * MIDI-out sink — through the real queue, performer thread, decoder and sink, into a receiver that stamps
 * arrival — and (2) the first audible sample of the built-in synthesizer (its own delay measured by offline
 * rendering at control rate 1000 Hz, added). The sound card's buffer comes on top: reported separately.
 */
@Command(
        name = "latency",
        mixinStandardHelpOptions = true,
        description = "Press → MIDI out and press → first audible sample (synth side); last line JSON.")
public final class BenchLatencyCommand implements Callable<Integer> {
    static final int LOOKAHEAD_BLOCK = 100;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "model folder (default: the shipped model)")
    Path model;

    @Option(names = "--presses", defaultValue = "2000", description = "measured presses (default: ${DEFAULT-VALUE})")
    int presses;

    @Option(
            names = "--engine",
            defaultValue = DecoderEngine.DEFAULT_NAME,
            description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(
            names = "--quick",
            defaultValue = "0",
            paramLabel = "PERCENT",
            description =
                    "share of presses that come 0-1 ms after the previous note, while its look-ahead may still run "
                            + "(default: ${DEFAULT-VALUE}; else 5-25 ms apart)")
    int quickPercent;

    @Option(
            names = "--soundfont",
            paramLabel = "SF2",
            description = "the synth's onset with this SF2 soundfont "
                    + "(default: the sound live play picks, see `genie devices`)")
    Path soundfont;

    @Option(
            names = "--output",
            paramLabel = "jack",
            description =
                    "jack: measure into a running JACK server instead"
                            + " (press → JACK MIDI buffer and → first audible sample in the JACK audio buffer; default 500 presses)")
    String output;

    @Option(
            names = "--rendering",
            defaultValue = "callback",
            description = "with --output jack: the synth renders in"
                    + " JACK's callback or on its own thread ahead (callback | thread; default: ${DEFAULT-VALUE})")
    String rendering;

    @Override
    public Integer call() throws Exception {
        if (output != null) {
            if (!output.equals("jack")) {
                throw new IllegalArgumentException(
                        "--output takes only jack here (the default measures MIDI out and the synth offline)");
            }
            if (!rendering.equals("callback") && !rendering.equals("thread")) {
                throw new IllegalArgumentException("--rendering is callback or thread, was " + rendering);
            }
            if (dev.pianogenie.midi.jack.JackHost.probe().isEmpty()) {
                System.err.println("genie bench: " + dev.pianogenie.midi.jack.JackHost.NO_SERVER);
                return 1;
            }
            int n = spec.commandLine().getParseResult().hasMatchedOption("--presses") ? presses : 500;
            OptionChecks.between("--presses", n, 1, JackLatencyBench.MAX_PRESSES);
            PianoGenieModel m = ModelFiles.load(model != null ? model : dev.pianogenie.app.live.DefaultModel.locate());
            return JackLatencyBench.run(
                    m,
                    engine,
                    n,
                    rendering.equals("thread")
                            ? dev.pianogenie.midi.jack.JackSynthSink.Rendering.THREAD
                            : dev.pianogenie.midi.jack.JackSynthSink.Rendering.CALLBACK);
        }
        OptionChecks.between("--presses", presses, 1, BenchDecoderCommand.MAX_PRESSES);
        OptionChecks.between("--quick", quickPercent, 0, 100);
        PianoGenieModel m = ModelFiles.load(model != null ? model : dev.pianogenie.app.live.DefaultModel.locate());
        long[] arrival = new long[1];
        Receiver timing = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                if (message instanceof ShortMessage s && s.getCommand() == Midi.NOTE_ON && s.getData2() > 0) {
                    arrival[0] = System.nanoTime();
                }
            }

            @Override
            public void close() {}
        };
        long[] toMidi = new long[presses];
        // the look-ahead on and off in alternating blocks of presses, same JVM, same noise: what it costs a press
        boolean[] withLookahead = new boolean[presses];
        long[] handoff = new long[presses + 200];
        int[] played = new int[1];
        // the event's wait before the performer thread handles it: the queue hand-off and the thread's wake-up
        PerformerListener handoffs = new PerformerListener() {
            @Override
            public void played(Played note) {
                handoff[played[0]++ % handoff.length] = note.doneNanos() - note.decodeNanos() - note.eventNanos();
            }
        };
        double decodeP50;
        double decodeP99;
        double lookaheadP50;
        double lookaheadP99;
        long lookaheads;
        SplittableRandom random = new SplittableRandom(5);
        try (StreamingDecoder d = Decoders.open(
                        m,
                        DecoderEngine.parse(engine),
                        Sampling.of(Sampling.DEFAULT_TEMPERATURE).withSeed(5));
                Performer p = new Performer(d, handoffs)) {
            ReceiverSink midiOut = new ReceiverSink(timing, 0, "timing receiver", null);
            p.attach(midiOut);
            for (int i = -200; i < presses; i++) { // 200 warm-up presses
                if (i >= 0 && i % LOOKAHEAD_BLOCK == 0) {
                    p.setLookahead(i / LOOKAHEAD_BLOCK % 2 == 0);
                    p.drain(1000);
                    LockSupport.parkNanos(5_000_000L);
                }
                int b = random.nextInt(p.decoder().numButtons());
                arrival[0] = 0;
                long t = System.nanoTime();
                p.onEvent(ButtonEvent.press(b, t));
                p.drain(1000);
                if (i >= 0) {
                    toMidi[i] = arrival[0] - t;
                    withLookahead[i] = i / LOOKAHEAD_BLOCK % 2 == 0;
                }
                p.onEvent(ButtonEvent.release(b, System.nanoTime()));
                if (random.nextInt(100) < quickPercent) {
                    LockSupport.parkNanos(
                            random.nextLong(1_000_000L)); // a fast run: the next press lands on the look-ahead
                } else {
                    LockSupport.parkNanos(
                            5_000_000L + random.nextLong(20_000_000L)); // like a player: idle between presses
                }
            }
            decodeP50 = p.latency().decodePercentileMicros(0.5);
            decodeP99 = p.latency().decodePercentileMicros(0.99);
            lookaheadP50 = p.latency().lookaheadPercentileMicros(0.5);
            lookaheadP99 = p.latency().lookaheadPercentileMicros(0.99);
            lookaheads = p.latency().lookaheadCount();
        }
        long[] on = pick(toMidi, withLookahead, true);
        long[] off = pick(toMidi, withLookahead, false);
        Arrays.sort(toMidi);
        double midiP50 = pct(toMidi, 0.5) / 1e3;
        double midiP99 = pct(toMidi, 0.99) / 1e3;
        double midiMax = toMidi[toMidi.length - 1] / 1e3;
        long[] waits = Arrays.copyOfRange(handoff, 200, presses + 200); // without the warm-up presses
        Arrays.sort(waits);
        double handoffP50 = pct(waits, 0.5) / 1e3;
        double handoffP99 = pct(waits, 0.99) / 1e3;

        if (soundfont == null) {
            dev.pianogenie.app.live.PianoSound.prepareHere();
        }
        OnsetCheck.Onset onset = OnsetCheck.measure(Optional.ofNullable(soundfont), 200, 5);
        double synthP50 = onset.p50Millis();
        double synthP99 = onset.p99Millis();
        double audioP99 = midiP99 / 1e3 + synthP99;

        System.out.printf(
                Locale.ROOT,
                "press → MIDI out (%d presses, %s): p50 %.0f µs  p99 %.0f µs  max %.0f µs (decoder step p50 %.0f µs, p99 %.0f µs)%n",
                presses,
                engine,
                midiP50,
                midiP99,
                midiMax,
                decodeP50,
                decodeP99);
        System.out.printf(
                Locale.ROOT,
                "  of which the wait before the performer thread takes the press (queue hand-off, thread wake-up): p50 %.0f µs  p99 %.0f µs%n",
                handoffP50,
                handoffP99);
        System.out.printf(
                Locale.ROOT,
                "  with the look-ahead p50 %.0f µs  p99 %.0f µs; without %.0f µs / %.0f µs (alternating blocks of %d presses)%n",
                pct(on, 0.5) / 1e3,
                pct(on, 0.99) / 1e3,
                pct(off, 0.5) / 1e3,
                pct(off, 0.99) / 1e3,
                LOOKAHEAD_BLOCK);
        System.out.printf(
                Locale.ROOT,
                "look-ahead after each note (8 buttons, one decoder call, off the press's path; %d): p50 %.0f µs  p99 %.0f µs%n",
                lookaheads,
                lookaheadP50,
                lookaheadP99);
        System.out.printf(
                Locale.ROOT,
                "synthesizer (%s), note-on → first sample above −60 dBFS (%d notes, control rate %.0f Hz): p50 %.2f ms  p99 %.2f ms%n",
                onset.sound(),
                onset.notes() - onset.silent(),
                BuiltInSynth.CONTROL_RATE,
                synthP50,
                synthP99);
        System.out.printf(
                Locale.ROOT,
                "press → first audible sample, synth side: p99 %.2f ms (+ the sound card's buffer: genie asks for %.0f ms)%n",
                audioP99,
                BuiltInSynth.LIVE_LATENCY_MICROS / 1e3);
        System.out.printf(
                Locale.ROOT,
                "{\"to_midi_p50_us\": %.1f, \"to_midi_p99_us\": %.1f, \"to_midi_max_us\": %.1f, "
                        + "\"decoder_p99_us\": %.1f, \"handoff_p99_us\": %.1f, \"lookahead_p50_us\": %.1f, \"lookahead_p99_us\": %.1f, "
                        + "\"to_midi_p99_us_lookahead_on\": %.1f, \"to_midi_p99_us_lookahead_off\": %.1f, "
                        + "\"synth_p99_ms\": %.3f, \"to_audio_p99_ms\": %.3f, \"line_latency_ms\": %.1f}%n",
                midiP50,
                midiP99,
                midiMax,
                decodeP99,
                handoffP99,
                lookaheadP50,
                lookaheadP99,
                pct(on, 0.99) / 1e3,
                pct(off, 0.99) / 1e3,
                synthP99,
                audioP99,
                BuiltInSynth.LIVE_LATENCY_MICROS / 1e3);
        return 0;
    }

    /** The values whose flag is {@code flag}, sorted. */
    private static long[] pick(long[] values, boolean[] flags, boolean flag) {
        long[] out = new long[values.length];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (flags[i] == flag) {
                out[n++] = values[i];
            }
        }
        out = Arrays.copyOf(out, Math.max(n, 1));
        Arrays.sort(out);
        return out;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
