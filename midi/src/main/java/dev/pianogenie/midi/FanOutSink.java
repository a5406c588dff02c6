package dev.pianogenie.midi;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sends every event to all attached sinks, in attach order. Sinks can be attached and detached while
 * playing (a copy-on-write list: the playing thread never waits). One sink's failure does not silence the
 * others: it is reported to the error handler and that sink is detached.
 */
public final class FanOutSink implements NoteSink {
    /** Told when a sink fails; called on the playing thread, so it must only hand the news on. */
    public interface ErrorHandler {
        void failed(NoteSink sink, RuntimeException error);
    }

    private final CopyOnWriteArrayList<NoteSink> sinks = new CopyOnWriteArrayList<>();
    private final ErrorHandler errors;

    public FanOutSink(ErrorHandler errors) {
        this.errors = errors;
    }

    public void attach(NoteSink sink) {
        sinks.addIfAbsent(sink);
    }

    public void detach(NoteSink sink) {
        sinks.remove(sink);
    }

    public java.util.List<NoteSink> sinks() {
        return java.util.List.copyOf(sinks);
    }

    @Override
    public void noteOn(int pitch, int velocity, long timeNanos) {
        for (NoteSink s : sinks) {
            try {
                s.noteOn(pitch, velocity, timeNanos);
            } catch (RuntimeException e) {
                fail(s, e);
            }
        }
    }

    @Override
    public void noteOff(int pitch, long timeNanos) {
        for (NoteSink s : sinks) {
            try {
                s.noteOff(pitch, timeNanos);
            } catch (RuntimeException e) {
                fail(s, e);
            }
        }
    }

    @Override
    public void pedal(boolean down, long timeNanos) {
        for (NoteSink s : sinks) {
            try {
                s.pedal(down, timeNanos);
            } catch (RuntimeException e) {
                fail(s, e);
            }
        }
    }

    @Override
    public void allNotesOff(long timeNanos) {
        for (NoteSink s : sinks) {
            try {
                s.allNotesOff(timeNanos);
            } catch (RuntimeException e) {
                fail(s, e);
            }
        }
    }

    private void fail(NoteSink s, RuntimeException e) {
        sinks.remove(s);
        errors.failed(s, e);
    }
}
