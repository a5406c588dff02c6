package dev.pianogenie.app.ui;

import dev.pianogenie.app.input.SamplingChange;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.model.Lookahead;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The performer's news for the window: enqueued on the real-time thread (never blocking it), drained on the
 * JavaFX thread once per frame.
 */
final class UiEvents implements PerformerListener {
    private final ConcurrentLinkedQueue<UiEvent> queue = new ConcurrentLinkedQueue<>();

    UiEvent poll() {
        return queue.poll();
    }

    void post(UiEvent.Type type, String text) {
        queue.add(new UiEvent(type, -1, -1, 0, text, System.nanoTime()));
    }

    @Override
    public void played(Played n) {
        queue.add(new UiEvent(UiEvent.Type.NOTE_ON, n.key(), n.button(), n.velocity(), null, n.eventNanos()));
    }

    @Override
    public void lookahead(Lookahead next) {
        queue.add(new UiEvent(UiEvent.Type.LOOKAHEAD, -1, -1, 0, null, System.nanoTime(), next, null));
    }

    @Override
    public void sampling(SamplingChange now) {
        queue.add(new UiEvent(UiEvent.Type.SAMPLING, -1, -1, 0, null, System.nanoTime(), null, now));
    }

    @Override
    public void loudness(int dynamics, int fixedVelocity, long nanos) {
        queue.add(new UiEvent(UiEvent.Type.LOUDNESS, dynamics, -1, fixedVelocity, null, nanos));
    }

    @Override
    public void buttonReleased(int button, long nanos) {
        queue.add(new UiEvent(UiEvent.Type.BUTTON_UP, -1, button, 0, null, nanos));
    }

    @Override
    public void released(int key, long nanos) {
        queue.add(new UiEvent(UiEvent.Type.NOTE_OFF, key, -1, 0, null, nanos));
    }

    @Override
    public void pedal(boolean down, long nanos) {
        queue.add(new UiEvent(down ? UiEvent.Type.PEDAL_DOWN : UiEvent.Type.PEDAL_UP, -1, -1, 0, null, nanos));
    }

    @Override
    public void reset(long nanos) {
        queue.add(new UiEvent(UiEvent.Type.RESET, -1, -1, 0, null, nanos));
    }

    @Override
    public void connection(String source, boolean connected, String detail) {
        post(connected ? UiEvent.Type.CONNECTED : UiEvent.Type.DISCONNECTED, detail);
    }

    @Override
    public void problem(String message) {
        post(UiEvent.Type.PROBLEM, message);
    }
}
