package dev.pianogenie.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model folder whose files are not files: weights.bin a folder, a named pipe, a link in a loop; model.json a link
 * in a loop. Each is refused naming the file and what it is (a loop used to read as "missing", and a model.json
 * loop sent the folder down the TF.js import) — and a link to a good file elsewhere loads.
 */
class ModelFolderOddFilesTest {

    static Path copyOfShipped(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String f : new String[] {ModelFiles.CONFIG, WeightsManifest.FILE, ModelFiles.SHARD}) {
            Files.copy(ModelFilesTest.SHIPPED.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    static String refusal(Path dir) {
        return assertThrows(ModelFormatException.class, () -> ModelFiles.load(dir))
                .getMessage();
    }

    @Test
    void filesThatAreNotFilesAreNamedWithWhatTheyAre(@TempDir Path tmp) throws Exception {
        Path folder = copyOfShipped(tmp.resolve("a"));
        Path weights = folder.resolve(ModelFiles.SHARD);
        Files.delete(weights);
        Files.createDirectory(weights);
        assertEquals(weights + ": is a folder, not a file", refusal(folder));

        Path loop = copyOfShipped(tmp.resolve("b"));
        Files.delete(loop.resolve(ModelFiles.SHARD));
        Files.createSymbolicLink(loop.resolve(ModelFiles.SHARD), loop.resolve(ModelFiles.SHARD));
        String said = refusal(loop);
        assertTrue(
                said.startsWith(loop.resolve(ModelFiles.SHARD) + ": ") && said.contains("symbolic links"),
                "was 'missing': " + said);

        Path config = copyOfShipped(tmp.resolve("c"));
        Files.delete(config.resolve(ModelFiles.CONFIG));
        Files.createSymbolicLink(config.resolve(ModelFiles.CONFIG), config.resolve(ModelFiles.CONFIG));
        said = refusal(config);
        assertTrue(said.startsWith(config.resolve(ModelFiles.CONFIG) + ": ") && said.contains("symbolic links"), said);

        Path fifo = copyOfShipped(tmp.resolve("d"));
        Files.delete(fifo.resolve(ModelFiles.SHARD));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.resolve(ModelFiles.SHARD).toString())
                                .start()
                                .waitFor()
                        == 0);
        assertTrue(refusal(fifo).endsWith("not a regular file (a named pipe (FIFO))"), refusal(fifo));
    }

    @Test
    void aLinkToAGoodFileElsewhereLoads(@TempDir Path tmp) throws Exception {
        Path folder = copyOfShipped(tmp.resolve("linked"));
        Path elsewhere = Files.move(folder.resolve(ModelFiles.SHARD), tmp.resolve("weights-elsewhere.bin"));
        Files.createSymbolicLink(folder.resolve(ModelFiles.SHARD), elsewhere);
        assertEquals(
                ModelFiles.load(ModelFilesTest.SHIPPED).config(),
                ModelFiles.load(folder).config());
    }
}
