package dev.pianogenie.midi;

import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a {@link Performance} as a type-1 Standard MIDI File: track 0 holds the tempo (120 bpm) and the
 * time signature, track 1 the notes and sustain pedal on channel 1, at {@link #PPQ} ticks per quarter note —
 * 1,920 ticks a second, so times round to about half a millisecond. Written atomically ({@link AtomicFile}): a
 * crash or a full disk never leaves a half-written file.
 */
public final class MidiFileWriter {
    public static final int PPQ = 960;
    public static final int MICROSECONDS_PER_QUARTER = 500_000;
    static final double TICKS_PER_SECOND = PPQ * 1e6 / MICROSECONDS_PER_QUARTER;
    private static final int CHANNEL = 0;

    private MidiFileWriter() {}

    public static void write(Performance performance, Path file) throws MidiFileException {
        try {
            AtomicFile.write(file, toBytes(performance));
        } catch (FileAccessException e) {
            throw new MidiFileException(file, e.reason(), e);
        }
    }

    /** The file's bytes. */
    public static byte[] toBytes(Performance p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeHeader(out, 1, 2, PPQ);
        ByteArrayOutputStream tempo = new ByteArrayOutputStream();
        meta(tempo, 0, Midi.META_TEMPO, new byte[] {
            (byte) (MICROSECONDS_PER_QUARTER >> 16),
            (byte) (MICROSECONDS_PER_QUARTER >> 8),
            (byte) MICROSECONDS_PER_QUARTER
        });
        meta(tempo, 0, Midi.META_TIME_SIGNATURE, new byte[] {4, 2, 24, 8});
        meta(tempo, 0, Midi.META_END_OF_TRACK, new byte[0]);
        writeTrack(out, tempo.toByteArray());
        writeTrack(out, noteTrack(p));
        return out.toByteArray();
    }

    private record Event(long tick, int order, int status, int data1, int data2) {}

    private static byte[] noteTrack(Performance p) {
        List<Event> events = new ArrayList<>();
        for (Note n : p.notes()) {
            long on = ticks(n.onsetSeconds());
            long off = Math.max(on, ticks(n.releaseSeconds()));
            events.add(new Event(on, 2, Midi.NOTE_ON | CHANNEL, n.pitch(), n.velocity()));
            // a zero-length note's off must follow its own on at the same tick
            events.add(new Event(off, off == on ? 3 : 0, Midi.NOTE_OFF | CHANNEL, n.pitch(), 0));
        }
        for (PedalEvent e : p.pedalEvents()) {
            events.add(new Event(ticks(e.seconds()), 1, Midi.CONTROL_CHANGE | CHANNEL, Midi.SUSTAIN_PEDAL, e.value()));
        }
        // at one tick: note-offs, then pedal, then note-ons — a re-struck key is released before it sounds
        // again — then the offs of zero-length notes
        events.sort(Comparator.comparingLong(Event::tick).thenComparingInt(Event::order));
        ByteArrayOutputStream track = new ByteArrayOutputStream();
        meta(track, 0, Midi.META_TRACK_NAME, "Piano".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        track.write(0); // delta 0: program change to acoustic grand piano
        track.write(Midi.PROGRAM_CHANGE | CHANNEL);
        track.write(Midi.ACOUSTIC_GRAND_PIANO);
        long last = 0;
        for (Event e : events) {
            last = carryTime(track, last, e.tick);
            varLength(track, e.tick - last);
            last = e.tick;
            track.write(e.status);
            track.write(e.data1);
            track.write(e.data2);
        }
        long end = Math.max(last, ticks(p.seconds()));
        last = carryTime(track, last, end);
        meta(track, end - last, Midi.META_END_OF_TRACK, new byte[0]);
        return track.toByteArray();
    }

    /**
     * A pause longer than one delta time can say (2^28 ticks: 39 hours at our resolution, as a take left running
     * might hold) is carried by empty text events, each as long as a delta time can be.
     *
     * @return the tick reached, at most {@link Midi#MAX_DELTA_TICKS} before {@code to}
     */
    private static long carryTime(ByteArrayOutputStream track, long from, long to) {
        long at = from;
        while (to - at > Midi.MAX_DELTA_TICKS) {
            meta(track, Midi.MAX_DELTA_TICKS, Midi.META_TEXT, new byte[0]);
            at += Midi.MAX_DELTA_TICKS;
        }
        return at;
    }

    static long ticks(double seconds) {
        return Math.round(seconds * TICKS_PER_SECOND);
    }

    private static void writeHeader(ByteArrayOutputStream out, int format, int tracks, int division) {
        out.writeBytes("MThd".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int32(out, 6);
        int16(out, format);
        int16(out, tracks);
        int16(out, division);
    }

    private static void writeTrack(ByteArrayOutputStream out, byte[] body) {
        out.writeBytes("MTrk".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int32(out, body.length);
        out.writeBytes(body);
    }

    private static void meta(ByteArrayOutputStream out, long delta, int type, byte[] data) {
        varLength(out, delta);
        out.write(Midi.META);
        out.write(type);
        varLength(out, data.length);
        out.writeBytes(data);
    }

    private static void varLength(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > Midi.MAX_DELTA_TICKS) {
            throw new IllegalArgumentException("a MIDI delta time must be 0..2^28-1 ticks, was " + value);
        }
        int buffer = (int) (value & 0x7F);
        long v = value >> 7;
        while (v > 0) {
            buffer = (buffer << 8) | 0x80 | (int) (v & 0x7F);
            v >>= 7;
        }
        while (true) {
            out.write(buffer & 0xFF);
            if ((buffer & 0x80) == 0) {
                break;
            }
            buffer >>= 8;
        }
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
