package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.midi.MidiFileWriter;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run render(String... args) {
        CommandLine cli = GenieCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aTakeBecomesAWavThatSoundsWhereItsNotesAre(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        // silence, then two notes: the WAV must be silent before 0.5 s and loud during the notes
        MidiFileWriter.write(new Performance(List.of(new Note(60, 90, 0.5, 1.0), new Note(67, 90, 1.0, 1.5)), List.of(), 1.5), take);
        Run r = render("render", take.toString());
        assertEquals(0, r.code(), r.err());
        Path wav = dir.resolve("take.wav");
        assertTrue(r.out().contains("2 notes") && r.out().contains(wav.toString()), r.out());
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            float rate = in.getFormat().getFrameRate();
            byte[] pcm = in.readAllBytes();
            int frames = pcm.length / in.getFormat().getFrameSize();
            assertEquals(1.5 + 2.0, frames / rate, 0.05, "the performance plus a 2 s tail");
            assertTrue(peak(pcm, 0, (int) (0.45 * rate)) < 0.001, "silent before the first note");
            assertTrue(peak(pcm, (int) (0.55 * rate), (int) (0.95 * rate)) > 0.05, "the first note sounds");
        }
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
    }

    @Test
    void aBadFileGetsOneClearLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.mid");
        Files.writeString(bad, "not midi");
        Run r = render("render", bad.toString(), "--out", dir.resolve("x.wav").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.mid") && r.err().contains("not a MIDI file"), r.err());
        assertFalse(Files.exists(dir.resolve("x.wav")));
        Run missingSf2 = render("render", bad.toString(), "--soundfont", dir.resolve("none.sf2").toString());
        assertEquals(1, missingSf2.code());
    }

    @Test
    void aFileThatIsNotAnSf2IsRefusedNotSilentlyReplaced(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        MidiFileWriter.write(new Performance(List.of(new Note(60, 90, 0.0, 0.2)), List.of(), 0.2), take);
        Path wav = dir.resolve("take.wav");
        // Java's synthesizer would take a WAV or even a MIDI file as a "soundbank" and play it (exit 0)
        for (Path notSf2 : new Path[] {take, dir.resolve("random.sf2")}) {
            if (!Files.exists(notSf2)) {
                Files.write(notSf2, new byte[] {'R', 'I', 'F', 'F', 1, 0, 0, 0, 'W', 'A', 'V', 'E', 0, 0});
            }
            Run r = render("render", take.toString(), "--out", wav.toString(), "--soundfont", notSf2.toString());
            assertEquals(1, r.code(), r.out());
            assertTrue(r.err().contains(notSf2 + " is not an SF2 soundfont"), r.err());
            assertFalse(Files.exists(wav));
        }
        assertTrue(render("render", take.toString(), "--soundfont", take.toString()).err().contains("it is a MIDI file"));
        assertTrue(render("render", take.toString(), "--soundfont", dir.toString()).err().contains("is a folder"));
    }

    @Test
    void aWavGetsTheUsualPermissions(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        MidiFileWriter.write(new Performance(List.of(new Note(60, 90, 0.0, 0.1)), List.of(), 0.1), take);
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives any new file
        assertEquals(0, render("render", take.toString()).code());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("take.wav")), "was 0600");
    }

    /** Peak |sample| of 16-bit little-endian stereo frames [from, to). */
    static double peak(byte[] pcm, int from, int to) {
        int max = 0;
        for (int i = from * 2; i < to * 2; i++) {
            max = Math.max(max, Math.abs((short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8))));
        }
        return max / 32768.0;
    }
}
