package dev.pianogenie.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @Test
    void importsBothPublicCheckpointsWithTheirConventions() throws Exception {
        PianoGenieModel paper = ModelFiles.load(SharedData.paperModel());
        assertEquals(FeatureEncoding.PAPER, paper.config().encoding());
        assertEquals(CellConvention.TF_IJFO_FORGET_BIAS_1, paper.config().cell());
        assertEquals(128, paper.config().rnnDim());
        assertEquals(2, paper.config().rnnLayers());
        PianoGenieModel tutorial = ModelFiles.load(SharedData.tutorialModel());
        assertEquals(FeatureEncoding.TUTORIAL, tutorial.config().encoding());
        assertEquals(CellConvention.TORCH_IFGO, tutorial.config().cell());
    }

    @Test
    void ourFormatRoundTripsBitForBit(@TempDir Path dir) throws Exception {
        for (Path source : new Path[] {SharedData.paperModel(), SharedData.tutorialModel()}) {
            PianoGenieModel original = ModelFiles.load(source);
            Path saved = dir.resolve(source.getFileName());
            ModelFiles.save(saved, original);
            Path plain = Files.createDirectory(dir.resolve("plain-" + source.getFileName())); // what the umask gives
            assertEquals(
                    Files.getPosixFilePermissions(plain),
                    Files.getPosixFilePermissions(saved),
                    "the usual permissions, not 0700");
            PianoGenieModel again = ModelFiles.load(saved);
            assertEquals(original.config().encoding(), again.config().encoding());
            assertEquals(CellConvention.TORCH_IFGO, again.config().cell(), "saved in the canonical layout");
            assertEquals(original.tensors().keySet(), again.tensors().keySet());
            for (String name : original.tensors().keySet()) {
                assertArrayEquals(
                        original.tensors().get(name).data(),
                        again.tensors().get(name).data(),
                        0f,
                        name);
            }
            ModelFiles.save(saved, again); // replacing an existing model folder
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(
                        0,
                        files.filter(p -> p.getFileName().toString().startsWith("."))
                                .count(),
                        "no temporary folder left");
            }
        }
    }

    /** Copies the tutorial checkpoint to a temporary folder for damaging. */
    static Path copy(Path dir) throws IOException {
        Path target = dir.resolve("model");
        Files.createDirectories(target);
        for (String f : new String[] {"weights_manifest.json", "group1-shard1of1.bin"}) {
            Files.copy(SharedData.tutorialModel().resolve(f), target.resolve(f));
        }
        return target;
    }

    static String refusal(Path dir) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(dir));
        return e.getMessage();
    }

    @Test
    void damagedFoldersAreRefusedNamingFileAndProblem(@TempDir Path tmp) throws Exception {
        assertTrue(refusal(tmp.resolve("nowhere")).contains("no such model folder"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(refusal(empty).contains("weights_manifest.json"));

        Path truncated = copy(tmp.resolve("t"));
        Path shard = truncated.resolve("group1-shard1of1.bin");
        Files.write(shard, Arrays.copyOf(Files.readAllBytes(shard), 1000));
        String m = refusal(truncated);
        assertTrue(m.contains("shorter than the manifest") && m.contains("weights_manifest.json"), m);

        Path nan = copy(tmp.resolve("n"));
        byte[] bytes = Files.readAllBytes(nan.resolve("group1-shard1of1.bin"));
        bytes[400] = 0;
        bytes[401] = 0;
        bytes[402] = (byte) 0xC0;
        bytes[403] = (byte) 0x7F; // a float32 NaN, little-endian
        Files.write(nan.resolve("group1-shard1of1.bin"), bytes);
        assertTrue(refusal(nan).contains("non-finite"));

        Path renamed = copy(tmp.resolve("r"));
        Path manifest = renamed.resolve("weights_manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("dec.output.bias", "dec.output.offset"));
        assertTrue(refusal(renamed).contains("dec.output.offset"), "an unknown name is named");

        Path reshaped = copy(tmp.resolve("s"));
        manifest = reshaped.resolve("weights_manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("[88, 128]", "[128, 88]"));
        m = refusal(reshaped);
        assertTrue(m.contains("dec.output.weight") && m.contains("[128, 88]"), m);

        Path garbage = copy(tmp.resolve("g"));
        Files.writeString(garbage.resolve("weights_manifest.json"), "{not json");
        assertTrue(refusal(garbage).contains("not valid JSON"));
    }

    static final Path SHIPPED =
            Path.of("..", "assets", "model").toAbsolutePath().normalize();

    /** Copies the shipped model (ours, with an encoder) to a temporary folder for damaging. */
    static Path copyShipped(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : new String[] {ModelFiles.CONFIG, WeightsManifest.FILE, ModelFiles.SHARD}) {
            Files.copy(SHIPPED.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    /** Byte offset of a tensor in the tutorial checkpoint's one shard. */
    static int offsetOf(Path model, String name) throws IOException {
        int offset = 0;
        for (var w : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(model.resolve("weights_manifest.json").toFile())
                .get(0)
                .get("weights")) {
            if (w.get("name").asText().equals(name)) {
                return offset;
            }
            int n = 1;
            for (var d : w.get("shape")) {
                n *= d.asInt();
            }
            offset += 4 * n;
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void implausibleWeightsAreRefusedNotDecodedSilently(@TempDir Path tmp) throws Exception {
        Path zero = copy(tmp.resolve("zero"));
        Path shard = zero.resolve("group1-shard1of1.bin");
        Files.write(shard, new byte[(int) Files.size(shard)]);
        String m = refusal(zero);
        assertTrue(m.contains("weights_manifest.json") && m.contains("all zeros") && m.contains("dec.input.weight"), m);

        Path huge = copy(tmp.resolve("huge"));
        shard = huge.resolve("group1-shard1of1.bin");
        byte[] bytes = Files.readAllBytes(shard);
        java.nio.ByteBuffer.wrap(bytes)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(offsetOf(huge, "dec.output.bias") + 8, 3e38f);
        Files.write(shard, bytes);
        m = refusal(huge);
        assertTrue(
                m.contains("dec.output.bias") && m.contains("3.0E38") && m.contains("far beyond any trained model"), m);
    }

    @Test
    void aShapeWhoseSizeOverflowsNamesTheManifestAndTheShape(@TempDir Path tmp) throws Exception {
        for (String shape : new String[] {
            "[65536, 65536, 65536, 65536]", "[2147483647, 2147483647, 3]", "[4294967296, 1]", "[-1, 88]"
        }) {
            Path model = copy(tmp.resolve("s" + shape.hashCode()));
            Path manifest = model.resolve("weights_manifest.json");
            Files.writeString(manifest, Files.readString(manifest).replace("[88, 128]", shape));
            String m = refusal(model);
            assertTrue(m.startsWith(manifest + ": tensor dec.output.weight has"), m);
            assertTrue(m.contains(shape.replace(" ", "")), "the shape is named: " + m);
        }
    }

    @Test
    void aMissingModelJsonIsSaidAsSuch(@TempDir Path tmp) throws Exception {
        Path ours = copyShipped(tmp.resolve("ours"));
        Files.delete(ours.resolve(ModelFiles.CONFIG));
        String m = refusal(ours);
        assertTrue(m.startsWith(ours.resolve(ModelFiles.CONFIG) + ": missing"), m);
        // a tutorial checkpoint saved in our format, then its config lost: no encoder, but our shard name
        Path saved = tmp.resolve("saved");
        ModelFiles.save(saved, ModelFiles.load(SharedData.tutorialModel()));
        Files.delete(saved.resolve(ModelFiles.CONFIG));
        assertTrue(refusal(saved).contains("model.json: missing"));
        Path asFolder = copyShipped(tmp.resolve("folder"));
        Files.delete(asFolder.resolve(ModelFiles.CONFIG));
        Files.createDirectory(asFolder.resolve(ModelFiles.CONFIG));
        assertTrue(refusal(asFolder).contains("model.json: is a folder"));
    }

    @Test
    void encoderTensorsAreCheckedAtLoadAndUnknownOnesListed(@TempDir Path tmp) throws Exception {
        assertTrue(ModelFiles.load(copyShipped(tmp.resolve("ok"))).config().hasEncoder());

        Path reshaped = copyShipped(tmp.resolve("reshaped"));
        Path manifest = reshaped.resolve(WeightsManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\[ 128, 121 \\]", "[ 121, 128 ]"));
        String m = refusal(reshaped);
        assertTrue(
                m.startsWith(manifest.toString())
                        && m.contains("enc.input.weight has shape [121, 128], expected [128, 121]"),
                m);

        Path extra = copyShipped(tmp.resolve("extra"));
        manifest = extra.resolve(WeightsManifest.FILE);
        String text = Files.readString(manifest);
        int end = text.lastIndexOf(']', text.lastIndexOf(']') - 1);
        Files.writeString(
                manifest,
                text.substring(0, end) + ", {\"name\": \"enc.mystery\", \"shape\": [2], \"dtype\": \"float32\"},"
                        + " {\"name\": \"foo.bar\", \"shape\": [1], \"dtype\": \"float32\"}" + text.substring(end));
        Files.write(extra.resolve(ModelFiles.SHARD), new byte[12], java.nio.file.StandardOpenOption.APPEND);
        m = refusal(extra);
        assertTrue(m.contains("unknown tensors enc.mystery, foo.bar"), m);
    }
}
