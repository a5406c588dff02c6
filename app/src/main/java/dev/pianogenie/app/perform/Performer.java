package dev.pianogenie.app.perform;

import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.ButtonListener;
import dev.pianogenie.app.input.KeyVelocity;
import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.midi.FanOutSink;
import dev.pianogenie.midi.Midi;
import dev.pianogenie.midi.NoteSink;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.Lookahead;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.StreamingDecoder;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a press becomes a note. One named real-time thread takes controller events from a queue, in order:
 * <pre>
 *   press   → ΔT from the event's timestamp → decoder.next → note-on (velocity: see below) → outputs
 *   release → note-off of the note that press started (deferred while the sustain pedal is down)
 *   pedal   → pedal to the outputs; pedal up releases what it held
 *   reset   → note-offs for everything sounding, the decoder starts a new phrase
 *   sampling → the decoder goes on with a new temperature and key list (the player's, or a replayed take's)
 *   dynamics / velocity → the dynamics level or the fixed velocity from the next press on
 * </pre>
 * A note's velocity: the controller's own (a MIDI keyboard's touch) when it gives one and {@link KeyVelocity#PLAY};
 * else the fixed velocity ({@code --velocity}, the window's fixed Velocity) if one is set; else the model's predicted
 * velocity ({@link StreamingDecoder#lastVelocity}; {@link #DEFAULT_VELOCITY} for a model without a velocity output)
 * shaped by the dynamics ({@link Dynamics#shape}). With {@link KeyVelocity#DYNAMICS} a controller's velocity sets the
 * dynamics instead. Dynamics and fixed velocity are events, like sampling, so a take keeps every change where it fell.
 * Once a press's note is out (or after a reset) and no event waits, the decoder looks ahead — what each button
 * would play next, one batched call that leaves its state alone — and the listener gets it
 * ({@link PerformerListener#lookahead}); a chord's presses go out first, the look-ahead follows the last.
 * A key that is struck while it still sounds is re-struck (note-off, note-on), never left stuck; a key held by
 * two buttons ends when the last of them is released. That bookkeeping is the {@link KeyLedger}'s: each note-on
 * and note-off it decides goes to the outputs, and each note-off to the listener, so the display lights only
 * what sounds. Chords are separate presses, one decoder step each, in
 * arrival order. Event times never run backwards through the performer: an event stamped earlier than the one
 * before it (two controllers with their own clocks) is played at the earlier event's time, so no press is lost
 * and no output sees a note end before it began. A controller that disconnects, an output that is removed and
 * {@link #close()} release everything sounding.
 *
 * <p>Controllers never call the decoder or the outputs themselves; outputs are attached, removed and silenced
 * on this thread too (so every output is only ever called from it). The UI only listens
 * ({@link PerformerListener}) and sets values. Nothing on the press path locks beyond the queue hand-off or
 * allocates beyond the decoder, the event records and the outputs' own messages.
 */
public final class Performer implements ButtonListener, AutoCloseable {
    public static final int DEFAULT_VELOCITY = 80;
    public static final int QUEUE_CAPACITY = 4096;
    /** In a pause, a throw-away decoder step this often keeps the weights in cache (~5% of one core while it lasts). */
    static final long KEEP_WARM_MILLIS = 4;
    /**
     * A pause longer than this is no pause in playing but an idle instrument: the steps come only every
     * {@link #IDLE_WARM_MILLIS}, so an idle window costs next to nothing (at 4 ms they were most of its CPU).
     */
    static final long KEEP_WARM_FOR_NANOS = 10_000_000_000L;

    static final long IDLE_WARM_MILLIS = 250;
    /** The look-ahead after a phrase's first press assumes the next one comes this much later. */
    static final long FIRST_INTERVAL_GUESS_NANOS = 250_000_000L;

    private static final long COMMAND_TIMEOUT_MILLIS = 2000;
    // markers, compared by identity: stop the thread / wake it for a command
    private static final ButtonEvent STOP = ButtonEvent.reset(Long.MIN_VALUE);
    private static final ButtonEvent WAKE = ButtonEvent.reset(Long.MIN_VALUE);

    private final StreamingDecoder decoder;
    private final FanOutSink outputs;
    private final PerformerListener listener;
    private final BlockingQueue<ButtonEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<Tap> taps = new java.util.ArrayList<>(); // performer thread only
    private final Thread thread;
    private final LatencyLog latency = new LatencyLog(8192);
    private final float[][] probabilities = new float[2][Keys.NUM_KEYS];
    private volatile int latestProbabilities;
    private volatile KeyVelocity keyVelocity = KeyVelocity.PLAY;
    private volatile boolean running = true;
    private volatile boolean lookaheadOn;
    private final AtomicLong submitted = new AtomicLong();
    private volatile long processed;

    // real-time thread state
    /** What sounds and what holds it; every note-on and note-off goes through it to the outputs and the listener. */
    private final KeyLedger keys;

    private boolean lookaheadDue; // at start (if on): what the first press of a phrase would play
    private long lastPressNanos = Long.MIN_VALUE; // in this phrase
    private long lastIntervalNanos = -1;
    private int dynamics = Dynamics.MF;
    private int fixedVelocity = ButtonEvent.NO_VELOCITY;
    /** The latest event time played: later events are never placed before it. */
    private long clock = Long.MIN_VALUE;

    private long lastEventNanos = System.nanoTime(); // of the last event played: how long the pause has been
    /** The model's buttons: presses of others are ignored (a controller with more buttons than the model). */
    private final int numButtons;

    private boolean saidBeyondButtons;

    /** A performer that looks ahead (for a face that shows it). */
    public Performer(StreamingDecoder decoder, PerformerListener listener) {
        this(decoder, listener, true);
    }

    /**
     * @param lookahead whether to look ahead after each note ({@link #setLookahead}); off where nothing shows it
     *                  (headless play), so that not even the first one is computed
     */
    public Performer(StreamingDecoder decoder, PerformerListener listener, boolean lookahead) {
        this.decoder = decoder;
        this.numButtons = decoder.numButtons();
        this.lookaheadOn = lookahead;
        this.lookaheadDue = lookahead;
        this.listener = listener;
        this.outputs = new FanOutSink((sink, error) ->
                listener.problem("output " + sink + " failed and was disconnected: " + error.getMessage()));
        this.keys = new KeyLedger(new KeyLedger.Voice() {
            @Override
            public void noteOn(int key, int velocity, long nanos) {
                outputs.noteOn(Keys.pitch(key), velocity, nanos);
            }

            @Override
            public void noteOff(int key, long nanos) {
                outputs.noteOff(Keys.pitch(key), nanos);
                listener.released(key, nanos);
            }
        });
        thread = new Thread(this::loop, "genie-performer");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    /** Sees every event the performer plays, on the performer thread, at the time it plays it (a recorder). */
    public interface Tap {
        void played(ButtonEvent event, long playedNanos);
    }

    /** Adds a tap (before the next event). */
    public void tap(Tap tap) {
        onPerformerThread(() -> taps.add(tap));
    }

    /**
     * Starts a take at the next event: the decoder begins a new phrase with {@code sampling} (so the take's
     * session, replayed from a fresh decoder with the same sampling, plays the same notes) and {@code take}
     * starts keeping what is played. Returns once done.
     */
    public void startTake(TakeRecorder take, Sampling sampling) {
        call(
                () -> {
                    decoder.setSampling(sampling);
                    startPhrase();
                    take.start(now(), keys.pedalDown());
                    return null;
                },
                "start the take");
    }

    /** Ends the take now (what still sounds ends in the take here) and hands out a copy of it. */
    public TakeRecorder.Snapshot stopTake(TakeRecorder take) {
        return call(
                () -> {
                    take.stop(now());
                    return take.snapshot();
                },
                "stop the take");
    }

    /** A copy of the take so far (for an autosave), made on the performer thread. */
    public TakeRecorder.Snapshot snapshot(TakeRecorder take) {
        return call(take::snapshot, "copy the take");
    }

    /** Runs {@code task} on the performer thread, in order with events, and returns its result. */
    private <T> T call(java.util.function.Supplier<T> task, String what) {
        @SuppressWarnings("unchecked")
        T[] result = (T[]) new Object[1];
        CompletableFuture<Void> done = onPerformerThread(() -> result[0] = task.get());
        try {
            done.get(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the performer did not " + what + " within " + COMMAND_TIMEOUT_MILLIS + " ms", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
        return result[0];
    }

    /** Adds an output while playing (it hears the pedal if it is down); takes effect before the next event. */
    public void attach(NoteSink sink) {
        onPerformerThread(() -> {
            outputs.attach(sink);
            if (keys.pedalDown()) {
                sink.pedal(true, now());
            }
        });
    }

    /**
     * Removes an output while playing: everything sounding is released on every output, then the one leaving
     * gets a panic (pedal up, all notes off). Returns once done, so the caller may close the device.
     */
    public void detach(NoteSink sink) {
        await(
                onPerformerThread(() -> {
                    long t = now();
                    keys.releaseAll(t);
                    outputs.detach(sink);
                    try {
                        sink.allNotesOff(t);
                    } catch (RuntimeException e) {
                        listener.problem("could not silence " + sink + ": " + e.getMessage());
                    }
                }),
                "remove the output " + sink);
    }

    /** Panic: everything sounding is released, then pedal up and all notes off on every output. */
    public void panic() {
        onPerformerThread(() -> {
            long t = now();
            keys.releaseAll(t);
            boolean wasDown = keys.pedalDown();
            keys.pedal(false, t);
            outputs.allNotesOff(t);
            if (wasDown) {
                listener.pedal(false, t); // all notes off lifts the pedal too
            }
        });
    }

    public List<NoteSink> outputs() {
        return outputs.sinks();
    }

    /**
     * Presses without a velocity of their own play at {@code velocity} (1..127) from the next press on, whatever the
     * model predicts and the dynamics; {@link ButtonEvent#NO_VELOCITY}: the genie's own velocity at the dynamics.
     * Queued as an event, like {@link #setSampling}: a take keeps it where it fell.
     */
    public void setFixedVelocity(int velocity) {
        if (velocity != ButtonEvent.NO_VELOCITY && !Midi.isVelocity(velocity)) {
            throw new IllegalArgumentException("velocity must be 1..127, was " + velocity);
        }
        onEvent(ButtonEvent.fixedVelocity(velocity, System.nanoTime()));
    }

    /**
     * How loud the performer starts (a session's setup, said in a take's header): applied at once, before any event
     * queued later, and — not being an event — never in a take. Changes while playing are {@link #setDynamics} and
     * {@link #setFixedVelocity}.
     */
    public void startLoudness(int level, int velocity) {
        Dynamics.check(level);
        if (velocity != ButtonEvent.NO_VELOCITY && !Midi.isVelocity(velocity)) {
            throw new IllegalArgumentException("velocity must be 1..127, was " + velocity);
        }
        call(
                () -> {
                    dynamics = level;
                    fixedVelocity = velocity;
                    listener.loudness(level, velocity, now());
                    return null;
                },
                "set the dynamics");
    }

    /** The dynamics ({@link Dynamics}, 1..127) from the next press on; queued as an event. */
    public void setDynamics(int level) {
        onEvent(ButtonEvent.dynamics(Dynamics.check(level), System.nanoTime()));
    }

    /** What a controller's own velocity does (see {@link KeyVelocity}); from the next press on. */
    public void setKeyVelocity(KeyVelocity mode) {
        keyVelocity = mode;
    }

    /**
     * A new temperature and key list from the next press on (the seed in use stays): queued as an event, so it
     * lands between the same two presses in a take, its replay and the decoder; the look-ahead is recomputed for
     * it. (A replayed take's own changes come the same way, from the replay.)
     */
    public void setSampling(SamplingChange change) {
        onEvent(ButtonEvent.sampling(change, System.nanoTime()));
    }

    /**
     * Whether the performer looks ahead after each note (on by default; off where nothing shows it, or to
     * measure what it costs). Turned on, it looks ahead at once.
     */
    public void setLookahead(boolean on) {
        lookaheadOn = on;
        onPerformerThread(() -> lookaheadDue = on);
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

    /** Queues an event from a live controller (any thread); never blocks: a full queue drops and reports. */
    @Override
    public void onEvent(ButtonEvent event) {
        if (queue.offer(event)) {
            submitted.incrementAndGet();
        } else {
            listener.problem(
                    "too many events at once: one " + event.kind().name().toLowerCase(Locale.ROOT) + " was dropped");
        }
    }

    /**
     * Queues an event from a source that can wait (a replay): waits up to {@code timeout} for room instead of
     * dropping it, so a replay as fast as possible plays every press, in order, however long the session.
     */
    @Override
    public boolean offer(ButtonEvent event, long timeout, TimeUnit unit) throws InterruptedException {
        if (queue.offer(event, timeout, unit)) {
            submitted.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Events queued and not yet played. */
    public long pending() {
        return submitted.get() - processed;
    }

    /** A controller came or went; one that went leaves nothing sounding (a reset follows). */
    @Override
    public void onConnection(String source, boolean connected, String detail) {
        onPerformerThread(() -> listener.connection(source, connected, detail));
        if (!connected) {
            onEvent(ButtonEvent.reset(System.nanoTime()));
        }
    }

    private void loop() {
        try {
            while (running) {
                // a look-ahead due waits only until no event is queued: notes go out first
                boolean ahead = lookaheadDue && lookaheadOn;
                long warmMillis =
                        System.nanoTime() - lastEventNanos < KEEP_WARM_FOR_NANOS ? KEEP_WARM_MILLIS : IDLE_WARM_MILLIS;
                ButtonEvent e = ahead ? queue.poll() : queue.poll(warmMillis, TimeUnit.MILLISECONDS);
                runCommands();
                if (e == null) {
                    if (lookaheadDue && lookaheadOn) {
                        lookAhead();
                    } else {
                        decoder.keepWarm(); // a pause: keep the next press as fast as a press in a run
                    }
                    continue;
                }
                if (e == STOP) {
                    break;
                }
                if (e == WAKE) {
                    continue;
                }
                lastEventNanos = System.nanoTime();
                try {
                    handle(e);
                } catch (RuntimeException ex) {
                    listener.problem(
                            "could not play " + e.kind().name().toLowerCase(Locale.ROOT) + ": " + ex.getMessage());
                } finally {
                    processed = processed + 1; // single writer
                }
            }
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            runCommands();
            long t = now();
            keys.releaseAll(t);
            if (keys.pedalDown()) {
                keys.pedal(false, t);
                outputs.pedal(false, t);
            }
            runCommands(); // any that came meanwhile; later ones run on their caller's thread
        }
    }

    private void handle(ButtonEvent e) {
        if ((e.kind() == ButtonEvent.Kind.PRESS || e.kind() == ButtonEvent.Kind.RELEASE) && e.button() >= numButtons) {
            if (!saidBeyondButtons) { // once: a gamepad or learnt keys may have more buttons than the model
                saidBeyondButtons = true;
                listener.problem("button " + (e.button() + 1) + " does nothing: the model has " + numButtons
                        + " buttons (presses beyond them are ignored, and not recorded)");
            }
            return;
        }
        long t = Math.max(e.nanos(), clock);
        clock = t;
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).played(e, t);
        }
        switch (e.kind()) {
            case PRESS -> press(e, t);
            case RELEASE -> release(e.button(), t);
            case PEDAL_DOWN, PEDAL_UP -> {
                boolean down = e.kind() == ButtonEvent.Kind.PEDAL_DOWN;
                keys.pedal(down, t); // up: the notes it held end first
                outputs.pedal(down, t);
                listener.pedal(down, t);
            }
            case RESET -> {
                keys.releaseAll(t);
                startPhrase();
                listener.reset(t);
            }
            case SAMPLING -> {
                decoder.setSampling(e.sampling().sampling(decoder.sampling().seed()));
                lookaheadDue = true;
                listener.sampling(e.sampling());
            }
            case DYNAMICS -> {
                dynamics = e.velocity();
                listener.loudness(dynamics, fixedVelocity, t); // always: the window counts its own changes back
            }
            case VELOCITY -> {
                fixedVelocity = e.velocity();
                listener.loudness(dynamics, fixedVelocity, t);
            }
        }
    }

    /** The decoder starts a new phrase; the look-ahead follows it. */
    private void startPhrase() {
        decoder.reset();
        lastPressNanos = Long.MIN_VALUE;
        lastIntervalNanos = -1;
        lookaheadDue = true;
    }

    private void press(ButtonEvent e, long t) {
        int button = e.button();
        if (keys.keyOf(button) >= 0) {
            release(button, t); // pressed again without a release (e.g. a terminal): end the first
        }
        long t0 = System.nanoTime();
        int key = decoder.next(button, t);
        long decodeNanos = System.nanoTime() - t0;
        int buffer = 1 - latestProbabilities;
        decoder.lastProbabilities(probabilities[buffer]);
        latestProbabilities = buffer;
        int velocity = velocityOf(e, t);
        keys.strike(button, key, velocity, t); // a sounding key is re-struck
        long done = System.nanoTime();
        latency.add(decodeNanos, done - e.nanos());
        listener.played(new PerformerListener.Played(button, key, velocity, t, decodeNanos, done));
        lastIntervalNanos = lastPressNanos == Long.MIN_VALUE ? -1 : t - lastPressNanos;
        lastPressNanos = t;
        lookaheadDue = true;
    }

    /** The velocity of a press's note (after decoder.next: the model's prediction is for this note). */
    private int velocityOf(ButtonEvent e, long t) {
        int touch = e.velocity();
        if (touch != ButtonEvent.NO_VELOCITY) {
            if (keyVelocity == KeyVelocity.PLAY) {
                return touch;
            }
            if (touch != dynamics) { // the key's velocity is the dynamics now: shown only when it changes
                dynamics = touch;
                listener.loudness(dynamics, fixedVelocity, t);
            }
        }
        if (fixedVelocity != ButtonEvent.NO_VELOCITY) {
            return fixedVelocity;
        }
        int predicted = decoder.predictsVelocity() ? decoder.lastVelocity() : 0;
        return Dynamics.shape(predicted > 0 ? predicted : DEFAULT_VELOCITY, dynamics);
    }

    /** What each button would play if pressed after the same interval as the last press; to the listener. */
    private void lookAhead() {
        lookaheadDue = false;
        long at = lastPressNanos == Long.MIN_VALUE
                ? clock
                : lastPressNanos + (lastIntervalNanos >= 0 ? lastIntervalNanos : FIRST_INTERVAL_GUESS_NANOS);
        try {
            long t0 = System.nanoTime();
            Lookahead next = decoder.lookahead(at);
            latency.addLookahead(System.nanoTime() - t0);
            listener.lookahead(next);
        } catch (RuntimeException e) {
            listener.problem("could not look ahead: " + e.getMessage());
        }
    }

    private void release(int button, long t) {
        listener.buttonReleased(button, t);
        keys.release(button, t);
    }

    /** The time for what the performer does by itself (a removed output, a panic, the stop): now, never before the last event. */
    private long now() {
        return Math.max(System.nanoTime(), clock);
    }

    /**
     * Runs {@code task} on the performer thread before the next event (at once if called from it or after the
     * thread ended), so that outputs are only ever called from one thread.
     */
    private CompletableFuture<Void> onPerformerThread(Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable command = () -> {
            try {
                task.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        };
        if (Thread.currentThread() == thread) {
            command.run();
            return done;
        }
        commands.add(command);
        queue.offer(WAKE); // if the queue is full the thread is busy and runs the command before its next event
        if (!thread.isAlive()) {
            runCommands(); // stopped: nothing else calls the outputs any more
        }
        return done;
    }

    private void runCommands() {
        for (Runnable c; (c = commands.poll()) != null; ) {
            c.run();
        }
    }

    private void await(CompletableFuture<Void> done, String what) {
        try {
            done.get(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            listener.problem("the performer did not " + what + " within " + COMMAND_TIMEOUT_MILLIS + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            listener.problem("could not " + what + ": " + e.getCause().getMessage());
        }
    }

    /** Waits until every event queued so far has been played (tests, replays); false on timeout. */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        long target = submitted.get();
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (processed < target) {
            if (System.nanoTime() > end || !thread.isAlive()) {
                return processed >= target;
            }
            Thread.sleep(0, 200_000);
        }
        return true;
    }

    /** Stops the thread; everything sounding is released and the pedal lifted first. */
    @Override
    public void close() {
        running = false;
        queue.offer(STOP);
        try {
            thread.join(COMMAND_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
