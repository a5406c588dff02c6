package dev.pianogenie.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurveTest {
    @Test
    void aCurveWrittenBeforeTheGoldColumnGetsItOnResume(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("curve.csv");
        Files.writeString(csv, """
                step,loss,reconstruction,margin,contour,grad_norm,lr,steps_per_s,val_ce,val_ppl,val_accuracy,val_cvr
                1,3.1,1.3,1.7,0.09,1.0,1e-06,1.1,,,,
                2,3.0,1.2,1.7,0.09,1.0,2e-06,1.4,1.29,3.64,0.54,0.0015
                3,2.9,1.1,1.7,0.09,1.0,3e-06,1.4,,,,
                """);
        try (TrainingCurve curve = new TrainingCurve(csv, 2)) {
            curve.append(3, new StepLosses(2.8, 1.1, 1.6, 0.1, 0.9), 3e-6, 1.5, null);
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(TrainingCurve.HEADER, lines.get(0));
        assertEquals(4, lines.size(), "step 3 once: the resumed run's: " + lines);
        int columns = TrainingCurve.HEADER.split(",").length;
        for (String line : lines) {
            assertEquals(columns, line.split(",", -1).length, line);
        }
        // the gold column and the velocity columns (velocity, val_velocity_ce, val_velocity_mae) come empty
        assertEquals("2,3.0,1.2,1.7,0.09,1.0,2e-06,1.4,1.29,3.64,0.54,0.0015,,,,", lines.get(2));
    }
}
