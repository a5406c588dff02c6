package dev.pianogenie.app.input;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A controller whose physical buttons or keys are chosen by pressing them in turn: button 0 (lowest) to the highest
 * it learns, then, where the controller has one, the sustain pedal. The mapping is saved for that device. While it learns,
 * presses do not play.
 */
public interface LearnsButtons {

    /** How many presses learning takes: the buttons learnt, and one more with the pedal. */
    int learnSteps();

    /** How many of those presses choose buttons rather than the pedal (by default all; a gamepad: the model's count). */
    default int buttonsLearnt() {
        return learnSteps();
    }

    /**
     * Starts learning.
     *
     * @param progress told the number learnt so far after each new button (on the controller's thread)
     * @param done     told a description of the new mapping when complete (on the controller's thread)
     */
    void learn(IntConsumer progress, Consumer<String> done);
}
