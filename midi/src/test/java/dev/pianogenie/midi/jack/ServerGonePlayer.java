package dev.pianogenie.midi.jack;

import dev.pianogenie.midi.FanOutSink;
import dev.pianogenie.midi.NoteSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by {@link JackServerGoneTest}: plays into both JACK outputs and listens on the JACK MIDI input
 * until the server is killed, then closes everything and returns from main — no System.exit, so the JVM ends only if
 * no thread of JACK's or ours keeps it alive. Prints "playing" once started and one line per failure.
 */
public final class ServerGonePlayer {
    public static void main(String[] args) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        FanOutSink out = new FanOutSink((sink, e) -> {
            failures.incrementAndGet();
            System.out.println("failed: " + e.getMessage());
        });
        NoteSink synth = new JackSynthSink(
                Optional.empty(), JackSynthSink.Rendering.CALLBACK, Optional.of(List.of()), (m, f) -> {});
        NoteSink midi = new JackMidiSink(0, Optional.empty());
        JackMidiInput in = new JackMidiInput(Optional.empty(), new JackMidiInput.Listener() {
            @Override
            public void message(int status, int data1, int data2, long nanos) {}

            @Override
            public void serverGone(String detail) {
                System.out.println("input: " + detail);
            }
        });
        out.attach(synth);
        out.attach(midi);
        System.out.println("playing");
        System.out.flush();
        long end = System.nanoTime() + 30_000_000_000L;
        int pitch = 60;
        while (out.sinks().size() > 0 && System.nanoTime() < end) {
            out.noteOn(pitch, 80, System.nanoTime());
            Thread.sleep(40);
            out.noteOff(pitch, System.nanoTime());
            pitch = pitch == 72 ? 60 : pitch + 1;
        }
        in.close();
        synth.close();
        midi.close();
        System.out.println("closed after " + failures.get() + " failed sinks");
    }
}
