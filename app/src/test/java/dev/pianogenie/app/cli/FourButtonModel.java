package dev.pianogenie.app.cli;

import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Path;

/**
 * A real 4-button model folder for app tests: the tutorial's weights with a config of 4 buttons (the network's shapes
 * do not depend on the count; training one from scratch is the training module's ButtonCountTrainingTest).
 */
public final class FourButtonModel {
    private FourButtonModel() {}

    public static Path write(Path folder) throws Exception {
        return write(folder, 4);
    }

    /** The same with {@code n} buttons. */
    public static Path write(Path folder, int n) throws Exception {
        PianoGenieModel tutorial = ModelFiles.load(SharedData.tutorialModel());
        ModelFiles.save(folder, tutorial.config().withName(n + " buttons").withNumButtons(n), tutorial.tensors());
        return folder;
    }
}
