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
        MidiFileException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(MidiFileException.class, () -> MidiFileReader.read(file)));
        assertEquals(file + ": ", e.getMessage().substring(0, file.toString().length() + 2), "the file is named first");
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void aHeaderCutShortIsTooShortNotMissing(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("cut.mid");
        Files.write(cut, new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 1}); // 13 bytes
        assertEquals("too short for a MIDI file: 13 bytes, and its header alone takes 14 (truncated file?)", problem(cut));
        Files.write(cut, new byte[] {'M', 'T'});
        assertEquals("too short for a MIDI file: 2 bytes, and its header alone takes 14 (truncated file?)", problem(cut));
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
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertEquals("not a regular file (a named pipe (FIFO))", problem(fifo));
    }
}
