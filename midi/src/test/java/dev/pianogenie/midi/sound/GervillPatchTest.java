package dev.pianogenie.midi.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gervill-patch: the tests run Gervill as the app does (root pom's argLine); once its voices are under way it renders
 * a period without allocating, and it sounds exactly as the JDK's own (a child JVM without the patch renders the same
 * notes to the same bytes).
 */
class GervillPatchTest {
    private static final int PERIOD = 256;

    /**
     * The patch stands in for the JDK's class, so it must offer everything the JDK's does: the JDK's own class file
     * (read from the runtime image, which the patch does not change), defined apart, has the same constructors, methods
     * and fields. A JDK whose class changed fails here, at build time, not in Gervill at run time.
     */
    @Test
    void offersWhatTheJdksOwnClassOffers() throws Exception {
        String name = "com.sun.media.sound.ModelConnectionBlock";
        byte[] jdks;
        try (java.io.InputStream in = java.net
                .URI
                .create("jrt:/java.desktop/com/sun/media/sound/ModelConnectionBlock.class")
                .toURL()
                .openStream()) {
            jdks = in.readAllBytes();
        }
        Class<?> theirs = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(name, jdks, 0, jdks.length);
            }
        }.define();
        Class<?> ours = Class.forName(name);
        assertTrue(GervillPatch.active() && theirs != ours);
        assertEquals(members(theirs), members(ours));
    }

    private static java.util.Set<String> members(Class<?> c) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (var k : c.getDeclaredConstructors()) {
            all.add(java.lang.reflect.Modifier.toString(k.getModifiers()) + " <init>"
                    + java.util.Arrays.toString(k.getParameterTypes()));
        }
        for (var m : c.getDeclaredMethods()) {
            all.add(java.lang.reflect.Modifier.toString(m.getModifiers()) + " "
                    + m.getReturnType().getName() + " " + m.getName()
                    + java.util.Arrays.toString(m.getParameterTypes()));
        }
        for (var f : c.getDeclaredFields()) {
            all.add(java.lang.reflect.Modifier.toString(f.getModifiers()) + " "
                    + f.getType().getName() + " " + f.getName());
        }
        return all;
    }

    @Test
    void theTestsAndTheAppRunGervillPatched() {
        assertTrue(GervillPatch.active(), "the patch is not loaded: " + GervillPatch.HOW_TO);
        assertTrue(GervillPatch.describe().startsWith("patched"), GervillPatch.describe());
    }

    /**
     * The sampled piano (the test fixture's two layers) played as a performer plays it — a note every tenth period, the
     * pedal up and down — renders the periods without a note's start allocating nothing once warm. The JDK's own Gervill
     * makes 27 KB per period of it here, for ever (the JIT cannot remove the copies), 57 KB with the full piano.
     */
    @Test
    void aPeriodOfThePianoAllocatesNothing(@TempDir Path cache) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DefaultSound.configure(Path.of(getClass().getResource("/piano-fixture").toURI()), cache);
        try {
            assertTrue(DefaultSound.prepare((d, n) -> {}, line -> {}).isPresent(), DefaultSound.unavailable());
            try (BuiltInSynth.Rendering synth = BuiltInSynth.openRendering(48_000f, Optional.empty())) {
                assertEquals(DefaultSound.PIANO, synth.sound().description());
                ShortMessage m = new ShortMessage();
                byte[] pcm = new byte[PERIOD * 8];
                // rounds of 2,000 periods until two running allocate (next to) nothing: how soon the JIT compiles
                // the render loop depends on what ran before in this JVM (once 8,000 periods, once more)
                List<Double> rounds = new ArrayList<>();
                int quietRounds = 0;
                for (int round = 0; round < 20 && quietRounds < 2; round++) {
                    long quiet = 0;
                    long quietPeriods = 0;
                    for (int p = round * 2_000; p < (round + 1) * 2_000; p++) {
                        long before = threads.getCurrentThreadAllocatedBytes();
                        boolean event = p % 10 == 0;
                        if (event) {
                            int k = 40 + (p / 10) % 40;
                            m.setMessage(ShortMessage.NOTE_ON, 0, k, 30 + p % 90);
                            synth.receiver().send(m, -1);
                            m.setMessage(ShortMessage.NOTE_OFF, 0, k - 7, 0);
                            synth.receiver().send(m, -1);
                            m.setMessage(ShortMessage.CONTROL_CHANGE, 0, 64, p % 400 < 200 ? 127 : 0);
                            synth.receiver().send(m, -1);
                        }
                        render(synth, pcm);
                        if (!event) {
                            quiet += threads.getCurrentThreadAllocatedBytes() - before;
                            quietPeriods++;
                        }
                    }
                    double perPeriod = quiet / (double) quietPeriods;
                    rounds.add(perPeriod);
                    // nothing, but for a rare one-off (a recompilation: 80 bytes once in 1,800 periods)
                    quietRounds = perPeriod < 1.0 ? quietRounds + 1 : 0;
                }
                assertEquals(
                        2, quietRounds, "bytes allocated per " + PERIOD + "-frame period, rounds of 2,000: " + rounds);
            }
        } finally {
            DefaultSound.configure(null, null);
        }
    }

    @Test
    void soundsBitForBitAsTheJdksOwnGervill() throws Exception {
        // both in fresh JVMs, alike but for the patch: this one may have loaded the sampled piano in another test
        java.util.List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
        String patch = ours.stream() // as the root pom passes it: --patch-module java.desktop=…
                .filter(a -> a.startsWith("--patch-module=java.desktop="))
                .map(a -> a.substring("--patch-module=".length()))
                .findFirst()
                .orElse(ours.contains("--patch-module") ? ours.get(ours.indexOf("--patch-module") + 1) : "");
        assertTrue(patch.startsWith("java.desktop="), "this JVM's options: " + ours);
        String patched = renderInAnotherJvm("--patch-module", patch);
        String jdks = renderInAnotherJvm();
        assertFalse(patched.endsWith(" unpatched"), patched);
        assertTrue(jdks.endsWith(" unpatched"), "the JDK's own Gervill: " + jdks);
        assertEquals(jdks.split(" ")[0], patched, "the checksum of 2,000 rendered periods, 40 notes, pedalled");
    }

    private static String renderInAnotherJvm(String... options) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(java.util.List.of(options));
        command.addAll(java.util.List.of(
                "--add-opens",
                "java.desktop/com.sun.media.sound=ALL-UNNAMED",
                "-Djava.awt.headless=true",
                "-Duser.home=" + System.getProperty("user.home"),
                "-Dpianogenie.cache=" + System.getProperty("pianogenie.cache"),
                "-cp",
                System.getProperty("java.class.path"),
                Renders.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, child.exitValue(), out);
        return out;
    }

    private static void render(BuiltInSynth.Rendering synth, byte[] pcm) throws IOException {
        int got = 0;
        while (got < pcm.length) {
            int n = synth.stream().read(pcm, got, pcm.length - got);
            if (n <= 0) {
                throw new IOException("the synth's stream ended");
            }
            got += n;
        }
    }

    /** Renders 40 notes of every velocity, pedalled, over 2,000 periods; prints the checksum of the bytes. */
    static final class Renders {
        public static void main(String[] args) throws Exception {
            System.out.println(crc());
        }

        static String crc() throws MidiDeviceException, IOException, InvalidMidiDataException {
            CRC32 crc = new CRC32();
            try (BuiltInSynth.Rendering synth = BuiltInSynth.openRendering(48_000f, Optional.empty())) {
                ShortMessage m = new ShortMessage();
                byte[] pcm = new byte[PERIOD * 8];
                for (int p = 0; p < 2_000; p++) {
                    if (p % 50 == 0) {
                        int k = p / 50;
                        m.setMessage(ShortMessage.NOTE_ON, 0, 36 + k, 1 + 3 * k);
                        synth.receiver().send(m, -1);
                        m.setMessage(ShortMessage.CONTROL_CHANGE, 0, 64, k % 8 < 4 ? 127 : 0);
                        synth.receiver().send(m, -1);
                    }
                    render(synth, pcm);
                    crc.update(pcm);
                }
            }
            return Long.toHexString(crc.getValue()) + (GervillPatch.active() ? "" : " unpatched");
        }
    }
}
