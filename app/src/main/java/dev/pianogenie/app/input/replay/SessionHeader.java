package dev.pianogenie.app.input.replay;

import dev.pianogenie.model.Keys;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What reproduces a take, written as the first line of its session file: the model (name, folder and a
 * fingerprint of its weights), the engine, temperature, allowed keys ({@code --scale} / {@code --range}
 * syntax), the seed, and how loud it starts: the fixed velocity (if one was set), the dynamics and what a MIDI
 * keyboard's velocity did ({@code play} / {@code dynamics}), and the model's button count. Every field is optional when
 * read (older files have no header; a format-1 header's velocity was the velocity every press without one was played
 * at; a header without {@code buttons} is from before models had another count: 8).
 */
public record SessionHeader(
        String modelName,
        Optional<Path> modelFolder,
        Optional<String> modelId,
        Optional<String> engine,
        OptionalDouble temperature,
        Optional<String> scale,
        Optional<String> range,
        OptionalLong seed,
        OptionalInt velocity,
        OptionalInt dynamics,
        Optional<String> keyVelocity,
        OptionalInt buttons) {

    public SessionHeader withFolder(Path folder) {
        return new SessionHeader(
                modelName,
                Optional.of(folder),
                modelId,
                engine,
                temperature,
                scale,
                range,
                seed,
                velocity,
                dynamics,
                keyVelocity,
                buttons);
    }

    /** The buttons of the model the take was played with (8 when the file does not say: it is older than other counts). */
    public int numButtons() {
        return buttons.orElse(Keys.DEFAULT_BUTTONS);
    }

    /**
     * Whether the header says how loud the take starts in full (format 2 on): then a missing velocity means none was
     * fixed, rather than "not said".
     */
    public boolean hasLoudness() {
        return dynamics.isPresent();
    }
}
