package dev.pianogenie.midi.sound.piano;

import com.sun.media.sound.SF2Soundbank;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The built piano kept as an SF2 file in the cache folder, named by its inputs: the hash of every sample file and
 * {@link PianoSoundbankBuilder#VERSION}. Built once; built again when a sample or the builder changes (a new name)
 * or when the file is damaged — beside it a small check file holds its length and CRC-32C, verified at each load
 * (a killed first build or a full disk leaves a cut-short file that Gervill would read and play as silence).
 */
public final class PianoCache {
    static final String PREFIX = "salamander-";
    static final String SUFFIX = ".sf2";
    static final String CHECK = ".check";
    static final String INPUTS = "inputs.properties";

    private PianoCache() {}

    /** The cached soundbank and whether it was built just now. */
    public record Entry(Path sf2, boolean built, String key) {}

    /**
     * The cached piano for {@code samples}, built first when missing or damaged.
     *
     * @param say hears one line when a damaged cache is thrown away
     * @throws PianoUnavailableException if a sample cannot be read or decoded, or the cache cannot be written
     */
    public static Entry ensure(
            PianoSamples samples, Path cacheDir, PianoSoundbankBuilder.Progress progress, Consumer<String> say)
            throws PianoUnavailableException {
        return ensure(samples, cacheDir, progress, say, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #ensure(PianoSamples, Path, PianoSoundbankBuilder.Progress, Consumer)}, decoding on {@code threads} threads. */
    public static Entry ensure(
            PianoSamples samples,
            Path cacheDir,
            PianoSoundbankBuilder.Progress progress,
            Consumer<String> say,
            int threads)
            throws PianoUnavailableException {
        String key = key(samples, cacheDir);
        Path sf2 = cacheDir.resolve(PREFIX + key + SUFFIX);
        Path check = cacheDir.resolve(PREFIX + key + SUFFIX + CHECK);
        if (Files.exists(sf2) || Files.exists(check)) {
            String damage = damage(sf2, check);
            if (damage == null) {
                return new Entry(sf2, false, key);
            }
            say.accept("the cached piano " + sf2 + " is damaged (" + damage + "): building it again");
        }
        SF2Soundbank bank = PianoSoundbankBuilder.build(samples, progress, threads);
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, PREFIX, ".part");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    bank.save(out);
                }
                Properties p = new Properties();
                p.setProperty("bytes", Long.toString(Files.size(tmp)));
                p.setProperty("crc32c", Long.toHexString(crc(tmp)));
                p.setProperty("builder", Integer.toString(PianoSoundbankBuilder.VERSION));
                Files.deleteIfExists(check); // the check is written last: a file without one is never trusted
                move(tmp, sf2);
                Path checkTmp = Files.createTempFile(cacheDir, PREFIX, ".check.part");
                try (OutputStream out = Files.newOutputStream(checkTmp)) {
                    p.store(out, "length and CRC-32C of " + sf2.getFileName());
                }
                move(checkTmp, check);
            } finally {
                Files.deleteIfExists(tmp);
            }
            removeOthers(cacheDir, sf2);
        } catch (IOException | RuntimeException e) {
            throw new PianoUnavailableException("the piano cannot be saved to " + cacheDir + ": " + e.getMessage(), e);
        }
        return new Entry(sf2, true, key);
    }

    /** Why the cached file cannot be trusted, or null if its length and CRC match its check file. */
    static String damage(Path sf2, Path check) {
        if (!Files.isRegularFile(sf2)) {
            return "the soundbank file is missing";
        }
        if (!Files.isRegularFile(check)) {
            return "it was never finished";
        }
        try {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(check)) {
                p.load(in);
            }
            long bytes = Long.parseLong(p.getProperty("bytes", "-1"));
            if (Files.size(sf2) != bytes) {
                return Files.size(sf2) + " bytes instead of " + bytes;
            }
            if (!Long.toHexString(crc(sf2)).equals(p.getProperty("crc32c"))) {
                return "its content changed";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /**
     * The name of the soundbank built from these samples by this builder: hashed from their content when they have
     * changed since last time (another size or modification time: {@value #INPUTS}), else as last time — hashing
     * 40 MB at every start would cost a third of the load.
     */
    static String key(PianoSamples samples, Path cacheDir) throws PianoUnavailableException {
        String stamp = stamp(samples);
        Path memo = cacheDir.resolve(INPUTS);
        Properties known = new Properties();
        try (InputStream in = Files.newInputStream(memo)) {
            known.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // none yet, or unreadable: hash
        }
        String key = known.getProperty(stamp);
        if (key != null && key.matches("[0-9a-f]{16}")) {
            return key;
        }
        key = key(samples);
        Properties now = new Properties();
        now.setProperty(stamp, key);
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "inputs", ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                now.store(out, "sample files (their sizes and times) -> the hash of their content");
            }
            move(tmp, memo);
        } catch (IOException e) {
            // not kept: the samples are hashed again next time
        }
        return key;
    }

    /** The sample files' names, sizes and modification times, hashed: cheap, and changes when a file does. */
    private static String stamp(PianoSamples samples) throws PianoUnavailableException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (PianoSamples.Layer layer : samples.layers()) {
                for (PianoSamples.Sample s : layer.samples()) {
                    d.update((s.file().toAbsolutePath() + " " + Files.size(s.file()) + " "
                                    + Files.getLastModifiedTime(s.file()).toMillis() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return "v" + PianoSoundbankBuilder.VERSION + "." + HexFormat.of().formatHex(d.digest(), 0, 16);
        } catch (IOException e) {
            throw new PianoUnavailableException(
                    "the piano samples in " + samples.folder() + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The content hash of the samples and the builder version. */
    static String key(PianoSamples samples) throws PianoUnavailableException {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            all.update(("builder " + PianoSoundbankBuilder.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[1 << 16];
            for (PianoSamples.Layer layer : samples.layers()) {
                for (PianoSamples.Sample s : layer.samples()) {
                    MessageDigest one = MessageDigest.getInstance("SHA-256");
                    try (InputStream in = Files.newInputStream(s.file())) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            one.update(buf, 0, n);
                        }
                    }
                    all.update((layer.number() + " " + s.key() + " "
                                    + HexFormat.of().formatHex(one.digest()) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(all.digest(), 0, 8);
        } catch (IOException e) {
            throw new PianoUnavailableException(
                    "the piano samples in " + samples.folder() + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static long crc(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        return crc.getValue();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Soundbanks built from older samples or by an older builder: each is ~250 MB of disk. */
    private static void removeOthers(Path cacheDir, Path keep) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(cacheDir, PREFIX + "*")) {
            for (Path p : old) {
                String name = p.getFileName().toString();
                boolean built = name.endsWith(SUFFIX) || name.endsWith(SUFFIX + CHECK); // not another process's .part
                if (built && !name.startsWith(keep.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // an old file left behind costs disk, not correctness
        }
    }
}
