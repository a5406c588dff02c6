package dev.pianogenie.midi.sound;

import com.sun.media.sound.EmergencySoundbank;
import com.sun.media.sound.SF2Soundbank;
import com.sun.media.sound.SoftSynthesizer;
import dev.pianogenie.files.Caches;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.sound.midi.Soundbank;

/**
 * Gervill's own sound set, kept in genie's cache folder rather than in {@code ~/.gervill}. With no soundfont installed
 * where it looks (the JDK's {@code lib/audio}, a system {@code default.sf2}), Gervill generates its set on first use
 * (about a second) and saves it as {@code ~/.gervill/soundbank-emg.sf2}: a folder in the user's home that nobody asked
 * for. Here the same set is generated (Gervill's own generator) or loaded from {@code <cache>/gervill/} and handed to
 * Gervill before any synth asks for it. Needs the package opened to us ({@code --add-opens
 * java.desktop/com.sun.media.sound}, as {@code ./genie}, the installed app and the tests give); without it Gervill
 * does as it always did.
 */
final class GervillSounds {
    static final String FILE = "gervill-sounds.sf2";
    private static final Object LOCK = new Object();
    private static boolean done;

    private GervillSounds() {}

    /** Once per process, before the first synth opens: Gervill's default set from our cache. Never throws. */
    static void install() {
        synchronized (LOCK) {
            if (done) {
                return;
            }
            done = true;
            if (gervillFindsASoundfont()) {
                return; // Gervill plays that and saves nothing
            }
            try {
                Field bank = SoftSynthesizer.class.getDeclaredField("defaultSoundBank");
                bank.setAccessible(true);
                synchronized (SoftSynthesizer.class) { // Gervill's getDefaultSoundbank() holds this lock too
                    if (bank.get(null) == null) {
                        bank.set(null, loadOrMake(Caches.dir("gervill").resolve(FILE)));
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not opened to us (started by another launcher): Gervill makes and keeps its own, as before
            }
        }
    }

    /** The set saved earlier, else Gervill's generator's, saved for next time (atomically: never half a file). */
    static Soundbank loadOrMake(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                return new SF2Soundbank(file.toFile());
            } catch (IOException | RuntimeException e) {
                // damaged: made again below
            }
        }
        SF2Soundbank made;
        try {
            made = EmergencySoundbank.createSoundbank();
        } catch (Exception e) { // its signature says Exception; then Gervill tries for itself
            throw new IllegalStateException("Gervill's generator failed: " + e, e);
        }
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), FILE, ".part");
            try {
                made.save(part.toFile());
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException | RuntimeException e) {
            // kept in memory only: generated again next time
        }
        return made;
    }

    /**
     * Where Gervill looks before it generates (JDK 17 to 25): the JDK's lib/audio, then Windows' gm.dls or a Linux
     * system's default.sf2.
     */
    static boolean gervillFindsASoundfont() {
        File[] audio = Path.of(System.getProperty("java.home"), "lib", "audio")
                .toFile()
                .listFiles(File::isFile);
        if (audio != null && audio.length > 0) {
            return true;
        }
        String os = System.getProperty("os.name", "");
        if (os.startsWith("Windows")) {
            String root = System.getenv("SystemRoot");
            return root != null && Files.isRegularFile(Path.of(root, "system32", "drivers", "gm.dls"));
        }
        if (!os.startsWith("Linux")) {
            return false; // macOS: Gervill looks nowhere else before it generates
        }
        for (String dir : List.of(
                "/usr/share/soundfonts/",
                "/usr/local/share/soundfonts/",
                "/usr/share/sounds/sf2/",
                "/usr/local/share/sounds/sf2/")) {
            if (Files.isRegularFile(Path.of(dir, "default.sf2"))) {
                return true;
            }
        }
        return false;
    }
}
