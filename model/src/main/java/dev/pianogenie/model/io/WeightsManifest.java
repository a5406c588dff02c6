package dev.pianogenie.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pianogenie.files.FileAccessException;
import dev.pianogenie.files.InputFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF.js weight files: {@code weights_manifest.json} (groups of shard paths and {name, shape, dtype}
 * entries) plus float32 little-endian shards, the weights of each group laid end to end across its shards.
 * Used for the public checkpoints and for our own model folders alike.
 */
public final class WeightsManifest {
    public static final String FILE = "weights_manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** All shards of a group together; far above any Piano Genie model (the shipped one: 3.9 MB). */
    private static final long MAX_SHARD_BYTES = 1L << 30;

    private static final long MAX_VALUES = MAX_SHARD_BYTES / 4;
    private static final long MAX_MANIFEST_BYTES = 16L << 20;
    /** Far beyond any trained weight: the shipped model's and both public checkpoints' largest are 6.5, 8.3, 4.1. */
    static final float MAX_PLAUSIBLE_MAGNITUDE = 1000f;

    private WeightsManifest() {}

    /** All tensors of a manifest, in manifest order; every value checked finite. */
    public static Map<String, Tensor> read(Path dir) throws ModelFormatException {
        Path manifest = dir.resolve(FILE);
        if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) { // a link going nowhere is read, and said, below
            throw new ModelFormatException(
                    manifest, "missing: a model folder needs " + FILE + " and its weight shards");
        }
        JsonNode root;
        try {
            root = JSON.readTree(InputFile.read(manifest, MAX_MANIFEST_BYTES, "a weights manifest"));
        } catch (FileAccessException e) {
            throw new ModelFormatException(manifest, e.reason(), e);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(manifest, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException(manifest, "cannot be read: " + InputFile.reason(e), e);
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new ModelFormatException(manifest, "expected a JSON array of weight groups");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (JsonNode group : root) {
            JsonNode paths = group.get("paths");
            JsonNode weights = group.get("weights");
            if (paths == null || !paths.isArray() || weights == null || !weights.isArray()) {
                throw new ModelFormatException(manifest, "a weight group needs 'paths' and 'weights' arrays");
            }
            ByteBuffer data = readShards(dir, manifest, paths);
            for (JsonNode w : weights) {
                String name = text(w, "name", manifest);
                String dtype = w.has("dtype") ? w.get("dtype").asText() : "float32";
                if (!dtype.equals("float32")) {
                    throw new ModelFormatException(
                            manifest, "tensor " + name + " has dtype " + dtype + "; only float32 is supported");
                }
                if (w.has("quantization")) {
                    throw new ModelFormatException(
                            manifest, "tensor " + name + " is quantized; only plain float32 is supported");
                }
                JsonNode shapeNode = w.get("shape");
                if (shapeNode == null || !shapeNode.isArray()) {
                    throw new ModelFormatException(manifest, "tensor " + name + " has no shape");
                }
                int[] shape = new int[shapeNode.size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    JsonNode d = shapeNode.get(i);
                    if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 0) {
                        throw new ModelFormatException(
                                manifest,
                                "tensor " + name + " has a bad shape " + shapeNode
                                        + " (dimensions are whole numbers 0.." + Integer.MAX_VALUE + ")");
                    }
                    shape[i] = d.asInt();
                    count = count > MAX_VALUES ? count : count * shape[i]; // stays below 2^62: no overflow
                }
                if (count > MAX_VALUES) {
                    throw new ModelFormatException(
                            manifest,
                            "tensor " + name + " has shape " + shapeNode
                                    + ": more values than any model's weight shard can hold (the manifest is damaged)");
                }
                if (count * 4 > data.remaining()) {
                    throw new ModelFormatException(
                            manifest,
                            "the weight shards are shorter than the manifest says: tensor " + name + " needs "
                                    + count * 4 + " bytes, " + data.remaining() + " remain (truncated file?)");
                }
                float[] values = new float[(int) count];
                data.asFloatBuffer().get(values);
                data.position(data.position() + 4 * values.length);
                for (int i = 0; i < values.length; i++) {
                    if (!Float.isFinite(values[i])) {
                        throw new ModelFormatException(
                                manifest,
                                "tensor " + name + " holds a non-finite value (" + values[i] + ") at index " + i
                                        + ": the weights are damaged");
                    }
                }
                checkPlausible(manifest, name, shape, values);
                if (tensors.put(name, new Tensor(name, shape, values)) != null) {
                    throw new ModelFormatException(manifest, "tensor " + name + " appears twice");
                }
            }
            if (data.hasRemaining()) {
                throw new ModelFormatException(
                        manifest,
                        data.remaining()
                                + " bytes of the weight shards are not described by the manifest (wrong or mixed-up files?)");
            }
        }
        return tensors;
    }

    /**
     * Refuses weights no training makes: a weight matrix of zeros only (an untrained or wiped file decodes one
     * key for every press) or a value far beyond any trained model's (those measured here stay under 10; a
     * damaged file gives 3e38) — rather than decoding silently into nonsense.
     */
    static void checkPlausible(Path manifest, String name, int[] shape, float[] values) throws ModelFormatException {
        boolean allZero = values.length > 0;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (Math.abs(v) > MAX_PLAUSIBLE_MAGNITUDE) {
                throw new ModelFormatException(
                        manifest,
                        "tensor " + name + " holds " + v + " at index " + i + ", far beyond any trained model (|w| ≤ "
                                + (int) MAX_PLAUSIBLE_MAGNITUDE + "): the weights are damaged");
            }
            allZero &= v == 0f;
        }
        if (allZero && shape.length >= 2) {
            throw new ModelFormatException(
                    manifest,
                    "tensor " + name + " " + Arrays.toString(shape) + " is all zeros:"
                            + " these are not trained weights (damaged, or saved before training)");
        }
    }

    private static ByteBuffer readShards(Path dir, Path manifest, JsonNode paths) throws ModelFormatException {
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        for (JsonNode p : paths) {
            String relative = p.asText();
            Path shard = dir.resolve(relative).normalize();
            if (!shard.startsWith(dir.normalize()) || relative.isEmpty()) {
                throw new ModelFormatException(
                        manifest, "shard path '" + relative + "' points outside the model folder");
            }
            if (!Files.exists(
                    shard, LinkOption.NOFOLLOW_LINKS)) { // a link in a loop is not "missing": read, and said, below
                throw new ModelFormatException(shard, "missing weight shard named in " + FILE);
            }
            try {
                byte[] bytes = InputFile.read(shard, MAX_SHARD_BYTES - total, "the weights of a Piano Genie model");
                parts.add(bytes);
                total += bytes.length;
            } catch (FileAccessException e) {
                throw new ModelFormatException(shard, e.reason(), e);
            }
        }
        ByteBuffer all = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] b : parts) {
            all.put(b);
        }
        all.flip();
        return all;
    }

    private static String text(JsonNode node, String field, Path manifest) throws ModelFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new ModelFormatException(manifest, "a weight entry has no '" + field + "'");
        }
        return v.asText();
    }

    /** Writes one group: the manifest and one shard, into {@code dir} (not atomically: see ModelFiles). */
    public static void write(Path dir, String shardName, Iterable<Tensor> tensors) throws IOException {
        ArrayNode root = JSON.createArrayNode();
        ObjectNode group = root.addObject();
        group.putArray("paths").add(shardName);
        ArrayNode weights = group.putArray("weights");
        long bytes = 0;
        for (Tensor t : tensors) {
            ObjectNode w = weights.addObject();
            w.put("name", t.name());
            ArrayNode shape = w.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            w.put("dtype", "float32");
            bytes += 4L * t.data().length;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : tensors) {
            buf.asFloatBuffer().put(t.data());
            buf.position(buf.position() + 4 * t.data().length);
        }
        Files.write(dir.resolve(shardName), buf.array());
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), root);
    }
}
