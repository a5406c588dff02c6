package dev.pianogenie.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code ./genie --version} says of a model: its quality, and steps that are not mistaken for the decoder's. */
class DefaultModelTest {
    @Test
    void theShippedModelIsDescribedByItsPerplexityAndItsLastStagesSteps() throws Exception {
        ModelConfig shipped = ModelFiles.load(Path.of("../assets/model")).config();
        assertEquals(
                "Piano Genie (MAESTRO v2, this project), validation PPL 3.2244, its last training stage 1500 steps,"
                        + " predicts velocity",
                DefaultModel.describe(shipped));
    }

    @Test
    void aModelWithoutTrainingRecordsIsDescribedByItsName() throws Exception {
        ModelConfig tutorial = ModelFiles.load(SharedData.tutorialModel()).config();
        assertEquals(tutorial.name() + ", fixed velocity", DefaultModel.describe(tutorial));
    }
}
