package dev.pianogenie.training.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.io.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A training run's folder and the one owner of its files: {@code checkpoint.bin} (parameters + Adam moments + state,
 * written atomically), {@code best.bin} (the parameters with the best validation score), {@code curve.csv} and its
 * plot, {@code train.log} and the lock that keeps a second run out. It knows which file a resume starts from (the
 * checkpoint, or best.bin for a warm start) and what a stopped run leaves behind.
 */
public final class RunFolder {
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String BEST = "best.bin";
    public static final String CURVE = "curve.csv";
    public static final String PLOT = "curve.png";
    public static final String LOG = "train.log";

    /** Checkpoint headers hold +∞ (no validation yet) and NaN (no validation split): allow them. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path dir;

    public RunFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path checkpoint() {
        return dir.resolve(CHECKPOINT);
    }

    public Path best() {
        return dir.resolve(BEST);
    }

    public Path curve() {
        return dir.resolve(CURVE);
    }

    public Path plot() {
        return dir.resolve(PLOT);
    }

    public Path log() {
        return dir.resolve(LOG);
    }

    @Override
    public String toString() {
        return dir.toString();
    }

    /** Holds the folder for one run (or export) for as long as the lock is open. */
    public RunLock lock() throws IOException {
        return RunLock.acquire(dir, "the run folder");
    }

    /** A new run never overwrites one: refused when the folder already holds a checkpoint. */
    public void refuseExistingRun() throws IOException {
        if (Files.exists(checkpoint())) {
            throw new IOException(dir + " already holds a training run (" + CHECKPOINT
                    + "): add --resume to continue it, or choose another folder");
        }
    }

    /**
     * The file a resume starts from: {@code checkpoint.bin}; without it (it holds the optimizer moments and is too
     * large to travel in git) {@code best.bin}, a warm start — its parameters and step, fresh Adam moments.
     */
    public Path resumeFrom() {
        return !Files.exists(checkpoint()) && Files.exists(best()) ? best() : checkpoint();
    }

    /** Whether a resume here is a warm start from best.bin (there is no checkpoint.bin). */
    public boolean resumeIsWarmStart() {
        return !resumeFrom().equals(checkpoint());
    }

    /** What {@code --resume} here would continue: the state in checkpoint.bin, or in best.bin (a warm start). */
    public TrainingState resumeState() throws IOException {
        return readState(resumeFrom());
    }

    /** The same for a run folder given by its path. */
    public static TrainingState resumeState(Path runDir) throws IOException {
        return new RunFolder(runDir).resumeState();
    }

    /** The state in a checkpoint file's header. */
    public static TrainingState readState(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("nothing to resume: no " + CHECKPOINT + " or " + BEST + " in " + file.getParent());
        }
        return readHeader(CheckpointFile.read(file).headerJson());
    }

    /** The state stored in a checkpoint's header. */
    public static TrainingState readHeader(String json) throws IOException {
        return JSON.readValue(json, TrainingState.class);
    }

    /** Writes checkpoint.bin: the state and the tensors (parameters and optimizer moments), atomically. */
    public Path writeCheckpoint(TrainingState state, Map<String, Tensor> tensors) throws IOException {
        CheckpointFile.write(checkpoint(), JSON.writeValueAsString(state), tensors);
        return checkpoint();
    }

    /** Writes best.bin: the state and the parameters of the best model so far, atomically. */
    public void writeBest(TrainingState state, Map<String, Tensor> parameters) throws IOException {
        CheckpointFile.write(best(), JSON.writeValueAsString(state), parameters);
    }

    /**
     * Removes what a run killed mid-write leaves in its folder: the temporary files of checkpoints, best parameters
     * and curve (each written to a temporary file, then renamed: {@link AtomicFile}). Returns what was removed.
     */
    public List<Path> removeStaleTempFiles() throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                // AtomicFile's leftovers (.NAME.RANDOM.part), and the NAME*.tmp of runs written by older versions
                boolean stale =
                        Stream.of(CHECKPOINT, BEST, CURVE, PLOT).anyMatch(f -> AtomicFile.isLeftOverOf(p, Path.of(f)))
                                || n.endsWith(".tmp")
                                        && (n.startsWith(CHECKPOINT) || n.startsWith(BEST) || n.startsWith("curve."));
                if (stale && Files.isRegularFile(p)) {
                    Files.delete(p);
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /**
     * Removes the half-written model folders a stopped run left beside {@code modelFolder} (a model folder is
     * written to a hidden folder beside it, {@link AtomicFile#newFolderBeside}, then renamed). Returns what was removed.
     */
    public static List<Path> removeLeftOversOf(Path modelFolder) throws IOException {
        List<Path> removed = new ArrayList<>();
        Path parent = modelFolder.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            try (Stream<Path> siblings = Files.list(parent)) {
                for (Path p : siblings.filter(p -> AtomicFile.isLeftOverOf(p, modelFolder))
                        .toList()) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /**
     * A resumed run's network is its own (the checkpoint's); its provenance is the caller's when the caller gives the
     * same network (a resume on other data records that there).
     */
    public static ModelConfig resumedModel(ModelConfig run, ModelConfig given) {
        boolean same = given != null
                && given.withProvenance(java.util.Map.of()).equals(run.withProvenance(java.util.Map.of()));
        return same ? run.withProvenance(given.provenance()) : run;
    }
}
