package dev.pianogenie.training.data;

import dev.pianogenie.files.Caches;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.midi.MidiFileException;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.midi.MidiFolder;
import dev.pianogenie.midi.Note;
import dev.pianogenie.midi.Performance;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * A folder of MIDI files (searched recursively) as note sequences per split.
 *
 * <p>Splits: if the folder holds a MAESTRO-style CSV (columns {@code split}, {@code midi_filename}) its
 * official splits are used — files it names that are absent are listed as missing, files it does not name
 * are left out; otherwise each file goes to a split by a hash of its bytes (CRC32 mod 10: 0 → test,
 * 1 → validation, else train), so the split does not depend on file names or order.
 *
 * <p>Every file is read once (in parallel) and cached in a compact binary file keyed by the folder; an
 * entry is re-read only when its size or modification time changes, so a second run starts in seconds.
 * Corrupt files are listed with their reason and skipped, never fatal.
 */
public final class Dataset {
    private static final int CACHE_VERSION = 2; // 2: with each note's velocity
    private static final byte[] CACHE_MAGIC = "PGDATA".getBytes(StandardCharsets.US_ASCII);

    /** A file that could not be used, and why. */
    public record Problem(String file, String reason) {}

    private final Path dir;
    private final Map<Split, List<NoteSequence>> splits;
    private final List<Problem> corrupt;
    private final List<String> missing;
    private final boolean officialSplits;

    private Dataset(
            Path dir,
            Map<Split, List<NoteSequence>> splits,
            List<Problem> corrupt,
            List<String> missing,
            boolean officialSplits) {
        this.dir = dir;
        this.splits = splits;
        this.corrupt = corrupt;
        this.missing = missing;
        this.officialSplits = officialSplits;
    }

    /** The default cache folder, under genie's cache ({@link Caches}). */
    public static Path defaultCacheDir() {
        return Caches.dir("datasets");
    }

    public static Dataset load(Path dir, PrintStream log) throws IOException {
        return load(dir, defaultCacheDir(), log);
    }

    public static Dataset load(Path dir, Path cacheDir, PrintStream log) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IOException("no dataset folder at " + root + ": give a folder of MIDI files");
        }
        List<Path> files;
        List<Path> csvs;
        // through symbolic links (the folder itself may be one); a subfolder that cannot be read is skipped, said
        MidiFolder.Scan scan = MidiFolder.scan(root);
        files = scan.midiFiles();
        csvs = scan.files().stream()
                .filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                .filter(MaestroCsv::looksLikeOne)
                .sorted()
                .toList();
        if (log != null && !scan.skipped().isEmpty()) {
            log.println("dataset " + root + ": " + scan.skippedLine());
        }
        Map<String, Split> official = csvs.isEmpty() ? null : MaestroCsv.read(csvs.get(0));
        Path cacheFile = cacheDir.resolve("dataset-" + digest(root.toString()) + ".bin");
        Map<String, CacheEntry> cached = readCache(cacheFile);
        Map<String, CacheEntry> fresh = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        files.parallelStream().forEach(f -> {
            String name = root.relativize(f).toString().replace('\\', '/');
            if (official != null && !official.containsKey(name)) {
                return;
            }
            try {
                long size = Files.size(f);
                long mtime = Files.getLastModifiedTime(f).toMillis();
                CacheEntry c = cached.get(name);
                if (c != null && c.size == size && c.mtime == mtime) {
                    fresh.put(name, c);
                } else {
                    fresh.put(name, readFile(f, name, size, mtime));
                }
            } catch (IOException e) {
                fresh.put(name, CacheEntry.corrupt(name, 0, 0, "cannot be read: " + InputFile.reason(e)));
            }
        });
        int reread = (int) fresh.values().stream()
                .filter(c -> !cached.containsKey(c.name) || cached.get(c.name) != c)
                .count();
        if (reread > 0) {
            writeCache(cacheFile, fresh);
        }
        Map<Split, List<NoteSequence>> splits = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            splits.put(s, new ArrayList<>());
        }
        List<Problem> corrupt = new ArrayList<>();
        for (String name : fresh.keySet().stream().sorted().toList()) {
            CacheEntry c = fresh.get(name);
            if (c.problem != null) {
                corrupt.add(new Problem(name, c.problem));
                continue;
            }
            Split split = official != null ? official.get(name) : hashSplit(c.contentHash);
            splits.get(split).add(new NoteSequence(name, split, c.pitches, c.onsets, c.velocities));
        }
        List<String> missing = new ArrayList<>();
        if (official != null) {
            for (String name : official.keySet()) {
                if (!fresh.containsKey(name)) {
                    missing.add(name);
                }
            }
        }
        Dataset d = new Dataset(root, splits, List.copyOf(corrupt), List.copyOf(missing), official != null);
        if (log != null) {
            log.printf(
                    Locale.ROOT,
                    "dataset %s: %d files (%d read, %d from the cache) in %.1f s; splits %s%n",
                    root,
                    fresh.size(),
                    reread,
                    fresh.size() - reread,
                    (System.nanoTime() - t0) / 1e9,
                    official != null ? "from " + root.relativize(csvs.get(0)) : "by file hash");
            log.print(d.summary());
        }
        return d;
    }

    static Split hashSplit(long contentHash) {
        int bucket = (int) (contentHash % 10);
        return bucket == 0 ? Split.TEST : bucket == 1 ? Split.VALIDATION : Split.TRAIN;
    }

    public Path dir() {
        return dir;
    }

    public List<NoteSequence> split(Split s) {
        return Collections.unmodifiableList(splits.get(s));
    }

    public List<Problem> corrupt() {
        return corrupt;
    }

    public List<String> missing() {
        return missing;
    }

    public boolean hasOfficialSplits() {
        return officialSplits;
    }

    /** Performances, notes and hours per split, plus what was skipped. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (Split s : Split.values()) {
            List<NoteSequence> seqs = splits.get(s);
            long notes = seqs.stream().mapToLong(NoteSequence::size).sum();
            double hours = seqs.stream().mapToDouble(NoteSequence::seconds).sum() / 3600;
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-10s %5d performances %,10d notes %7.1f hours%n",
                    s.label(),
                    seqs.size(),
                    notes,
                    hours));
        }
        if (!corrupt.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  skipped %d unreadable file(s):%n", corrupt.size()));
            for (Problem p : corrupt) {
                sb.append("    ")
                        .append(p.file())
                        .append(": ")
                        .append(p.reason())
                        .append('\n');
            }
        }
        if (!missing.isEmpty()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %d file(s) named in the CSV are not in the folder (e.g. %s)%n",
                    missing.size(),
                    missing.get(0)));
        }
        return sb.toString();
    }

    // ---- reading and caching ----

    private static final class CacheEntry {
        final String name;
        final long size;
        final long mtime;
        final long contentHash;
        final String problem;
        final byte[] pitches;
        final double[] onsets;
        final byte[] velocities;

        CacheEntry(
                String name,
                long size,
                long mtime,
                long contentHash,
                String problem,
                byte[] pitches,
                double[] onsets,
                byte[] velocities) {
            this.name = name;
            this.size = size;
            this.mtime = mtime;
            this.contentHash = contentHash;
            this.problem = problem;
            this.pitches = pitches;
            this.onsets = onsets;
            this.velocities = velocities;
        }

        static CacheEntry corrupt(String name, long size, long mtime, String problem) {
            return new CacheEntry(name, size, mtime, 0, problem, new byte[0], new double[0], new byte[0]);
        }
    }

    private static CacheEntry readFile(Path f, String name, long size, long mtime) throws IOException {
        byte[] bytes =
                InputFile.read(f, MidiFileReader.MAX_FILE_BYTES, "a MIDI performance"); // capped: /proc-like sizes lie
        CRC32 crc = new CRC32();
        crc.update(bytes);
        try {
            Performance p = MidiFileReader.parse(bytes, f, false);
            List<Note> notes = p.notes();
            byte[] pitches = new byte[notes.size()];
            double[] onsets = new double[notes.size()];
            byte[] velocities = new byte[notes.size()];
            for (int i = 0; i < pitches.length; i++) {
                pitches[i] = (byte) notes.get(i).pitch();
                onsets[i] = notes.get(i).onsetSeconds();
                velocities[i] = (byte) notes.get(i).velocity();
            }
            return new CacheEntry(name, size, mtime, crc.getValue(), null, pitches, onsets, velocities);
        } catch (MidiFileException e) {
            return new CacheEntry(
                    name,
                    size,
                    mtime,
                    crc.getValue(),
                    e.getMessage().substring(f.toString().length() + 2),
                    new byte[0],
                    new double[0],
                    new byte[0]);
        }
    }

    private static Map<String, CacheEntry> readCache(Path file) {
        Map<String, CacheEntry> map = new HashMap<>();
        if (!Files.exists(file)) {
            return map;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[CACHE_MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, CACHE_MAGIC) || in.readInt() != CACHE_VERSION) {
                return map;
            }
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long size = in.readLong();
                long mtime = in.readLong();
                long hash = in.readLong();
                boolean ok = in.readBoolean();
                if (!ok) {
                    map.put(
                            name,
                            new CacheEntry(
                                    name, size, mtime, hash, in.readUTF(), new byte[0], new double[0], new byte[0]));
                    continue;
                }
                int n = in.readInt();
                byte[] pitches = new byte[n];
                in.readFully(pitches);
                double[] onsets = new double[n];
                for (int j = 0; j < n; j++) {
                    onsets[j] = in.readDouble();
                }
                byte[] velocities = new byte[n];
                in.readFully(velocities);
                map.put(name, new CacheEntry(name, size, mtime, hash, null, pitches, onsets, velocities));
            }
        } catch (IOException | RuntimeException e) {
            map.clear(); // a damaged cache is only a cache: read the files again
        }
        return map;
    }

    private static void writeCache(Path file, Map<String, CacheEntry> entries) {
        try {
            dev.pianogenie.files.AtomicFile.write(file, stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.write(CACHE_MAGIC);
                out.writeInt(CACHE_VERSION);
                out.writeInt(entries.size());
                for (CacheEntry c : entries.values()) {
                    out.writeUTF(c.name);
                    out.writeLong(c.size);
                    out.writeLong(c.mtime);
                    out.writeLong(c.contentHash);
                    out.writeBoolean(c.problem == null);
                    if (c.problem != null) {
                        out.writeUTF(c.problem);
                        continue;
                    }
                    out.writeInt(c.pitches.length);
                    out.write(c.pitches);
                    for (double o : c.onsets) {
                        out.writeDouble(o);
                    }
                    out.write(c.velocities);
                }
                out.flush();
            });
        } catch (IOException e) {
            // without a cache the next run only reads the files again
            System.err.println("note: could not write the dataset cache " + file + ": " + e.getMessage());
        }
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
