package dev.pianogenie.app.cli;

import dev.pianogenie.app.live.DefaultModel;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import dev.pianogenie.model.engine.BaseStreamingDecoder;
import dev.pianogenie.model.engine.DecoderEngine;
import dev.pianogenie.model.engine.Decoders;
import dev.pianogenie.model.io.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./genie decode}: buttons in, keys out, through any supported model folder. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decode a button sequence into piano keys with a model (ours or a TF.js checkpoint).",
        footer = {
            "",
            "The first press's ΔT: with --dt D it is D, like every press (magenta-js's overrideDeltaTime; "
                    + "the published trace is --dt 0.1 --temperature 0); with --dts, or with neither (presses 0.1 s apart), "
                    + "it is the first-note ΔT of a new phrase, as in live play after a reset."
        })
public final class DecodeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            description = "model folder (ours, or a TF.js checkpoint folder; default: the shipped model)")
    Path model;

    @Option(names = "--buttons", required = true, split = ",", description = "buttons 0..7, comma-separated")
    List<Integer> buttons;

    /** Presses this far apart when neither --dt nor --dts is given. */
    static final double DEFAULT_DT = 0.1;

    @Option(names = "--dt", paramLabel = "SECONDS", description = "every press gets this ΔT, the first one included")
    Double dt;

    @Option(
            names = "--dts",
            split = ",",
            paramLabel = "SECONDS",
            description = "seconds before each press after the first, comma-separated (the first: a new phrase's ΔT)")
    List<Double> dts;

    @Option(
            names = "--temperature",
            defaultValue = "0",
            description = "0 = greedy, up to 1 (default: ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--seed", description = "random seed, for a reproducible sampled sequence")
    Long seed;

    @Option(
            names = "--engine",
            defaultValue = DecoderEngine.DEFAULT_NAME,
            description = "tensorflow or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Mixin
    KeyListOptions keyList;

    @Option(
            names = "--json",
            description =
                    "print one JSON line {\"keys\": [...], \"velocities\": [...], \"midi\": [...], "
                            + "\"lookahead\": [[...], ...]}: velocities are the model's (1..127; null for a model without a velocity output), "
                            + "lookahead[i] holds the key each of the model's buttons (0..7 for 8) would have played at press i (the likeliest, when sampling)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OptionChecks.notEmpty("--buttons", buttons, "0,1,2,3");
        if (dt != null) {
            OptionChecks.seconds("--dt", dt);
        }
        if (dts != null) {
            dts.forEach(d -> OptionChecks.seconds("--dts", d == null ? Double.NaN : d));
        }
        if (dt != null && dts != null) {
            throw new IllegalArgumentException("give --dt or --dts, not both");
        }
        if (dts != null && dts.size() != buttons.size() - 1) {
            throw new IllegalArgumentException("--dts needs one value per press after the first: "
                    + (buttons.size() - 1) + " values for " + buttons.size() + " buttons, got " + dts.size());
        }
        for (int b : buttons) {
            Keys.checkButton(b, Keys.MAX_BUTTONS); // the model's own count is checked once it is loaded
        }
        BitSet allowed = keyList.allowedKeys();
        DecoderEngine chosenEngine = DecoderEngine.parse(engine); // every option checked before the model loads
        PianoGenieModel m = ModelFiles.load(model != null ? model : DefaultModel.locate());
        for (int b : buttons) {
            Keys.checkButton(b, m.config().numButtons());
        }
        Sampling sampling =
                new Sampling(temperature, allowed, seed == null ? OptionalLong.empty() : OptionalLong.of(seed));
        List<Integer> keys = new ArrayList<>();
        List<String> lookahead = new ArrayList<>();
        List<Integer> velocities = new ArrayList<>();
        boolean withVelocity;
        try (BaseStreamingDecoder decoder = Decoders.open(m, chosenEngine, sampling)) {
            long nanos = 0;
            for (int i = 0; i < buttons.size(); i++) {
                if (i > 0) {
                    nanos += Math.round((dts != null ? dts.get(i - 1) : dt != null ? dt : DEFAULT_DT) * 1e9);
                }
                if (dt != null) {
                    decoder.overrideDeltaTime(dt);
                }
                if (json) {
                    lookahead.add(Arrays.toString(decoder.lookahead(nanos).keys()));
                }
                keys.add(decoder.next(buttons.get(i), nanos));
                velocities.add(decoder.lastVelocity());
            }
            withVelocity = decoder.predictsVelocity();
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println("{\"keys\": " + keys + ", \"velocities\": " + (withVelocity ? velocities.toString() : "null")
                    + ", \"midi\": "
                    + keys.stream().map(k -> Keys.pitch(k)).collect(Collectors.toList()) + ", \"lookahead\": "
                    + lookahead + "}");
        } else {
            out.println(m.describe());
            for (int i = 0; i < keys.size(); i++) {
                int pitch = Keys.pitch(keys.get(i));
                out.printf(
                        "button %d → key %2d  MIDI %3d  %-4s%s%n",
                        buttons.get(i),
                        keys.get(i),
                        pitch,
                        Keys.pitchName(pitch),
                        withVelocity ? "  velocity " + velocities.get(i) : "");
            }
        }
        out.flush();
        return 0;
    }
}
