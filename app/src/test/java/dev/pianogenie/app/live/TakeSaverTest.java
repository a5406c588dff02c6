package dev.pianogenie.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pianogenie.app.cli.PlayCommand;
import dev.pianogenie.app.input.ButtonEvent;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.app.perform.PerformerListener;
import dev.pianogenie.midi.MidiFileReader;
import dev.pianogenie.model.io.ModelFiles;
import dev.pianogenie.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A take's whole life through a real session and decoder: checked, autosaved, saved, or rescued when the save fails. */
class TakeSaverTest {

    private static void play(LiveSession s, int presses) throws InterruptedException {
        long t = System.nanoTime();
        for (int i = 0; i < presses; i++) {
            s.input().onEvent(ButtonEvent.press(i % 8, t + i * 200_000_000L));
            s.input().onEvent(ButtonEvent.release(i % 8, t + i * 200_000_000L + 100_000_000L));
        }
        assertTrue(s.performer().drain(10_000), "the performer played every press");
    }

    @Test
    void aTakeIsCheckedAutosavedAndSavedWhereItWasMeantToGoOrRescued(@TempDir Path dir) throws Exception {
        LiveSetup setup =
                PlayCommand.setupFrom("--model", SharedData.tutorialModel().toString(), "--output", "none");
        try (LiveSession s =
                new LiveSession(setup, ModelFiles.load(SharedData.tutorialModel()), new PerformerListener() {})) {
            var refused =
                    assertThrows(IllegalArgumentException.class, () -> TakeSaver.start(s, dir.resolve("take.wav")));
            assertTrue(refused.getMessage().startsWith("cannot record to "), refused.getMessage());
            assertFalse(s.isRecording(), "a refused target starts nothing");

            Path target = dir.resolve("take.mid");
            TakeSaver saver = TakeSaver.start(s, target);
            assertTrue(s.isRecording());
            saver.autosave(problem -> {
                throw new AssertionError(problem);
            });
            play(s, 3);
            long deadline = System.currentTimeMillis() + 4 * Autosave.EVERY_MILLIS;
            while (!Files.exists(target) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(3, MidiFileReader.read(target).notes().size(), "autosaved while the take runs");
            play(s, 2);
            TakeSaver.Result done = saver.finish();
            assertFalse(done.saved().rescued(), done.saved().toString());
            assertEquals(5, done.take().notes());
            assertEquals(5, MidiFileReader.read(target).notes().size(), "the final save holds the whole take");
            assertTrue(Files.isRegularFile(SessionFile.besideMidi(target)));

            Path folder = Files.createDirectories(dir.resolve("later-a-file"));
            Path lost = folder.resolve("take.mid");
            TakeSaver second = TakeSaver.start(s, lost);
            play(s, 2);
            Files.delete(folder);
            Files.createFile(folder); // the take's folder became a file meanwhile: the save at the end cannot go there
            TakeSaver.Result rescued = second.finish();
            assertTrue(
                    rescued.saved().rescued() && !rescued.saved().mid().equals(lost),
                    rescued.saved().toString());
            assertEquals(
                    2,
                    MidiFileReader.read(rescued.saved().mid()).notes().size(),
                    "the take is safe in the rescue folder");
        }
    }
}
