package dev.pianogenie.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reading a file that is not a whole MIDI file says: the true problem, at once. */
class MidiFileReaderInputTest {

    static String problem(Path file) {
        MidiFileException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> assertThrows(MidiFileException.class, () -> MidiFileReader.read(file)));
        assertEquals(file + ": ", e.getMessage().substring(0, file.toString().length() + 2), "the file is named first");
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void aHeaderCutShortIsTooShortNotMissing(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.mid");
        Files.write(cut, new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 1}); // 13 bytes
        assertEquals(
                "too short for a MIDI file: 13 bytes, and its header alone takes 14 (truncated file?)", problem(cut));
        Files.write(cut, new byte[] {'M', 'T'});
        assertEquals(
                "too short for a MIDI file: 2 bytes, and its header alone takes 14 (truncated file?)", problem(cut));
        Files.writeString(cut, "RIFF not a midi file at all");
        assertEquals("not a MIDI file (no MThd header)", problem(cut));
    }

    @Test
    void pipesDevicesAndFoldersAreRefusedAtOnce(@TempDir Path dir) throws Exception {
        assertEquals("is a folder, not a file", problem(dir));
        assertEquals("no such file", problem(dir.resolve("gone.mid")));
        Path zero = Path.of("/dev/zero"); // reports size 0 and never ends: was an OutOfMemoryError
        Assumptions.assumeTrue(Files.exists(zero));
        assertEquals("not a regular file (a character device)", problem(zero));
        Path fifo = dir.resolve("fifo.mid");
        Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertEquals("not a regular file (a named pipe (FIFO))", problem(fifo));
    }

    /** Ten million notes in 54 MB of running status: refused at the limit (was: an OutOfMemoryError in a 512 MB heap). */
    @Test
    void aFileOfMillionsOfNotesIsRefusedNotReadIntoMemory(@TempDir Path dir) throws Exception {
        int pairs = MidiFileReader.MAX_EVENTS + 1;
        java.io.ByteArrayOutputStream track = new java.io.ByteArrayOutputStream(6 * pairs + 16);
        track.writeBytes(new byte[] {0, (byte) 0x90, 60, 64});
        byte[] offOn = {1, 60, 0, 1, 60, 64}; // running status: note-off (velocity 0), note-on, a tick apart
        for (int i = 0; i < pairs; i++) {
            track.writeBytes(offOn);
        }
        track.writeBytes(new byte[] {0, (byte) 0xFF, 0x2F, 0});
        byte[] body = track.toByteArray();
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(22 + body.length);
        file.put("MThd".getBytes())
                .putInt(6)
                .putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 480)
                .put("MTrk".getBytes())
                .putInt(body.length)
                .put(body);
        Path dense = Files.write(dir.resolve("dense.mid"), file.array());
        MidiFileException e = assertThrows(MidiFileException.class, () -> MidiFileReader.read(dense));
        org.junit.jupiter.api.Assertions.assertTrue(
                e.getMessage().startsWith(dense + ": more than 2,000,000 notes (at byte "), e.getMessage());
    }
}
