package dev.pianogenie.app.perform;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.midi.FanOutSink;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.StreamingDecoder;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Where a press becomes a note. One named real-time thread takes controller events from a queue, in order:
 * <pre>
 *   press   → ΔT from the event's timestamp → decoder.next → note-on (source velocity, else the default) → outputs
 *   release → note-off of the note that press started (deferred while the sustain pedal is down)
 *   pedal   → pedal to the outputs; pedal up releases what it held
 *   reset   → note-offs for everything sounding, the decoder starts a new phrase
 * </pre>
 * A key that is struck while it still sounds is re-struck (note-off, note-on), never left stuck. Chords are
 * separate presses, one decoder step each, in arrival order. Controllers never call the decoder or the
 * outputs themselves; the UI only listens ({@link PerformerListener}) and sets values. Nothing on this
 * path locks or allocates beyond the decoder, the event records and the outputs' own messages.
 */
public final class Performer implements ButtonListener, AutoCloseable {
    public static final int DEFAULT_VELOCITY = 80;
    private static final ButtonEvent STOP = ButtonEvent.reset(Long.MIN_VALUE);
    /** While idle, a throw-away decoder step this often keeps the weights in cache (~1% of one core). */
    static final long KEEP_WARM_MILLIS = 4;

    private final StreamingDecoder decoder;
    private final FanOutSink outputs;
    private final PerformerListener listener;
    private final BlockingQueue<ButtonEvent> queue = new ArrayBlockingQueue<>(4096);
    private final Thread thread;
    private final LatencyLog latency = new LatencyLog(8192);
    private final float[][] probabilities = new float[2][Keys.NUM_KEYS];
    private volatile int latestProbabilities;
    private volatile int defaultVelocity = DEFAULT_VELOCITY;
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong submitted = new java.util.concurrent.atomic.AtomicLong();
    private volatile long processed;

    // real-time thread state
    private final int[] keyOfButton = new int[Keys.NUM_BUTTONS];
    private final int[] holders = new int[Keys.NUM_KEYS];
    private final boolean[] heldByPedal = new boolean[Keys.NUM_KEYS];
    private boolean pedalDown;

    public Performer(StreamingDecoder decoder, PerformerListener listener) {
        this.decoder = decoder;
        this.listener = listener;
        this.outputs = new FanOutSink((sink, error) -> listener.problem(
                "output " + sink + " failed and was disconnected: " + error.getMessage()));
        Arrays.fill(keyOfButton, -1);
        thread = new Thread(this::loop, "genie-performer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Adds an output while playing. */
    public void attach(NoteSink sink) {
        outputs.attach(sink);
    }

    /** Removes an output while playing; it is silenced first (all notes off) so nothing hangs on it. */
    public void detach(NoteSink sink) {
        outputs.detach(sink);
        try {
            sink.allNotesOff(System.nanoTime());
        } catch (RuntimeException e) {
            listener.problem("could not silence " + sink + ": " + e.getMessage());
        }
    }

    public java.util.List<NoteSink> outputs() {
        return outputs.sinks();
    }

    public void setDefaultVelocity(int velocity) {
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be 1..127, was " + velocity);
        }
        defaultVelocity = velocity;
    }

    public StreamingDecoder decoder() {
        return decoder;
    }

    public LatencyLog latency() {
        return latency;
    }

    /** The decoder's distribution for the last press (for the UI's heat strip). */
    public void lastProbabilities(float[] into) {
        System.arraycopy(probabilities[latestProbabilities], 0, into, 0, Keys.NUM_KEYS);
    }

    /** Queues an event from a controller (any thread); never blocks: a full queue drops and reports. */
    @Override
    public void onEvent(ButtonEvent event) {
        if (queue.offer(event)) {
            submitted.incrementAndGet();
        } else {
            listener.problem("too many events at once: one was dropped");
        }
    }

    @Override
    public void onConnection(String source, boolean connected, String detail) {
        listener.connection(source, connected, detail);
        if (!connected) {
            onEvent(ButtonEvent.reset(System.nanoTime())); // release everything it was holding
        }
    }

    private void loop() {
        try {
            while (running) {
                ButtonEvent e = queue.poll(KEEP_WARM_MILLIS, TimeUnit.MILLISECONDS);
                if (e == null) {
                    decoder.keepWarm(); // a pause: keep the next press as fast as a press in a run
                    continue;
                }
                if (e == STOP) {
                    break;
                }
                try {
                    handle(e);
                } catch (RuntimeException ex) {
                    listener.problem("could not play " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + ex.getMessage());
                } finally {
                    processed = processed + 1; // single writer
                }
            }
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        } finally {
            releaseAll(System.nanoTime());
            if (pedalDown) {
                outputs.pedal(false, System.nanoTime());
                pedalDown = false;
            }
        }
    }

    private void handle(ButtonEvent e) {
        switch (e.kind()) {
            case PRESS -> press(e);
            case RELEASE -> release(e.button(), e.nanos());
            case PEDAL_DOWN -> {
                pedalDown = true;
                outputs.pedal(true, e.nanos());
                listener.pedal(true, e.nanos());
            }
            case PEDAL_UP -> {
                pedalDown = false;
                for (int k = 0; k < Keys.NUM_KEYS; k++) {
                    if (heldByPedal[k]) {
                        heldByPedal[k] = false;
                        if (holders[k] == 0) {
                            noteOff(k, e.nanos());
                        }
                    }
                }
                outputs.pedal(false, e.nanos());
                listener.pedal(false, e.nanos());
            }
            case RESET -> {
                releaseAll(e.nanos());
                decoder.reset();
                listener.reset(e.nanos());
            }
        }
    }

    private void press(ButtonEvent e) {
        int button = e.button();
        if (keyOfButton[button] >= 0) {
            release(button, e.nanos()); // pressed again without a release (e.g. a terminal): end the first
        }
        long t0 = System.nanoTime();
        int key = decoder.next(button, e.nanos());
        long decodeNanos = System.nanoTime() - t0;
        int buffer = 1 - latestProbabilities;
        decoder.lastProbabilities(probabilities[buffer]);
        latestProbabilities = buffer;
        int pitch = Keys.pitch(key);
        if (holders[key] > 0 || heldByPedal[key]) {
            outputs.noteOff(pitch, e.nanos()); // re-strike
            heldByPedal[key] = false;
        }
        int velocity = e.velocity() != ButtonEvent.NO_VELOCITY ? e.velocity() : defaultVelocity;
        outputs.noteOn(pitch, velocity, e.nanos());
        holders[key]++;
        keyOfButton[button] = key;
        long done = System.nanoTime();
        latency.add(decodeNanos, done - e.nanos());
        listener.played(new PerformerListener.Played(button, key, velocity, e.nanos(), decodeNanos, done));
    }

    private void release(int button, long nanos) {
        listener.buttonReleased(button, nanos);
        int key = keyOfButton[button];
        if (key < 0) {
            return; // a release without its press (pressed before we started, or already released by a reset)
        }
        keyOfButton[button] = -1;
        holders[key]--;
        if (holders[key] > 0) {
            return; // another button still holds this key
        }
        if (pedalDown) {
            heldByPedal[key] = true;
        } else {
            noteOff(key, nanos);
        }
    }

    private void noteOff(int key, long nanos) {
        outputs.noteOff(Keys.pitch(key), nanos);
        listener.released(key, nanos);
    }

    private void releaseAll(long nanos) {
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (holders[k] > 0 || heldByPedal[k]) {
                noteOff(k, nanos);
            }
            holders[k] = 0;
            heldByPedal[k] = false;
        }
        Arrays.fill(keyOfButton, -1);
    }

    /** Waits until every event queued so far has been played (tests, replays); false on timeout. */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        long target = submitted.get();
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (processed < target) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    /** Stops the thread; everything sounding is released first. */
    @Override
    public void close() {
        running = false;
        queue.offer(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
