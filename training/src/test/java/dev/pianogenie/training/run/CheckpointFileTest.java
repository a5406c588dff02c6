package dev.pianogenie.training.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.io.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {
    static Map<String, Tensor> tensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("dec.output.bias", new Tensor("dec.output.bias", new int[] {3}, new float[] {1f, -2.5f, Float.MIN_VALUE
        }));
        t.put("adam.m.x", new Tensor("adam.m.x", new int[] {2, 2}, new float[] {0.1f, 0.2f, 0.3f, 0.4f}));
        return t;
    }

    @Test
    void roundTripsExactly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.bin");
        CheckpointFile.write(f, "{\"step\": 7}", tensors());
        CheckpointFile.Contents c = CheckpointFile.read(f);
        assertEquals("{\"step\": 7}", c.headerJson());
        assertEquals(tensors().keySet(), c.tensors().keySet());
        for (String k : tensors().keySet()) {
            assertArrayEquals(tensors().get(k).data(), c.tensors().get(k).data());
            assertArrayEquals(tensors().get(k).shape(), c.tensors().get(k).shape());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesTruncatedDamagedAndForeignFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.bin");
        CheckpointFile.write(f, "{}", tensors());
        byte[] good = Files.readAllBytes(f);
        for (int cut : new int[] {0, 5, 20, good.length / 2, good.length - 1}) {
            Files.write(f, Arrays.copyOf(good, cut));
            IOException e = assertThrows(IOException.class, () -> CheckpointFile.read(f));
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        }
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        Files.write(f, flipped);
        assertTrue(assertThrows(IOException.class, () -> CheckpointFile.read(f))
                .getMessage()
                .contains("damaged"));
        Files.writeString(f, "MThd this is a MIDI file, not a checkpoint at all");
        assertTrue(assertThrows(IOException.class, () -> CheckpointFile.read(f))
                .getMessage()
                .contains("not a Piano Genie checkpoint"));
    }

    @Test
    void plotsTheCurve(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("curve.csv");
        StringBuilder sb = new StringBuilder(TrainingCurve.HEADER).append('\n');
        for (int s = 1; s <= 400; s++) {
            String val = s % 100 == 0
                    ? String.format(
                            java.util.Locale.ROOT, "%.3f,%.3f,0.5,0.01", 2.0 - s / 1000.0, Math.exp(2.0 - s / 1000.0))
                    : ",,,";
            sb.append(String.format(
                    java.util.Locale.ROOT,
                    "%d,%.3f,%.3f,0.01,0.2,1.0,3e-4,1.2,%s%n",
                    s,
                    3.0 - s / 400.0,
                    2.8 - s / 400.0,
                    val));
        }
        Files.writeString(csv, sb);
        Path png = dir.resolve("curve.png");
        CurvePlot.render(csv, png);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
        assertTrue(Files.size(png) > 10_000, "a real chart, not an empty image");
    }
}
