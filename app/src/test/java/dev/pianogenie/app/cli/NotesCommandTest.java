package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pianogenie.testkit.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotesCommandTest {
    static final String FILE =
            "2004/MIDI-Unprocessed_SMF_02_R1_2004_01-05_ORIG_MID--AUDIO_02_R1_2004_05_Track05_wav.midi";

    @Test
    void aPipeInTheBatchIsRefusedAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo.mid");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Path good = SharedData.maestroFile(FILE);
        CommandLine cli = GenieCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20),
                () -> cli.execute("notes", good.toString(), fifo.toString(), "/dev/zero", good.toString()));
        assertEquals(1, code);
        assertTrue(err.toString().contains(fifo + ": not a regular file"), err.toString());
        assertTrue(err.toString().contains("/dev/zero: not a regular file"), err.toString());
        assertEquals(
                2,
                out.toString().lines().filter(l -> l.contains("7,894 notes")).count(),
                "the files after it were read: " + out);
    }

    @Test
    void printsOneJsonObjectPerFileAndKeepsGoingPastABadOne(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.mid");
        Files.writeString(bad, "not midi");
        CommandLine cli = GenieCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(
                "notes", "--json", bad.toString(), SharedData.maestroFile(FILE).toString());
        assertEquals(1, code, "a bad file makes the exit code non-zero");
        assertTrue(err.toString().contains("bad.mid") && err.toString().contains("not a MIDI file"), err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString().strip());
        assertEquals(7894, j.get("notes").asInt());
        assertEquals(12446, j.get("pedal_events").asInt());
        assertEquals(38, j.get("min_pitch").asInt());
        assertEquals(84, j.get("max_pitch").asInt());
        assertTrue(j.get("seconds").asDouble() > 60);
        assertTrue(j.get("file").asText().endsWith(".midi"));
    }

    @Test
    void aFileWithoutNotesHasNoPitchRangeNotAMadeUpOne(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.mid");
        dev.pianogenie.midi.MidiFileWriter.write(
                new dev.pianogenie.midi.Performance(java.util.List.of(), java.util.List.of(), 0), empty);
        GenieRun json = GenieRun.of("notes", "--json", empty.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode j = json.json();
        assertEquals(0, j.get("notes").asInt());
        assertTrue(j.get("min_pitch").isNull() && j.get("max_pitch").isNull(), "was -1: " + json.out());
        GenieRun text = GenieRun.of("notes", empty.toString());
        assertTrue(text.out().contains("0 notes") && text.out().contains("no notes"), text.out());
    }

    /**
     * Out of memory — here a million-note file in a 40 MB heap — is one line with what to do, not a stack trace
     * (picocli hands Errors on as they are).
     */
    @Test
    void runningOutOfMemoryIsOneLine(@TempDir Path dir) throws Exception {
        int pairs = 1_000_000;
        java.io.ByteArrayOutputStream track = new java.io.ByteArrayOutputStream(6 * pairs + 16);
        track.writeBytes(new byte[] {0, (byte) 0x90, 60, 64});
        for (int i = 0; i < pairs; i++) {
            track.writeBytes(new byte[] {1, 60, 0, 1, 60, 64}); // running status: off, on
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
        Process p = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx40m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GenieCli.class.getName(),
                        "notes",
                        dense.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        org.junit.jupiter.api.Assertions.assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("out.txt"));
        assertEquals(1, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(
                out.startsWith("genie notes: out of memory (Java heap space): more for Java with GENIE_JAVA_OPTS=-Xmx"),
                out);
    }
}
