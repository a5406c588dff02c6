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
            PianoGenieModel again = ModelFiles.load(saved);
            assertEquals(original.config().encoding(), again.config().encoding());
            assertEquals(CellConvention.TORCH_IFGO, again.config().cell(), "saved in the canonical layout");
            assertEquals(original.tensors().keySet(), again.tensors().keySet());
            for (String name : original.tensors().keySet()) {
                assertArrayEquals(original.tensors().get(name).data(), again.tensors().get(name).data(), 0f, name);
            }
            ModelFiles.save(saved, again); // replacing an existing model folder
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(0, files.filter(p -> p.getFileName().toString().contains(".tmp")).count(), "no temporary folder left");
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
}
