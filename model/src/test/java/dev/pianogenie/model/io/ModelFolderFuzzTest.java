package dev.pianogenie.model.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pianogenie.testkit.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of damaged copies of real model folders — the two public TF.js checkpoints and the shipped model —
 * with manifests, shapes, names, weights, shards and configs mutated: each either loads or is refused with a
 * {@link ModelFormatException} naming a file of the folder; never another exception, a hang or an
 * OutOfMemoryError. Seeded: a failure names its case and replays.
 */
class ModelFolderFuzzTest {
    static final int CASES = 120;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A model folder in memory: file name → bytes. */
    record Folder(String source, Map<String, byte[]> files) {
        Folder copy() {
            Map<String, byte[]> f = new LinkedHashMap<>();
            files.forEach((k, v) -> f.put(k, v.clone()));
            return new Folder(source, f);
        }
    }

    static Folder load(Path dir, String... names) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String n : names) {
            files.put(n, Files.readAllBytes(dir.resolve(n)));
        }
        return new Folder(dir.getFileName().toString(), files);
    }

    @Test
    void damagedModelFoldersLoadOrAreRefusedNamingTheirFile(@TempDir Path tmp) throws Exception {
        Folder[] originals = {
            load(SharedData.tutorialModel(), "weights_manifest.json", "group1-shard1of1.bin"),
            load(SharedData.paperModel(), "weights_manifest.json", "group1-shard1of1"),
            load(ModelFilesTest.SHIPPED, ModelFiles.CONFIG, WeightsManifest.FILE, ModelFiles.SHARD),
        };
        Random random = new Random(20261202);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            for (int c = 0; c < CASES; c++) {
                Folder f = originals[c % originals.length].copy();
                String what = mutate(f, random);
                Path dir = Files.createDirectories(tmp.resolve("case-" + c));
                for (var e : f.files().entrySet()) {
                    Files.write(dir.resolve(e.getKey()), e.getValue());
                }
                try {
                    ModelFiles.load(dir);
                    outcomes[0]++;
                } catch (ModelFormatException e) {
                    assertTrue(
                            e.getMessage().startsWith(dir.toString()),
                            "case " + c + " (" + f.source() + ": " + what + ") names a file of the folder: "
                                    + e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    fail("case " + c + " (" + f.source() + ": " + what + "): " + t, t);
                }
                deleteTree(dir);
            }
        });
        System.out.println("model folder fuzz: " + CASES + " damaged folders, " + outcomes[0] + " loaded, "
                + outcomes[1] + " refused");
        assertTrue(outcomes[1] > CASES / 2 && outcomes[0] > 0, "loaded " + outcomes[0] + ", refused " + outcomes[1]);
    }

    /** One random damage; returns what was done. */
    static String mutate(Folder f, Random r) throws IOException {
        String manifestName = WeightsManifest.FILE;
        String shardName = f.files().keySet().stream()
                .filter(n -> !n.endsWith(".json"))
                .findFirst()
                .orElseThrow();
        int kind = r.nextInt(f.files().containsKey(ModelFiles.CONFIG) ? 12 : 10);
        switch (kind) {
            case 0, 1 -> { // a shape dimension
                ArrayNode root = (ArrayNode) JSON.readTree(f.files().get(manifestName));
                ObjectNode w = pickWeight(root, r);
                ArrayNode shape = (ArrayNode) w.get("shape");
                Object[] values = {0, 1, -1, 2, 3, 65536, Integer.MAX_VALUE, 4294967296L, 1e300, "x", 1.5, null};
                Object v = values[r.nextInt(values.length)];
                int i = shape.isEmpty() ? 0 : r.nextInt(shape.size());
                if (r.nextInt(4) == 0) {
                    shape.add(65536); // an extra dimension
                } else if (shape.isEmpty()) {
                    shape.add(1);
                } else {
                    shape.set(i, JSON.valueToTree(v));
                }
                f.files().put(manifestName, JSON.writeValueAsBytes(root));
                return "shape of " + w.get("name") + " → " + shape;
            }
            case 2 -> { // a name
                ArrayNode root = (ArrayNode) JSON.readTree(f.files().get(manifestName));
                ObjectNode w = pickWeight(root, r);
                String[] names = {
                    "enc.mystery",
                    "dec.input.weight",
                    "dec.lstm.weight_ih_l7",
                    "foo",
                    "",
                    "enc.input.weight",
                    TensorNames.TF_INPUT_KERNEL,
                    "dec.output.bias"
                };
                String was = w.get("name").asText();
                w.put("name", names[r.nextInt(names.length)]);
                f.files().put(manifestName, JSON.writeValueAsBytes(root));
                return "renamed " + was + " → " + w.get("name");
            }
            case 3 -> { // an entry removed, duplicated or retyped
                ArrayNode root = (ArrayNode) JSON.readTree(f.files().get(manifestName));
                ArrayNode weights = (ArrayNode) root.get(0).get("weights");
                int i = r.nextInt(weights.size());
                String how =
                        switch (r.nextInt(3)) {
                            case 0 -> {
                                weights.remove(i);
                                yield "removed";
                            }
                            case 1 -> {
                                weights.add(weights.get(i).deepCopy());
                                yield "duplicated";
                            }
                            default -> {
                                ((ObjectNode) weights.get(i)).put("dtype", "float16");
                                yield "float16";
                            }
                        };
                f.files().put(manifestName, JSON.writeValueAsBytes(root));
                return how + " entry " + i;
            }
            case 4 -> { // the manifest cut short
                byte[] m = f.files().get(manifestName);
                f.files().put(manifestName, Arrays.copyOf(m, r.nextInt(m.length)));
                return "manifest cut";
            }
            case 5 -> { // the shard cut short or grown
                byte[] s = f.files().get(shardName);
                int length = r.nextBoolean() ? r.nextInt(s.length) : s.length + 1 + r.nextInt(64);
                f.files().put(shardName, Arrays.copyOf(s, length));
                return "shard length " + length;
            }
            case 6, 7 -> { // weights: huge, NaN, or a whole stretch of zeros
                byte[] s = f.files().get(shardName);
                ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
                int at = 4 * r.nextInt(s.length / 4);
                float[] bad = {3e38f, -1e6f, Float.NaN, Float.POSITIVE_INFINITY, 1e-40f};
                if (r.nextBoolean()) {
                    b.putFloat(at, bad[r.nextInt(bad.length)]);
                    return "weight at byte " + at + " = " + b.getFloat(at);
                }
                Arrays.fill(s, at, Math.min(s.length, at + 4 * (1 + r.nextInt(200_000))), (byte) 0);
                return "zeros from byte " + at;
            }
            case 8 -> { // random bytes flipped anywhere
                String name = r.nextBoolean() ? manifestName : shardName;
                byte[] b = f.files().get(name);
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return "bits flipped in " + name;
            }
            case 9 -> { // a file missing, or the shard path changed
                if (r.nextBoolean()) {
                    String gone = r.nextBoolean() ? shardName : manifestName;
                    f.files().remove(gone);
                    return gone + " missing";
                }
                ArrayNode root = (ArrayNode) JSON.readTree(f.files().get(manifestName));
                String[] paths = {"../escape.bin", "", "nowhere.bin", "/etc/passwd", manifestName};
                String p = paths[r.nextInt(paths.length)];
                ((ArrayNode) root.get(0).get("paths")).set(0, JSON.valueToTree(p));
                f.files().put(manifestName, JSON.writeValueAsBytes(root));
                return "shard path " + p;
            }
            default -> { // our config
                ObjectNode root = (ObjectNode) JSON.readTree(f.files().get(ModelFiles.CONFIG));
                ObjectNode config = (ObjectNode) root.get("config");
                String[] fields = {"rnnDim", "rnnLayers", "encoding", "hasEncoder", "cell", "version", "config"};
                String field = fields[r.nextInt(fields.length)];
                Object[] values = {0, 1, 3, 64, 5000, -1, "TUTORIAL", "SMASH", false, null, 1e300};
                JsonNode v = JSON.valueToTree(values[r.nextInt(values.length)]);
                if (field.equals("version")) {
                    root.set(field, v);
                } else if (field.equals("config")) {
                    root.remove("config");
                } else {
                    config.set(field, v);
                }
                f.files().put(ModelFiles.CONFIG, JSON.writeValueAsBytes(root));
                return "config " + field + " = " + v;
            }
        }
    }

    static ObjectNode pickWeight(ArrayNode root, Random r) {
        ArrayNode weights = (ArrayNode) root.get(0).get("weights");
        return (ObjectNode) weights.get(r.nextInt(weights.size()));
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
