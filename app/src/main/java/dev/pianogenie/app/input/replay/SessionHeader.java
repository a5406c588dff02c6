package dev.pianogenie.app.input.replay;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What reproduces a take, written as the first line of its session file: the model (name, folder and a
 * fingerprint of its weights), the engine, temperature, allowed keys ({@code --scale} / {@code --range}
 * syntax), the seed and the default velocity. Every field is optional when read (older files have no header).
 */
public record SessionHeader(String modelName, Optional<Path> modelFolder, Optional<String> modelId, Optional<String> engine,
        OptionalDouble temperature, Optional<String> scale, Optional<String> range, OptionalLong seed, OptionalInt velocity) {

    public SessionHeader withFolder(Path folder) {
        return new SessionHeader(modelName, Optional.of(folder), modelId, engine, temperature, scale, range, seed, velocity);
    }
}
