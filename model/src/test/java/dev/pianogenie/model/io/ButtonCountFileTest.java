package dev.pianogenie.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's button count in model.json: absent means 8 (every shipped model), another count round-trips, a bad one is refused. */
class ButtonCountFileTest {
    @TempDir
    Path tmp;

    @Test
    void aModelWithoutTheFieldHasEightButtonsAndIsWrittenWithoutIt() throws Exception {
        PianoGenieModel paper = ModelFiles.load(SharedData.paperModel());
        assertEquals(Keys.DEFAULT_BUTTONS, paper.config().numButtons(), "a TF.js import");
        Path ours = tmp.resolve("ours");
        ModelFiles.save(ours, paper);
        String json = Files.readString(ours.resolve(ModelFiles.CONFIG));
        assertFalse(json.contains("numButtons"), "an 8-button model stays readable by older genies: " + json);
        assertEquals(Keys.DEFAULT_BUTTONS, ModelFiles.load(ours).config().numButtons());
    }

    @Test
    void aFourButtonModelRoundTrips() throws Exception {
        PianoGenieModel paper = ModelFiles.load(SharedData.paperModel());
        Path four = tmp.resolve("four");
        ModelFiles.save(four, paper.config().withNumButtons(4), paper.tensors());
        assertTrue(Files.readString(four.resolve(ModelFiles.CONFIG)).contains("\"numButtons\" : 4"));
        assertEquals(4, ModelFiles.load(four).config().numButtons());
    }

    @Test
    void aCountOutsideTwoToSixteenIsRefusedInOneLine() throws Exception {
        PianoGenieModel paper = ModelFiles.load(SharedData.paperModel());
        Path dir = tmp.resolve("bad");
        ModelFiles.save(dir, paper.config().withNumButtons(4), paper.tensors());
        Path config = dir.resolve(ModelFiles.CONFIG);
        for (String bad : new String[] {"1", "17", "-3"}) {
            Files.writeString(
                    config, Files.readString(config).replaceAll("\"numButtons\" : -?\\d+", "\"numButtons\" : " + bad));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.load(dir));
            assertEquals(config + ": numButtons must be 2..16, was " + bad, e.getMessage());
        }
    }
}
