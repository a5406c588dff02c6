package dev.pianogenie.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pianogenie.app.input.gamepad.FakePadEnvironment;
import dev.pianogenie.app.input.gamepad.GamepadSource;
import dev.pianogenie.app.input.midi.MidiKeyMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --learn}'s prompts count the buttons the controller learns: a gamepad, the model's. */
class LearnPromptTest {
    @AfterEach
    void newPad() {
        FakePadEnvironment.freshPad();
    }

    @Test
    void aGamepadLearningForAFourButtonModelIsAskedForFourButtonsThenThePedal(@TempDir Path config) throws Exception {
        System.setProperty("pianogenie.config", config.toString());
        try (GamepadSource pad = new GamepadSource(FakePadEnvironment::new, Optional.empty())) {
            pad.useButtons(4);
            pad.start(e -> {});
            List<String> prompts = IntStream.range(0, pad.learnSteps())
                    .mapToObj(n -> HeadlessPlay.prompt(MidiKeyMapping.Kind.KEYS, n, pad.buttonsLearnt(), 4))
                    .toList();
            assertEquals(
                    List.of(
                            "press the button for button 1 of 4 (the lowest)",
                            "press the button for button 2 of 4",
                            "press the button for button 3 of 4",
                            "press the button for button 4 of 4 (the highest)",
                            "press the button for the sustain pedal"),
                    prompts);
        }
    }
}
