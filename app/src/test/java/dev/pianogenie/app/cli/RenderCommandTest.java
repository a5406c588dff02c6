package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.midi.MidiFileWriter;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    static GenieRun render(String... args) {
        return GenieRun.of(args);
    }

    @Test
    void aTakeBecomesAWavThatSoundsWhereItsNotesAre(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        // silence, then two notes: the WAV must be silent before 0.5 s and loud during the notes
        MidiFileWriter.write(
                new Performance(List.of(new Note(60, 90, 0.5, 1.0), new Note(67, 90, 1.0, 1.5)), List.of(), 1.5), take);
        GenieRun r = render("render", take.toString());
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
        assertFalse(
                Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
    }

    /**
     * The default sound is the sampled piano, built from its samples (here the four of the midi module's test
     * fixture) into the cache; without samples, Gervill's set, said in one line with how to get the piano. Either way
     * the render says which sound it used.
     */
    @Test
    void renderUsesTheSampledPianoOrSaysInOneLineWhyNot(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        MidiFileWriter.write(new Performance(List.of(new Note(60, 90, 0.2, 0.6)), List.of(), 0.6), take);
        String before = System.getProperty(dev.pianogenie.app.live.PianoSound.SAMPLES_PROPERTY);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setProperty(
                    dev.pianogenie.app.live.PianoSound.SAMPLES_PROPERTY,
                    dir.resolve("no-samples").toString());
            GenieRun without = render("render", take.toString());
            assertEquals(0, without.code(), without.err());
            assertTrue(without.out().contains("with Gervill's built-in General MIDI sounds"), without.out());
            String line = said.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains("instead of the sampled piano") && line.contains("apt-get install npm"), line);

            Path fixture = Path.of("../midi/src/test/resources/piano-fixture")
                    .toAbsolutePath()
                    .normalize();
            System.setProperty(dev.pianogenie.app.live.PianoSound.SAMPLES_PROPERTY, fixture.toString());
            GenieRun with = render("render", take.toString());
            assertEquals(0, with.code(), with.err());
            assertTrue(with.out().contains("with sampled grand piano (Salamander V3)"), with.out());
        } finally {
            System.setErr(stderr);
            if (before == null) {
                System.clearProperty(dev.pianogenie.app.live.PianoSound.SAMPLES_PROPERTY);
            } else {
                System.setProperty(dev.pianogenie.app.live.PianoSound.SAMPLES_PROPERTY, before);
            }
            GenieCli.commandLine(); // the default sound as configured without the property
            dev.pianogenie.midi.sound.DefaultSound.configure(null, null);
        }
    }

    @Test
    void aBadFileGetsOneClearLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.mid");
        Files.writeString(bad, "not midi");
        GenieRun r =
                render("render", bad.toString(), "--out", dir.resolve("x.wav").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.mid") && r.err().contains("not a MIDI file"), r.err());
        assertFalse(Files.exists(dir.resolve("x.wav")));
        GenieRun missingSf2 = render(
                "render", bad.toString(), "--soundfont", dir.resolve("none.sf2").toString());
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
            GenieRun r = render("render", take.toString(), "--out", wav.toString(), "--soundfont", notSf2.toString());
            assertEquals(1, r.code(), r.out());
            assertTrue(r.err().contains(notSf2 + " is not an SF2 soundfont"), r.err());
            assertFalse(Files.exists(wav));
        }
        assertTrue(render("render", take.toString(), "--soundfont", take.toString())
                .err()
                .contains("it is a MIDI file"));
        // an SF2 header over garbage, its sample chunk claiming 2 GB: Gervill reads it and played silence (exit 0)
        java.nio.ByteBuffer cut = java.nio.ByteBuffer.allocate(96).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        cut.put("RIFF".getBytes())
                .putInt(0xFFFFFFF0)
                .put("sfbkLIST".getBytes())
                .putInt(0xFFFFFF00)
                .put("sdtasmpl".getBytes())
                .putInt(0x7FFFFFF0);
        Path damaged = Files.write(dir.resolve("damaged.sf2"), cut.array());
        GenieRun silent = render("render", take.toString(), "--out", wav.toString(), "--soundfont", damaged.toString());
        assertEquals(1, silent.code(), silent.out());
        assertTrue(silent.err().contains(damaged + " holds no instrument"), silent.err());
        assertFalse(Files.exists(wav));
        assertTrue(render("render", take.toString(), "--soundfont", dir.toString())
                .err()
                .contains("is a folder"));
    }

    @Test
    void aWavGetsTheUsualPermissions(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        MidiFileWriter.write(new Performance(List.of(new Note(60, 90, 0.0, 0.1)), List.of(), 0.1), take);
        Path plain = Files.createFile(dir.resolve("plain")); // what the umask gives any new file
        assertEquals(0, render("render", take.toString()).code());
        assertEquals(
                Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(dir.resolve("take.wav")),
                "was 0600");
    }

    @Test
    void theWavIsNormalisedToMinusOneDbfsUnlessAskedNotTo(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("take.mid");
        MidiFileWriter.write(
                new Performance(List.of(new Note(60, 70, 0.2, 0.8), new Note(64, 100, 0.8, 1.4)), List.of(), 1.4),
                take);
        GenieRun loud = render(
                "render", take.toString(), "--out", dir.resolve("loud.wav").toString());
        GenieRun quiet = render(
                "render",
                take.toString(),
                "--no-normalise",
                "--out",
                dir.resolve("quiet.wav").toString());
        assertEquals(0, loud.code(), loud.err());
        assertEquals(0, quiet.code(), quiet.err());
        assertTrue(loud.out().contains("normalised"), loud.out());
        byte[] a = pcm(dir.resolve("loud.wav"));
        byte[] b = pcm(dir.resolve("quiet.wav"));
        int frames = a.length / 4;
        double peakLoud = 20 * Math.log10(peak(a, 0, frames));
        double peakQuiet = 20 * Math.log10(peak(b, 0, frames));
        assertEquals(-1.0, peakLoud, 0.05, "normalised: the peak at -1 dBFS");
        assertTrue(peakQuiet < -6, "as rendered, well below full scale: " + peakQuiet);
        // one gain for the whole file: the second note's peak keeps its distance to the first's
        int split = (int) (0.8 * 44_100);
        double before = 20 * Math.log10(peak(a, 0, split) / peak(a, split, frames));
        double after = 20 * Math.log10(peak(b, 0, split) / peak(b, split, frames));
        assertEquals(after, before, 0.1, "the dynamics stay");
        assertTrue(render("render", "--help").out().contains("ON by default"));
    }

    /**
     * A take longer than a WAV file can hold (4 GB: about 6.8 hours) — or a file whose tempo and delta times make
     * it last a million hours — is refused at once, saying so (was: "integer overflow" after reading it, or the
     * heap exhausted on the way).
     */
    @Test
    void aPerformanceTooLongForAWavIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path long7h = dir.resolve("long.mid");
        MidiFileWriter.write(
                new Performance(
                        List.of(new Note(60, 90, 0, 1), new Note(62, 90, 7 * 3600, 7 * 3600 + 1)),
                        List.of(),
                        7 * 3600 + 1),
                long7h);
        // tempo 16.7 s per quarter at 1 tick per quarter, then a note held for the largest delta time a file can say
        byte[] slowest = {
            'M',
            'T',
            'h',
            'd',
            0,
            0,
            0,
            6,
            0,
            0,
            0,
            1,
            0,
            1,
            'M',
            'T',
            'r',
            'k',
            0,
            0,
            0,
            22,
            0,
            (byte) 0xFF,
            0x51,
            3,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            0,
            (byte) 0x90,
            60,
            64,
            (byte) 0xFF,
            (byte) 0xFF,
            (byte) 0xFF,
            0x7F,
            (byte) 0x80,
            60,
            0,
            0,
            (byte) 0xFF,
            0x2F,
            0
        };
        Path huge = Files.write(dir.resolve("huge.mid"), slowest);
        for (Path midi : List.of(long7h, huge)) {
            GenieRun r = render(
                    "render", midi.toString(), "--out", dir.resolve("x.wav").toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(
                    r.err().startsWith("genie render: the performance lasts ")
                            && r.err().contains("too long for a WAV file"),
                    r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(Files.exists(dir.resolve("x.wav")));
        }
    }

    /**
     * A long take renders in bounded memory: five minutes of audio (53 MB of samples) in a JVM with a 48 MB heap
     * (was: the whole WAV held in memory, and an OutOfMemoryError).
     */
    @Test
    void aLongTakeRendersInBoundedMemory(@TempDir Path dir) throws Exception {
        Path take = dir.resolve("long.mid");
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            notes.add(new Note(48 + i % 24, 80, i, i + 0.5));
        }
        MidiFileWriter.write(new Performance(notes, List.of(), 300), take);
        List<String> cmd = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--add-exports",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Xmx48m",
                "-Duser.home=" + System.getProperty("user.home"),
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                GenieCli.class.getName(),
                "render",
                take.toString()));
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "rendered");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        try (AudioInputStream in =
                AudioSystem.getAudioInputStream(dir.resolve("long.wav").toFile())) {
            assertEquals(302.0, in.getFrameLength() / in.getFormat().getFrameRate(), 0.01, "the take and the 2 s tail");
            byte[] last = new byte[4 * 44_100];
            in.skip((in.getFrameLength() - 3 * 44_100) * 4);
            in.readNBytes(last, 0, last.length);
            assertTrue(peak(last, 0, 44_100) > 0.01, "the last note sounds at the end: " + peak(last, 0, 44_100));
        }
        assertTrue(Files.readString(log).contains("normalised"), Files.readString(log));
    }

    static byte[] pcm(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.readAllBytes();
        }
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
