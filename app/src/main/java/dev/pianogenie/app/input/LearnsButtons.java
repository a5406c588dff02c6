package dev.pianogenie.app.input;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A controller whose physical buttons or keys are chosen by pressing them in turn: button 0 (lowest) to 7,
 * then, where the controller has one, the sustain pedal. The mapping is saved for that device. While it learns,
 * presses do not play.
 */
public interface LearnsButtons {

    /** How many presses learning takes: 8, or 9 with the pedal. */
    int learnSteps();

    /**
     * Starts learning.
     *
     * @param progress told the number learnt so far after each new button (on the controller's thread)
     * @param done     told a description of the new mapping when complete (on the controller's thread)
     */
    void learn(IntConsumer progress, Consumer<String> done);
}
