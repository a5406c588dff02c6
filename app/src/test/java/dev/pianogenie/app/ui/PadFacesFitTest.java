package dev.pianogenie.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.app.cli.FourButtonModel;
import dev.pianogenie.app.cli.PlayCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every pad's face (its keys, next note and odds) stays inside its pad on a 1024×600 screen, however many buttons the
 * model has: 12 pads are narrow there, and their faces spilled onto the neighbours' (seen in a screenshot).
 */
@ExtendWith(ApplicationExtension.class)
class PadFacesFitTest {
    @TempDir
    static Path dir;

    Stage stage;
    AppState state;
    MainView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (state != null) {
            state.close();
        }
    }

    @Test
    void twelvePadsAt1024x600() throws Exception {
        assertFacesFit(12, 1024, 600);
    }

    @Test
    void sixteenPadsAt1024x600() throws Exception {
        assertFacesFit(16, 1024, 600);
    }

    @Test
    void eightPadsKeepTheirFullSizeFaceAt1024x600() throws Exception {
        assertFacesFit(8, 1024, 600);
        for (int b = 0; b < 8; b++) {
            assertEquals(1.0, face(b).getScaleX(), 1e-9, "8 pads fit at their natural size, as before");
        }
    }

    void assertFacesFit(int n, double w, double h) throws Exception {
        Path model = FourButtonModel.write(dir.resolve("m" + n + "-" + System.nanoTime()), n);
        var setup = PlayCommand.setupFrom("--model", model.toString(), "--output", "none");
        new FxRobot().interact(() -> {
            state = new AppState(setup, Preferences.userRoot().node("dev/pianogenie-test/" + System.nanoTime()), dir);
            view = new MainView(state);
            MainView.show(stage, view);
            stage.setWidth(w);
            stage.setHeight(h);
            state.start();
        });
        MainViewTest.waitFor(() -> state.modelReady().get() && view.pad.count() == n, n + " pads");
        MainViewTest.waitFor(() -> !view.pad.nextNote(n - 1).isEmpty(), "the look-ahead labels the pads");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> spill = new ArrayList<>();
        new FxRobot().interact(() -> {
            for (int b = 0; b < n; b++) {
                Button pad = (Button) stage.getScene().lookup("#genie-button-" + b);
                Bounds outer = pad.localToScene(pad.getBoundsInLocal());
                Bounds inner = face(b).localToScene(face(b).getBoundsInLocal());
                if (outer.getMinX() < -0.5 || outer.getMaxX() > stage.getScene().getWidth() + 0.5) {
                    spill.add("pad " + (b + 1) + " " + outer + " is not on the " + w + " px screen");
                }
                if (inner.getMinX() < outer.getMinX() - 0.5
                        || inner.getMaxX() > outer.getMaxX() + 0.5
                        || inner.getMinY() < outer.getMinY() - 0.5
                        || inner.getMaxY() > outer.getMaxY() + 0.5) {
                    spill.add("pad " + (b + 1) + ": face " + inner + " in pad " + outer);
                }
            }
        });
        assertEquals(List.of(), spill, n + " pads at " + w + "×" + h);
    }

    Node face(int b) {
        return ((Button) stage.getScene().lookup("#genie-button-" + b)).getGraphic();
    }
}
