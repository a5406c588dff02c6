package dev.pianogenie.app.live;

import dev.pianogenie.app.input.ControllerException;
import dev.pianogenie.app.input.KeyVelocity;
import dev.pianogenie.app.input.replay.SessionFile;
import dev.pianogenie.app.input.replay.SessionHeader;
import dev.pianogenie.app.perform.Dynamics;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.DecoderEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything a live session is opened from, built once (from the command line) and handed to whichever face
 * runs — headless play or the window. Both open the chain through {@link LiveSession} from it.
 *
 * @param model       a model folder (or TF.js checkpoint); empty = the shipped default
 * @param seed        the sampling seed; empty = a fresh one per take (written in the take's session file)
 * @param velocity    a fixed velocity for presses without one ({@code --velocity}); empty = the model's own
 *                    velocity (80 for a model without a velocity output) at the dynamics
 * @param dynamics    the dynamics level 1..127 ({@code --dynamics}, see {@link Dynamics})
 * @param keyVelocity what a MIDI keyboard's velocity does ({@code --key-velocity})
 * @param record      where the take is saved (MIDI, with its button session beside it)
 * @param chosen      what the player chose (on the command line, or through a replayed session's own settings):
 *                    the window's remembered settings give way to these
 */
public record LiveSetup(
        Optional<Path> model,
        DecoderEngine engine,
        double temperature,
        KeyChoice keys,
        OptionalLong seed,
        OptionalInt velocity,
        int dynamics,
        KeyVelocity keyVelocity,
        List<OutputSpec> outputs,
        List<ControllerSpec> controllers,
        Optional<Path> record,
        Set<Choice> chosen) {

    /** The settings a player can choose; see {@link #chosen()}. */
    public enum Choice {
        MODEL,
        ENGINE,
        TEMPERATURE,
        KEYS,
        SEED,
        VELOCITY,
        DYNAMICS,
        KEY_VELOCITY,
        OUTPUT,
        CONTROLLER,
        RECORD
    }

    public LiveSetup {
        new Sampling(temperature, keys.allowedKeys(), seed); // refuses a bad temperature now, not at the first press
        if (velocity.isPresent() && (velocity.getAsInt() < 1 || velocity.getAsInt() > 127)) {
            throw new IllegalArgumentException("--velocity must be 1..127, was " + velocity.getAsInt());
        }
        Dynamics.check(dynamics);
        java.util.Objects.requireNonNull(keyVelocity);
        outputs = List.copyOf(outputs);
        controllers = List.copyOf(controllers);
        chosen = Set.copyOf(chosen);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no output: give --output synth, midi:NAME or none");
        }
        if (outputs.contains(OutputSpec.NONE) && outputs.size() > 1) {
            throw new IllegalArgumentException("--output none means no sound: it cannot go with other outputs");
        }
    }

    /** What {@code ./genie play} does with no options: the shipped model, keyboard, built-in synth, the paper's T. */
    public static LiveSetup defaults() {
        return new LiveSetup(
                Optional.empty(),
                DecoderEngine.TENSORFLOW,
                Sampling.DEFAULT_TEMPERATURE,
                KeyChoice.ALL,
                OptionalLong.empty(),
                OptionalInt.empty(),
                Dynamics.MF,
                KeyVelocity.PLAY,
                List.of(OutputSpec.SYNTH),
                List.of(ControllerSpec.KEYBOARD),
                Optional.empty(),
                Set.of());
    }

    /** The model folder: the chosen one, else the shipped default. */
    public Path modelFolder() {
        return model.orElseGet(DefaultModel::locate);
    }

    public Sampling sampling() {
        return new Sampling(temperature, keys.allowedKeys(), seed);
    }

    public boolean isChosen(Choice c) {
        return chosen.contains(c);
    }

    /** The first replayed session among the controllers, if any. */
    public Optional<ControllerSpec> replay() {
        return controllers.stream()
                .filter(c -> c.kind() == ControllerSpec.Kind.REPLAY)
                .findFirst();
    }

    /**
     * The setup with a replayed take's own settings (model, temperature, keys, seed, velocity, engine) wherever
     * the player chose none — so replay means "play back my take".
     *
     * @param said receives one line saying what was taken from the session
     */
    public LiveSetup followingReplay(java.util.function.Consumer<String> said) throws ControllerException {
        Optional<ControllerSpec> replay = replay();
        if (replay.isEmpty() || !Files.exists(replay.get().file())) {
            return this; // a missing file is said when the replay opens, after the model's own checks
        }
        Optional<SessionHeader> header = SessionFile.readHeader(replay.get().file());
        if (header.isEmpty()) {
            return this;
        }
        SessionHeader h = header.get();
        EnumSet<Choice> now = chosen.isEmpty() ? EnumSet.noneOf(Choice.class) : EnumSet.copyOf(chosen);
        List<String> taken = new ArrayList<>();
        Optional<Path> m = model;
        if (!now.contains(Choice.MODEL)
                && h.modelFolder().isPresent()
                && Files.isDirectory(h.modelFolder().get())) {
            m = h.modelFolder();
            now.add(Choice.MODEL);
            taken.add("model " + h.modelName());
        } else if (!now.contains(Choice.MODEL)
                && h.modelFolder().isPresent()
                && h.modelId().isEmpty()) {
            // no fingerprint to compare once loaded (an older session file): say it here
            said.accept(
                    "the take's model " + h.modelName() + " (" + h.modelFolder().get() + ") is gone: playing "
                            + m.map(Path::toString).orElse("the shipped model")
                            + " instead, which will not play the take's notes");
        }
        DecoderEngine e = engine;
        if (!now.contains(Choice.ENGINE) && h.engine().isPresent()) {
            e = DecoderEngine.parse(h.engine().get());
            now.add(Choice.ENGINE);
        }
        double t = temperature;
        if (!now.contains(Choice.TEMPERATURE) && h.temperature().isPresent()) {
            t = h.temperature().getAsDouble();
            now.add(Choice.TEMPERATURE);
            taken.add("T " + t);
        }
        KeyChoice k = keys;
        if (!now.contains(Choice.KEYS) && (h.scale().isPresent() || h.range().isPresent())) {
            try {
                k = KeyChoice.parse(h.scale().orElse(null), h.range().orElse(null));
            } catch (IllegalArgumentException bad) {
                throw new ControllerException(replay.get().file() + " line 1: " + bad.getMessage());
            }
            now.add(Choice.KEYS);
            taken.add(k.toString());
        }
        OptionalLong s = seed;
        if (!now.contains(Choice.SEED) && h.seed().isPresent()) {
            s = h.seed();
            now.add(Choice.SEED);
            taken.add("seed " + s.getAsLong());
        }
        OptionalInt v = velocity;
        if (!now.contains(Choice.VELOCITY) && (h.velocity().isPresent() || h.hasLoudness())) {
            v = h.velocity(); // a take that set none plays the genie's own velocities, whatever the window last had
            now.add(Choice.VELOCITY);
            v.ifPresent(x -> taken.add("velocity " + x));
        }
        int d = dynamics;
        if (!now.contains(Choice.DYNAMICS) && h.dynamics().isPresent()) {
            d = h.dynamics().getAsInt();
            now.add(Choice.DYNAMICS);
            taken.add("dynamics " + Dynamics.describe(d));
        }
        KeyVelocity kv = keyVelocity;
        if (!now.contains(Choice.KEY_VELOCITY) && h.keyVelocity().isPresent()) {
            kv = KeyVelocity.parse(h.keyVelocity().get());
            now.add(Choice.KEY_VELOCITY);
        }
        if (!taken.isEmpty()) {
            said.accept("replaying " + replay.get().file().getFileName() + " with its own " + String.join(", ", taken));
        }
        return new LiveSetup(m, e, t, k, s, v, d, kv, outputs, controllers, record, now);
    }

    public LiveSetup withModel(Path folder) {
        return new LiveSetup(
                Optional.of(folder),
                engine,
                temperature,
                keys,
                seed,
                velocity,
                dynamics,
                keyVelocity,
                outputs,
                controllers,
                record,
                chosen);
    }

    public LiveSetup withSampling(double t, KeyChoice k) {
        return new LiveSetup(
                model, engine, t, k, seed, velocity, dynamics, keyVelocity, outputs, controllers, record, chosen);
    }

    /** A fixed velocity, or empty: the genie's own at the dynamics. */
    public LiveSetup withVelocity(OptionalInt v) {
        return new LiveSetup(
                model, engine, temperature, keys, seed, v, dynamics, keyVelocity, outputs, controllers, record, chosen);
    }

    public LiveSetup withDynamics(int level) {
        return new LiveSetup(
                model,
                engine,
                temperature,
                keys,
                seed,
                velocity,
                level,
                keyVelocity,
                outputs,
                controllers,
                record,
                chosen);
    }

    /** With the take saved to {@code mid} (e.g. numbered past an existing take). */
    public LiveSetup withRecord(Path mid) {
        return new LiveSetup(
                model,
                engine,
                temperature,
                keys,
                seed,
                velocity,
                dynamics,
                keyVelocity,
                outputs,
                controllers,
                Optional.of(mid),
                chosen);
    }

    public LiveSetup withOutputs(List<OutputSpec> o) {
        return new LiveSetup(
                model,
                engine,
                temperature,
                keys,
                seed,
                velocity,
                dynamics,
                keyVelocity,
                o,
                controllers,
                record,
                chosen);
    }
}
