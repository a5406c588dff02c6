package dev.pianogenie.midi;

import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a Standard MIDI File (type 0, 1 or 2; any number of tracks; tempo changes; PPQ or SMPTE time) into a
 * {@link Performance}.
 *
 * <p>Our own small parser rather than {@code javax.sound.midi}'s: every length is checked against the bytes
 * actually present (a damaged file cannot make it allocate or loop beyond the file's size), every failure
 * names the file and the byte offset, and it reads MAESTRO several times faster than building a
 * {@code Sequence} of event objects.
 *
 * <p>Rules: a note-on with velocity 0 is a note-off; a key struck again before its note-off ends the earlier
 * note there; notes still sounding at the end of their track end there; notes pair per (track, channel,
 * pitch). Sustain-pedal events are every CC64, any channel. Optionally a note's release is extended while the
 * pedal holds it ({@link #read(Path, boolean)}), as a pianist hears it.
 */
public final class MidiFileReader {
    /** A file larger than this is not a performance we can play (and not worth the memory). */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /**
     * More notes (or pedal events, or tempo changes) than this are not a performance: 11 hours at 50 notes a second;
     * MAESTRO's longest has under 30,000. A file within {@link #MAX_FILE_BYTES} can hold ten million notes in running
     * status, whose reading took more than a 512 MB heap (an OutOfMemoryError, and a training run's dataset with it).
     */
    public static final int MAX_EVENTS = 2_000_000;

    /** "MThd", its length, format, track count and division. */
    private static final int HEADER_BYTES = 14;

    private static final int META = Midi.META;
    private static final int META_END_OF_TRACK = Midi.META_END_OF_TRACK;
    private static final int META_TEMPO = Midi.META_TEMPO;
    private static final int DEFAULT_US_PER_QUARTER = 500_000;

    private MidiFileReader() {}

    /** Reads a performance; release times as written in the file. */
    public static Performance read(Path file) throws MidiFileException {
        return read(file, false);
    }

    /** Reads a performance; with {@code extendBySustain} releases last while the sustain pedal is down. */
    public static Performance read(Path file, boolean extendBySustain) throws MidiFileException {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, MAX_FILE_BYTES, "a MIDI performance");
        } catch (FileAccessException e) {
            throw new MidiFileException(file, e.reason(), e);
        }
        return parse(bytes, file, extendBySustain);
    }

    /** Parses bytes already in memory; {@code name} is used in error messages. */
    public static Performance parse(byte[] bytes, Path name, boolean extendBySustain) throws MidiFileException {
        try {
            return new Parser(bytes, name).parse(extendBySustain);
        } catch (Malformed e) {
            throw new MidiFileException(name, e.getMessage());
        }
    }

    /** Internal: a problem at an offset, turned into a {@link MidiFileException} naming the file. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Raw events of one track, ticks absolute; notes by index into parallel arrays. */
    private static final class Parser {
        private final byte[] b;
        private final Path name;
        private int pos;

        // tempo map from all tracks
        private long[] tempoTicks = new long[4];
        private int[] tempoValues = new int[4];
        private int tempoCount;

        // notes of all tracks: pitch, velocity, on tick, off tick
        private int[] notePitch = new int[1024];
        private int[] noteVelocity = new int[1024];
        private long[] noteOn = new long[1024];
        private long[] noteOff = new long[1024];
        private int noteCount;

        private long[] pedalTicks = new long[256];
        private int[] pedalValues = new int[256];
        private int pedalCount;

        private long lastTick;

        Parser(byte[] bytes, Path name) {
            this.b = bytes;
            this.name = name;
        }

        /** The first bytes are the start of "MThd": a MIDI file cut short, not some other file. */
        private boolean startsLikeAHeader() {
            for (int i = 0; i < Math.min(4, b.length); i++) {
                if (b[i] != "MThd".charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        Performance parse(boolean extendBySustain) throws Malformed {
            if (b.length == 0) {
                throw new Malformed("empty file, not MIDI");
            }
            if (b.length < HEADER_BYTES && startsLikeAHeader()) {
                throw new Malformed("too short for a MIDI file: " + b.length + " bytes, and its header alone takes "
                        + HEADER_BYTES + " (truncated file?)");
            }
            if (b.length < HEADER_BYTES || !chunkIs(0, "MThd")) {
                throw new Malformed("not a MIDI file (no MThd header)");
            }
            pos = 4;
            long headerLength = u32();
            if (headerLength < 6 || headerLength > b.length - 8) {
                throw new Malformed("bad header length " + headerLength);
            }
            int format = u16();
            int tracks = u16();
            int division = u16();
            pos = 8 + (int) headerLength;
            if (format > 2) {
                throw new Malformed("unknown MIDI file format " + format + " (expected 0, 1 or 2)");
            }
            if (division == 0) {
                throw new Malformed("time division is 0");
            }
            int found = 0;
            while (found < tracks && pos + 8 <= b.length) {
                int chunkStart = pos;
                boolean isTrack = chunkIs(pos, "MTrk");
                pos += 4;
                long length = u32();
                if (length > b.length - pos) {
                    throw new Malformed("chunk at byte " + chunkStart + " claims " + length + " bytes but only "
                            + (b.length - pos) + " remain (truncated file?)");
                }
                int end = pos + (int) length;
                if (isTrack) {
                    readTrack(end, found);
                    found++;
                }
                pos = end;
            }
            if (found < tracks) {
                throw new Malformed(
                        "header announces " + tracks + " tracks but the file holds " + found + " (truncated file?)");
            }
            return build(division, extendBySustain);
        }

        private boolean chunkIs(int at, String id) {
            if (at + 4 > b.length) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if (b[at + i] != id.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int u8() throws Malformed {
            if (pos >= b.length) {
                throw new Malformed("unexpected end of file at byte " + pos);
            }
            return b[pos++] & 0xFF;
        }

        private int u16() throws Malformed {
            return (u8() << 8) | u8();
        }

        private long u32() throws Malformed {
            return ((long) u16() << 16) | u16();
        }

        private int varLength(int end) throws Malformed {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                if (pos >= end) {
                    throw new Malformed("a variable-length number runs past the end of its track at byte " + pos);
                }
                int c = b[pos++] & 0xFF;
                value = (value << 7) | (c & 0x7F);
                if ((c & 0x80) == 0) {
                    return value;
                }
            }
            throw new Malformed("variable-length number longer than 4 bytes at byte " + (pos - 4));
        }

        private void readTrack(int end, int track) throws Malformed {
            long tick = 0;
            int status = 0;
            // open notes of this track: index into the note arrays, per channel × pitch, -1 = none
            int[] open = new int[Midi.CHANNELS * (Midi.MAX_DATA + 1)];
            Arrays.fill(open, -1);
            while (pos < end) {
                tick += varLength(end);
                if (pos >= end) {
                    throw new Malformed("track " + track + " ends inside an event at byte " + pos);
                }
                int first = b[pos] & 0xFF;
                if (first >= 0x80) {
                    pos++;
                    if (first < 0xF0) {
                        status = first; // running status applies to channel messages only
                    }
                } else if (status == 0) {
                    throw new Malformed("data byte without a status at byte " + pos + " in track " + track);
                } else {
                    first = status;
                }
                if (first == META) {
                    if (pos >= end) {
                        throw new Malformed("meta event cut off at byte " + pos);
                    }
                    int type = b[pos++] & 0xFF;
                    int length = varLength(end);
                    if (length > end - pos) {
                        throw new Malformed(
                                "meta event at byte " + pos + " claims " + length + " bytes past its track");
                    }
                    if (type == META_TEMPO && length >= 3) {
                        int us = ((b[pos] & 0xFF) << 16) | ((b[pos + 1] & 0xFF) << 8) | (b[pos + 2] & 0xFF);
                        if (us > 0) {
                            addTempo(tick, us);
                        }
                    }
                    pos += length;
                    if (type == META_END_OF_TRACK) {
                        break;
                    }
                } else if (first == Midi.SYSTEM_EXCLUSIVE || first == Midi.END_OF_EXCLUSIVE) {
                    int length = varLength(end);
                    if (length > end - pos) {
                        throw new Malformed("system-exclusive message at byte " + pos + " claims " + length
                                + " bytes past its track");
                    }
                    pos += length;
                } else if (first >= 0xF0) {
                    // system common / real-time bytes do not belong in a file; skip their data bytes
                    pos += first == 0xF2 ? 2 : (first == 0xF1 || first == 0xF3) ? 1 : 0;
                } else {
                    int kind = first & 0xF0;
                    int channel = first & 0x0F;
                    int d1 = dataByte(end);
                    int d2 = (kind == Midi.PROGRAM_CHANGE || kind == Midi.CHANNEL_PRESSURE) ? 0 : dataByte(end);
                    if (kind == Midi.NOTE_ON && d2 > 0) {
                        int slot = channel * 128 + d1;
                        if (open[slot] >= 0) {
                            noteOff[open[slot]] = tick; // re-struck: the earlier note ends here
                        }
                        open[slot] = addNote(d1, d2, tick);
                    } else if (kind == Midi.NOTE_OFF || kind == Midi.NOTE_ON) {
                        int slot = channel * 128 + d1;
                        if (open[slot] >= 0) {
                            noteOff[open[slot]] = tick;
                            open[slot] = -1;
                        }
                    } else if (kind == Midi.CONTROL_CHANGE && d1 == Midi.SUSTAIN_PEDAL) {
                        addPedal(tick, d2);
                    }
                }
                lastTick = Math.max(lastTick, tick);
            }
            for (int i : open) {
                if (i >= 0) {
                    noteOff[i] = tick; // unterminated: ends with its track
                }
            }
            lastTick = Math.max(lastTick, tick);
        }

        private int dataByte(int end) throws Malformed {
            if (pos >= end) {
                throw new Malformed("channel message cut off at byte " + pos);
            }
            int d = b[pos++] & 0xFF;
            if (d > 0x7F) {
                throw new Malformed("data byte " + d + " above 127 at byte " + (pos - 1));
            }
            return d;
        }

        private void counted(int count, String what) throws Malformed {
            if (count >= MAX_EVENTS) {
                throw new Malformed(String.format(
                        java.util.Locale.ROOT,
                        "more than %,d %s (at byte %d): not a performance",
                        MAX_EVENTS,
                        what,
                        pos));
            }
        }

        private void addTempo(long tick, int us) throws Malformed {
            counted(tempoCount, "tempo changes");
            if (tempoCount == tempoTicks.length) {
                tempoTicks = Arrays.copyOf(tempoTicks, tempoCount * 2);
                tempoValues = Arrays.copyOf(tempoValues, tempoCount * 2);
            }
            tempoTicks[tempoCount] = tick;
            tempoValues[tempoCount] = us;
            tempoCount++;
        }

        private int addNote(int pitch, int velocity, long tick) throws Malformed {
            counted(noteCount, "notes");
            if (noteCount == notePitch.length) {
                int n = noteCount * 2;
                notePitch = Arrays.copyOf(notePitch, n);
                noteVelocity = Arrays.copyOf(noteVelocity, n);
                noteOn = Arrays.copyOf(noteOn, n);
                noteOff = Arrays.copyOf(noteOff, n);
            }
            notePitch[noteCount] = pitch;
            noteVelocity[noteCount] = velocity;
            noteOn[noteCount] = tick;
            noteOff[noteCount] = tick;
            return noteCount++;
        }

        private void addPedal(long tick, int value) throws Malformed {
            counted(pedalCount, "sustain-pedal events");
            if (pedalCount == pedalTicks.length) {
                pedalTicks = Arrays.copyOf(pedalTicks, pedalCount * 2);
                pedalValues = Arrays.copyOf(pedalValues, pedalCount * 2);
            }
            pedalTicks[pedalCount] = tick;
            pedalValues[pedalCount] = value;
            pedalCount++;
        }

        private Performance build(int division, boolean extendBySustain) {
            TickClock clock = new TickClock(division);
            List<PedalEvent> pedal = new ArrayList<>(pedalCount);
            Integer[] pedalOrder = sortedIndices(pedalTicks, pedalCount);
            for (int i : pedalOrder) {
                pedal.add(new PedalEvent(clock.seconds(pedalTicks[i]), pedalValues[i]));
            }
            Note[] notes = new Note[noteCount];
            for (int i = 0; i < noteCount; i++) {
                double on = clock.seconds(noteOn[i]);
                double off = Math.max(on, clock.seconds(noteOff[i]));
                notes[i] = new Note(notePitch[i], noteVelocity[i], on, off);
            }
            Arrays.sort(notes, Performance.ORDER);
            List<Note> list = Arrays.asList(notes);
            if (extendBySustain) {
                list = Sustain.extend(list, pedal);
            }
            return new Performance(list, pedal, clock.seconds(lastTick));
        }

        private static Integer[] sortedIndices(long[] ticks, int count) {
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Long.compare(ticks[x], ticks[y]));
            return order;
        }

        /** Ticks → seconds through the tempo map (PPQ), or at a fixed rate (SMPTE). */
        private final class TickClock {
            private final long[] ticks;
            private final double[] secondsAt;
            private final double[] secondsPerTick;

            TickClock(int division) {
                if ((division & 0x8000) != 0) {
                    int framesPerSecond = -(byte) (division >> 8);
                    int ticksPerFrame = division & 0xFF;
                    double spt = 1.0 / (Math.max(1, framesPerSecond) * Math.max(1, ticksPerFrame));
                    ticks = new long[] {0};
                    secondsAt = new double[] {0};
                    secondsPerTick = new double[] {spt};
                    return;
                }
                Integer[] order = sortedIndices(tempoTicks, tempoCount);
                long[] t = new long[tempoCount + 1];
                double[] at = new double[tempoCount + 1];
                double[] spt = new double[tempoCount + 1];
                t[0] = 0;
                spt[0] = DEFAULT_US_PER_QUARTER / 1e6 / division;
                int n = 1;
                for (int i : order) {
                    long tick = tempoTicks[i];
                    double rate = tempoValues[i] / 1e6 / division;
                    if (tick == t[n - 1]) {
                        spt[n - 1] = rate; // a later change at the same tick wins
                        continue;
                    }
                    at[n] = at[n - 1] + (tick - t[n - 1]) * spt[n - 1];
                    t[n] = tick;
                    spt[n] = rate;
                    n++;
                }
                ticks = Arrays.copyOf(t, n);
                secondsAt = Arrays.copyOf(at, n);
                secondsPerTick = Arrays.copyOf(spt, n);
            }

            double seconds(long tick) {
                int i = Arrays.binarySearch(ticks, tick);
                if (i < 0) {
                    i = -i - 2;
                }
                return secondsAt[i] + (tick - ticks[i]) * secondsPerTick[i];
            }
        }
    }
}
