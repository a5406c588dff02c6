package dev.pianogenie.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pianogenie.files.AtomicFile;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.DecoderWeights;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Model folders: ours ({@code model.json} + {@code weights_manifest.json} + {@code weights.bin}, tensors under
 * PyTorch names) and the public TF.js checkpoints, imported directly:
 * <ul>
 *   <li>the paper's ({@code phero_model/decoder/...}: TF names, 123-wide input, TF's basic LSTM cell with gates
 *       (i, j, f, o) over {@code [x, h]} and forget bias +1) — converted to the canonical layout on load;</li>
 *   <li>the music-cocreation tutorial's ({@code dec.*}: PyTorch names, 91-wide input, gates (i, f, g, o)).</li>
 * </ul>
 */
public final class ModelFiles {
    public static final String CONFIG = "model.json";
    public static final String SHARD = "weights.bin";
    public static final String FORMAT = "piano-genie-model";
    /** Version 1: pitch only. */
    public static final int VERSION = 1;
    /** Version 2: with a velocity output ({@code vel.*} tensors, {@code velocityUnits} in the config); a model without one is still written as 1. */
    public static final int VERSION_VELOCITY = 2;

    private static final long MAX_CONFIG_BYTES = 1L << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelFiles() {}

    /** Loads our folder or a TF.js checkpoint folder. */
    public static PianoGenieModel load(Path dir) throws ModelFormatException {
        if (!Files.isDirectory(dir)) {
            throw new ModelFormatException(
                    dir,
                    Files.exists(dir)
                            ? "not a folder: a model is a folder with " + CONFIG + " or " + WeightsManifest.FILE
                            : "no such model folder");
        }
        Path config = dir.resolve(CONFIG);
        if (Files.exists(config, LinkOption.NOFOLLOW_LINKS)) { // a link going nowhere is read, and said, not skipped
            return loadOurs(dir, config);
        }
        // no model.json: a TF.js checkpoint — or one of our folders that lost it
        Map<String, Tensor> raw = WeightsManifest.read(dir);
        if (raw.containsKey(TensorNames.TF_INPUT_KERNEL)) {
            return importPaper(dir, raw);
        }
        if (looksLikeOurs(dir, raw)) {
            throw new ModelFormatException(
                    config,
                    "missing: the folder holds a model of ours (" + SHARD
                            + (raw.keySet().stream().anyMatch(n -> n.startsWith(TensorNames.ENCODER_PREFIX))
                                    ? ", an encoder"
                                    : "")
                            + ") but not its config; put model.json back, or export the model again");
        }
        if (raw.containsKey(TensorNames.DEC_INPUT_WEIGHT)) {
            return importTutorial(dir, raw);
        }
        throw new ModelFormatException(
                dir.resolve(WeightsManifest.FILE),
                "not a Piano Genie model: no " + CONFIG
                        + ", and the tensors are neither the paper's (" + TensorNames.TF_INPUT_KERNEL
                        + ") nor the tutorial's ("
                        + TensorNames.DEC_INPUT_WEIGHT + "): "
                        + String.join(", ", raw.keySet().stream().limit(5).toList())
                        + (raw.size() > 5 ? ", ..." : ""));
    }

    /** Our shard name, or PyTorch-named tensors that no TF.js tutorial checkpoint has (an encoder, 123 inputs). */
    private static boolean looksLikeOurs(Path dir, Map<String, Tensor> raw) {
        Tensor in = raw.get(TensorNames.DEC_INPUT_WEIGHT);
        boolean tutorialWidth =
                in != null && in.shape().length == 2 && in.shape()[1] == FeatureEncoding.TUTORIAL.decoderWidth();
        return Files.exists(dir.resolve(SHARD))
                || (in != null
                        && !tutorialWidth
                        && in.shape().length == 2
                        && in.shape()[1] == FeatureEncoding.PAPER.decoderWidth())
                || (in != null && raw.keySet().stream().anyMatch(n -> n.startsWith(TensorNames.ENCODER_PREFIX)));
    }

    private static PianoGenieModel loadOurs(Path dir, Path configFile) throws ModelFormatException {
        ModelConfig config;
        try {
            JsonNode root = JSON.readTree(InputFile.read(configFile, MAX_CONFIG_BYTES, "a model config"));
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new ModelFormatException(
                        configFile, "not a Piano Genie model config (\"format\" is not \"" + FORMAT + "\")");
            }
            int version = root.path("version").asInt(-1);
            if (version != VERSION && version != VERSION_VELOCITY) {
                throw new ModelFormatException(
                        configFile,
                        "format version " + version + ", expected " + VERSION + " or " + VERSION_VELOCITY
                                + " (made by another version of genie?)");
            }
            config = JSON.treeToValue(root.get("config"), ModelConfig.class);
            if (config != null && version == VERSION && config.predictsVelocity()) {
                throw new ModelFormatException(
                        configFile,
                        "format version 1 has no velocity output, but the config gives" + " velocityUnits "
                                + config.velocityUnits() + " (version 2 carries it)");
            }
        } catch (ModelFormatException e) {
            throw e;
        } catch (FileAccessException e) {
            throw new ModelFormatException(configFile, e.reason(), e);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // a value the config record refuses (e.g. numButtons 1): its own one-line reason, not Jackson's report
            throw new ModelFormatException(
                    configFile,
                    e.getCause() instanceof IllegalArgumentException bad
                            ? bad.getMessage()
                            : "unreadable model config: " + e.getOriginalMessage(),
                    e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(configFile, "unreadable model config: " + e.getMessage(), e);
        }
        if (config == null) {
            throw new ModelFormatException(configFile, "no \"config\" object");
        }
        return build(dir, config, WeightsManifest.read(dir));
    }

    private static PianoGenieModel build(Path dir, ModelConfig config, Map<String, Tensor> tensors)
            throws ModelFormatException {
        try {
            java.util.Set<String> decoder = TensorNames.decoderNames(config.rnnLayers());
            Map<String, int[]> encoder =
                    TensorNames.encoderShapes(config.encoderRnnDim(), config.rnnLayers(), config.encoderInputWidth());
            java.util.Set<String> velocity =
                    config.predictsVelocity() ? TensorNames.velocityNames() : java.util.Set.of();
            java.util.List<String> unknown = tensors.keySet().stream()
                    .filter(n -> !decoder.contains(n) && !encoder.containsKey(n) && !velocity.contains(n))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown tensor" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown)
                        + " (a " + config.rnnLayers() + "-layer model has " + String.join(", ", decoder)
                        + (config.hasEncoder() ? " and the encoder's " + encoder.size() + " enc.* tensors" : "")
                        + (config.predictsVelocity() ? " and the velocity output's " + String.join(", ", velocity) : "")
                        + ")");
            }
            if (config.predictsVelocity()) {
                dev.pianogenie.model.VelocityHead head =
                        dev.pianogenie.model.VelocityHead.fromTensors(tensors, config.rnnDim());
                if (head == null) {
                    throw new IllegalArgumentException("the config says velocityUnits " + config.velocityUnits()
                            + " but the weights hold no velocity output (missing tensor "
                            + TensorNames.VEL_HIDDEN_WEIGHT + ")");
                }
                if (head.units() != config.velocityUnits()) {
                    throw new IllegalArgumentException("the velocity output has " + head.units()
                            + " units but the config says " + config.velocityUnits());
                }
            }
            DecoderWeights weights = DecoderWeights.fromTensors(tensors, config.decoderInputWidth());
            if (weights.hidden() != config.rnnDim() || weights.layers() != config.rnnLayers()) {
                throw new IllegalArgumentException("the weights are a " + weights.layers() + "-layer LSTM("
                        + weights.hidden() + ") but the config says " + config.rnnLayers() + " × " + config.rnnDim());
            }
            boolean hasEncoder = tensors.keySet().stream().anyMatch(n -> n.startsWith(TensorNames.ENCODER_PREFIX));
            if (config.hasEncoder() != hasEncoder) {
                throw new IllegalArgumentException("the config says hasEncoder=" + config.hasEncoder()
                        + " but the weights " + (hasEncoder ? "hold" : "do not hold") + " an encoder");
            }
            if (hasEncoder) {
                checkEncoder(config, tensors, encoder);
            }
            return new PianoGenieModel(config, weights, tensors, dir);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(dir.resolve(WeightsManifest.FILE), e.getMessage(), e);
        }
    }

    /** The encoder is only used by eval and fine-tuning: check it now, where the file can still be named. */
    private static void checkEncoder(ModelConfig config, Map<String, Tensor> tensors, Map<String, int[]> expected) {
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new IllegalArgumentException("missing encoder tensor " + e.getKey());
            }
            if (!t.hasShape(e.getValue())) {
                throw new IllegalArgumentException(
                        "tensor " + e.getKey() + " has shape " + t.shapeString() + ", expected "
                                + java.util.Arrays.toString(e.getValue()) + " for the encoder of a "
                                + config.rnnLayers() + "-layer LSTM("
                                + config.encoderRnnDim() + ") encoder over " + config.encoderInputWidth() + " inputs");
            }
        }
    }

    private static PianoGenieModel importTutorial(Path dir, Map<String, Tensor> raw) throws ModelFormatException {
        Tensor in = raw.get(TensorNames.DEC_INPUT_WEIGHT);
        int width = in.shape().length == 2 ? in.shape()[1] : -1;
        if (width != FeatureEncoding.TUTORIAL.decoderWidth()) {
            throw new ModelFormatException(
                    dir.resolve(WeightsManifest.FILE),
                    TensorNames.DEC_INPUT_WEIGHT + " has shape " + in.shapeString()
                            + ": a tutorial-style decoder takes " + FeatureEncoding.TUTORIAL.decoderWidth()
                            + " inputs");
        }
        int hidden = in.shape()[0];
        int layers = countLayers(raw, l -> TensorNames.decLstm("weight_ih", l));
        boolean hasEncoder = raw.keySet().stream().anyMatch(n -> n.startsWith(TensorNames.ENCODER_PREFIX));
        if (layers == 0) {
            throw new ModelFormatException(
                    dir.resolve(WeightsManifest.FILE), "missing tensor " + TensorNames.decLstm("weight_ih", 0));
        }
        checkSize(dir.resolve(WeightsManifest.FILE), hidden, layers);
        ModelConfig config = new ModelConfig(
                "Piano Genie (music-cocreation tutorial, MAESTRO v2)",
                FeatureEncoding.TUTORIAL,
                CellConvention.TORCH_IFGO,
                hidden,
                layers,
                hasEncoder,
                Map.of(
                        "source", "TF.js checkpoint " + dir.getFileName(),
                        "origin", "chrisdonahue/music-cocreation-tutorial (PyTorch re-training on MAESTRO v2)",
                        "licence", "CC BY-NC-SA 4.0"));
        return build(dir, config, raw);
    }

    /** The paper's TF checkpoint → canonical tensors: transpose dense kernels, split and reorder the cell. */
    private static PianoGenieModel importPaper(Path dir, Map<String, Tensor> raw) throws ModelFormatException {
        Path manifest = dir.resolve(WeightsManifest.FILE);
        Map<String, Tensor> known = new LinkedHashMap<>(raw);
        Tensor inK = take(known, TensorNames.TF_INPUT_KERNEL, manifest);
        Tensor inB = take(known, TensorNames.TF_INPUT_BIAS, manifest);
        Tensor outK = take(known, TensorNames.TF_OUTPUT_KERNEL, manifest);
        Tensor outB = take(known, TensorNames.TF_OUTPUT_BIAS, manifest);
        if (inK.shape().length != 2 || inK.shape()[0] != FeatureEncoding.PAPER.decoderWidth()) {
            throw new ModelFormatException(
                    manifest,
                    TensorNames.TF_INPUT_KERNEL + " has shape " + inK.shapeString() + ": the paper's decoder takes "
                            + FeatureEncoding.PAPER.decoderWidth() + " inputs");
        }
        int width = inK.shape()[0];
        int h = inK.shape()[1];
        checkSize(manifest, h, Math.max(1, countLayers(raw, TensorNames::tfCellKernel)));
        Map<String, Tensor> t = new LinkedHashMap<>();
        put(t, TensorNames.DEC_INPUT_WEIGHT, transpose(inK, manifest, width, h), h, width);
        put(t, TensorNames.DEC_INPUT_BIAS, check(inB, manifest, h).data(), h);
        int layers = countLayers(raw, TensorNames::tfCellKernel);
        if (layers == 0) {
            throw new ModelFormatException(manifest, "missing tensor " + TensorNames.tfCellKernel(0));
        }
        for (int l = 0; l < layers; l++) {
            Tensor k = check(take(known, TensorNames.tfCellKernel(l), manifest), manifest, 2 * h, 4 * h);
            Tensor b = check(take(known, TensorNames.tfCellBias(l), manifest), manifest, 4 * h);
            float[] wih = new float[4 * h * h];
            float[] whh = new float[4 * h * h];
            float[] bias = new float[4 * h];
            // TF columns (i, j, f, o) over rows [x; h]  →  PyTorch rows (i, f, g = j, o)
            for (int gate = 0; gate < 4; gate++) {
                int tfGate = CellConvention.otherGateOrder(gate);
                for (int unit = 0; unit < h; unit++) {
                    int row = gate * h + unit;
                    int col = tfGate * h + unit;
                    for (int i = 0; i < h; i++) {
                        wih[row * h + i] = k.data()[i * 4 * h + col];
                        whh[row * h + i] = k.data()[(h + i) * 4 * h + col];
                    }
                    bias[row] = b.data()[col]
                            + (gate == CellConvention.TORCH_FORGET_GATE
                                    ? 1f
                                    : 0f); // TF adds forget bias 1.0 at run time
                }
            }
            put(t, TensorNames.decLstm("weight_ih", l), wih, 4 * h, h);
            put(t, TensorNames.decLstm("weight_hh", l), whh, 4 * h, h);
            put(t, TensorNames.decLstm("bias_ih", l), bias, 4 * h);
            put(t, TensorNames.decLstm("bias_hh", l), new float[4 * h], 4 * h);
        }
        put(
                t,
                TensorNames.DEC_OUTPUT_WEIGHT,
                transpose(check(outK, manifest, h, Keys.NUM_KEYS), manifest, h, Keys.NUM_KEYS),
                Keys.NUM_KEYS,
                h);
        put(t, TensorNames.DEC_OUTPUT_BIAS, check(outB, manifest, Keys.NUM_KEYS).data(), Keys.NUM_KEYS);
        if (!known.isEmpty()) {
            throw new ModelFormatException(
                    manifest,
                    "unknown tensor" + (known.size() > 1 ? "s " : " ") + String.join(", ", known.keySet())
                            + " (not part of the paper's decoder)");
        }
        ModelConfig config = new ModelConfig(
                "Piano Genie (paper, Donahue et al. 2019)",
                FeatureEncoding.PAPER,
                CellConvention.TF_IJFO_FORGET_BIAS_1,
                h,
                layers,
                false,
                Map.of(
                        "source", "TF.js checkpoint " + dir.getFileName(),
                        "origin", "magenta/piano_genie epiano/stp_iq_auto_contour_dt_166006 (IQAE + contour + ΔT)",
                        "licence", "Apache-2.0"));
        return build(dir, config, t);
    }

    /** The sizes a model config accepts, checked where the file can be named (and before arrays are sized by them). */
    private static void checkSize(Path manifest, int hidden, int layers) throws ModelFormatException {
        if (hidden < 1 || hidden > ModelConfig.MAX_RNN_DIM || layers < 1 || layers > ModelConfig.MAX_RNN_LAYERS) {
            throw new ModelFormatException(
                    manifest,
                    "a decoder of " + layers + " LSTM layers of width " + hidden + " is no Piano Genie model (1.."
                            + ModelConfig.MAX_RNN_LAYERS + " layers of width 1.." + ModelConfig.MAX_RNN_DIM + ")");
        }
    }

    private static int countLayers(Map<String, Tensor> t, java.util.function.IntFunction<String> name) {
        int l = 0;
        while (t.containsKey(name.apply(l))) {
            l++;
        }
        return l;
    }

    private static Tensor take(Map<String, Tensor> t, String name, Path manifest) throws ModelFormatException {
        Tensor x = t.remove(name);
        if (x == null) {
            throw new ModelFormatException(manifest, "missing tensor " + name);
        }
        return x;
    }

    private static Tensor check(Tensor t, Path manifest, int... shape) throws ModelFormatException {
        if (!t.hasShape(shape)) {
            throw new ModelFormatException(
                    manifest,
                    "tensor " + t.name() + " has shape " + t.shapeString() + ", expected "
                            + java.util.Arrays.toString(shape));
        }
        return t;
    }

    private static float[] transpose(Tensor t, Path manifest, int rows, int cols) throws ModelFormatException {
        check(t, manifest, rows, cols);
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = t.data()[r * cols + c];
            }
        }
        return out;
    }

    private static void put(Map<String, Tensor> t, String name, float[] data, int... shape) {
        t.put(name, new Tensor(name, shape, data));
    }

    /**
     * Writes our format: the config with the canonical cell convention, and the tensors, into a temporary
     * folder beside {@code dir} that then replaces it, so a reader never sees a half-written model.
     */
    public static void save(Path dir, ModelConfig config, Map<String, Tensor> tensors) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path tmp = AtomicFile.newFolderBeside(target); // the usual permissions (createTempDirectory's are 0700)
        try {
            WeightsManifest.write(tmp, SHARD, tensors.values());
            ObjectNode root = JSON.createObjectNode();
            root.put("format", FORMAT);
            // a model without a velocity output stays version 1: older genies still read it
            root.put("version", config.predictsVelocity() ? VERSION_VELOCITY : VERSION);
            ModelConfig canonical = new ModelConfig(
                    config.name(),
                    config.encoding(),
                    CellConvention.TORCH_IFGO,
                    config.rnnDim(),
                    config.rnnLayers(),
                    config.hasEncoder(),
                    config.provenance(),
                    config.encoderRnnDim(),
                    config.velocityUnits(),
                    config.numButtons());
            ObjectNode configNode = JSON.valueToTree(canonical);
            if (canonical.numButtons() == Keys.DEFAULT_BUTTONS) {
                configNode.remove(
                        "numButtons"); // absent means 8: older genies (which refuse unknown fields) still read it
            }
            root.set("config", configNode);
            JSON.writeValue(tmp.resolve(CONFIG).toFile(), root);
            replace(tmp, target);
        } catch (IOException e) {
            deleteTree(tmp);
            throw new IOException(
                    "could not write the model folder " + target + " (is the disk full?): " + e.getMessage(), e);
        }
    }

    /** Saves a loaded model in our format (e.g. a TF.js checkpoint converted). */
    public static void save(Path dir, PianoGenieModel model) throws IOException {
        save(dir, model.config(), model.tensors());
    }

    private static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            // keep other files a user put there (e.g. training/): move ours aside, not the folder
            if (Files.isDirectory(target)) {
                for (String f : new String[] {CONFIG, WeightsManifest.FILE, SHARD}) {
                    Files.move(fresh.resolve(f), target.resolve(f + ".new"), StandardCopyOption.REPLACE_EXISTING);
                }
                for (String f : new String[] {SHARD, WeightsManifest.FILE, CONFIG}) {
                    Files.move(
                            target.resolve(f + ".new"),
                            target.resolve(f),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
                deleteTree(fresh);
                return;
            }
            throw new IOException(target + " exists and is not a folder");
        }
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a stray temporary folder is harmless
        }
    }
}
