package dev.pianogenie.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged copies of real files — bytes flipped, cut short, lengths corrupted, garbage inserted —
 * each either parses or fails with a {@link MidiFileException} naming the file; never another exception,
 * a hang or an OutOfMemoryError.
 */
class MidiFileFuzzTest {
    static final int CASES = 4000;

    @Test
    void damagedFilesParseOrFailCleanly() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedData.maestro())) {
            files = s.filter(p -> p.toString().endsWith(".midi"))
                    .sorted()
                    .limit(40)
                    .toList();
        }
        // valid but short files, so that thousands of cases run in seconds: each MAESTRO performance's first
        // 150 notes and pedal events, written as a type-1 file; plus a few whole MAESTRO files (type 1 with
        // their own tempo maps and running status) cut at a track boundary
        byte[][] originals = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            Performance p = MidiFileReader.read(files.get(i));
            List<Note> head = p.notes().subList(0, Math.min(150, p.notes().size()));
            double end = head.stream().mapToDouble(Note::releaseSeconds).max().orElse(0);
            List<PedalEvent> pedal =
                    p.pedalEvents().stream().filter(e -> e.seconds() <= end).toList();
            originals[i] = i % 8 == 0
                    ? Files.readAllBytes(files.get(i))
                    : MidiFileWriter.toBytes(new Performance(head, pedal, end));
        }
        Random random = new Random(20261128);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int c = 0; c < CASES; c++) {
                byte[] b = mutate(originals[random.nextInt(originals.length)], random);
                Path name = Path.of("fuzz-case-" + c + ".mid");
                try {
                    Performance p = MidiFileReader.parse(b, name, c % 2 == 0);
                    assertTrue(p.seconds() >= 0);
                    outcomes[0]++;
                } catch (MidiFileException e) {
                    assertTrue(
                            e.getMessage().startsWith(name.toString()), "the error names the file: " + e.getMessage());
                    outcomes[1]++;
                } catch (RuntimeException | Error e) {
                    fail("case " + c + " threw " + e + " instead of a MidiFileException", e);
                }
            }
        });
        assertEquals(CASES, outcomes[0] + outcomes[1]);
        assertTrue(outcomes[0] > 40 && outcomes[1] > 40, "both outcomes exercised: " + Arrays.toString(outcomes));
    }

    @Test
    void emptyAndForeignFilesAreNamedForWhatTheyAre() {
        assertMessage(new byte[0], "empty");
        assertMessage("RIFF....WAVEfmt ".getBytes(), "not a MIDI file");
        byte[] absurd = {
            'M',
            'T',
            'h',
            'd',
            0,
            0,
            0,
            6,
            0,
            1,
            0,
            1,
            1,
            (byte) 0xE0,
            'M',
            'T',
            'r',
            'k',
            0x7F,
            -1,
            -1,
            -1,
            0,
            (byte) 0x90
        };
        assertMessage(absurd, "claims");
    }

    static void assertMessage(byte[] bytes, String expected) {
        try {
            MidiFileReader.parse(bytes, Path.of("x.mid"), false);
            fail("expected a MidiFileException");
        } catch (MidiFileException e) {
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }

    static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // flip random bytes
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // cut short
            case 2 -> { // corrupt a chunk length (header at 4, first track at 18)
                int at = r.nextBoolean() ? 4 : 18;
                for (int i = 0; i < 4; i++) {
                    b[at + i] = (byte) r.nextInt(256);
                }
            }
            case 3 -> { // insert garbage
                int at = r.nextInt(b.length);
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                b = out;
            }
            default -> { // huge variable-length values
                int at = 22 + r.nextInt(Math.max(1, b.length - 30));
                for (int i = 0; i < 4 && at + i < b.length; i++) {
                    b[at + i] = (byte) 0xFF;
                }
            }
        }
        return b;
    }
}
