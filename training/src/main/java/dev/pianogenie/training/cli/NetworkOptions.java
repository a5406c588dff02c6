package dev.pianogenie.training.cli;

import static dev.pianogenie.training.run.Recipe.show;

import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.FeatureEncoding;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.net.TorchLstm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** {@code genie train}'s options of the network's shape: a new run's, or checked against the model it continues. */
final class NetworkOptions {
    @Option(
            names = "--encoding",
            description = "ΔT encoding: ${COMPLETION-CANDIDATES} (paper: 33 one-hot buckets;"
                    + " tutorial: a scalar) (default: ${DEFAULT-VALUE})")
    FeatureEncoding encoding;

    @Option(
            names = "--rnn-dim",
            description = "LSTM width, at least " + TorchLstm.MIN_HIDDEN + " (default: ${DEFAULT-VALUE})")
    int rnnDim;

    @Option(names = "--layers", description = "LSTM layers (default: ${DEFAULT-VALUE})")
    int layers;

    @Option(
            names = "--encoder-dim",
            description = "LSTM width of the encoder alone, at least " + TorchLstm.MIN_HIDDEN
                    + "; the live decoder does not run the encoder, so it may be wider (default: as --rnn-dim)")
    int encoderDim;

    @Option(
            names = "--velocity-units",
            description =
                    "hidden units of the velocity output, 0 = no velocity output"
                            + " (default: ${DEFAULT-VALUE}; with --init: the model's own, or this many added to a model without one)")
    int velocityUnits;

    @Option(
            names = "--buttons",
            description = "how many buttons the model is played with, " + Keys.MIN_BUTTONS + ".."
                    + Keys.MAX_BUTTONS
                    + " (default: ${DEFAULT-VALUE}; with --init: the model's own, or this many — the network's"
                    + " shapes do not depend on it, so every weight is copied)")
    int buttons = Keys.DEFAULT_BUTTONS;

    /** Checks what picocli's types cannot: ranges, with the option's name. */
    void check() {
        CliChecks.atLeast("--rnn-dim", rnnDim, TorchLstm.MIN_HIDDEN);
        if (rnnDim > ModelConfig.MAX_RNN_DIM) {
            throw new IllegalArgumentException(
                    "--rnn-dim must be at most " + ModelConfig.MAX_RNN_DIM + ", was " + rnnDim);
        }
        if (encoderDim != 0) {
            CliChecks.atLeast("--encoder-dim", encoderDim, TorchLstm.MIN_HIDDEN);
            if (encoderDim > ModelConfig.MAX_RNN_DIM) {
                throw new IllegalArgumentException(
                        "--encoder-dim must be at most " + ModelConfig.MAX_RNN_DIM + ", was " + encoderDim);
            }
        }
        if (buttons < Keys.MIN_BUTTONS || buttons > Keys.MAX_BUTTONS) {
            throw new IllegalArgumentException(
                    "--buttons must be " + Keys.MIN_BUTTONS + ".." + Keys.MAX_BUTTONS + ", was " + buttons);
        }
        CliChecks.positive("--layers", layers);
        if (layers > ModelConfig.MAX_RNN_LAYERS) {
            throw new IllegalArgumentException(
                    "--layers must be at most " + ModelConfig.MAX_RNN_LAYERS + ", was " + layers);
        }
    }

    /** Checked after the other options: the range of --velocity-units. */
    void checkVelocityUnits() {
        if (velocityUnits < 0 || velocityUnits > ModelConfig.MAX_VELOCITY_UNITS) {
            throw new IllegalArgumentException(
                    "--velocity-units must be 0.." + ModelConfig.MAX_VELOCITY_UNITS + ", was " + velocityUnits);
        }
    }

    /** The network cannot change shape: --encoding, --rnn-dim or --layers given must match the model's. */
    void checkSameShape(ModelConfig m, String what, Predicate<String> given) {
        List<String> d = new ArrayList<>();
        if (given.test("--encoding") && encoding != m.encoding()) {
            d.add("encoding " + show(m.encoding()) + " (not " + show(encoding) + ")");
        }
        if (given.test("--rnn-dim") && rnnDim != m.rnnDim()) {
            d.add("LSTM width " + m.rnnDim() + " (not " + rnnDim + ")");
        }
        if (given.test("--encoder-dim") && encoderDim != m.encoderRnnDim()) {
            d.add("encoder width " + m.encoderRnnDim() + " (not " + encoderDim + ")");
        }
        if (given.test("--layers") && layers != m.rnnLayers()) {
            d.add("" + m.rnnLayers() + " layers (not " + layers + ")");
        }
        // a model without a velocity output may get one (--init); one it has keeps its width
        if (given.test("--velocity-units") && m.predictsVelocity() && velocityUnits != m.velocityUnits()) {
            d.add("a velocity output of " + m.velocityUnits() + " units (not " + velocityUnits + ")");
        }
        if (!d.isEmpty()) {
            throw new IllegalArgumentException(
                    what + " a network of " + String.join(", ", d) + ": its shape cannot change; drop those options");
        }
    }

    /**
     * A resumed run keeps its button count: the checkpoint's buttons are what its encoder has learnt to quantise to.
     * (Not a shape: a new run from the run's exported model with --init may change it.)
     */
    void checkSameButtons(ModelConfig m, String what, Predicate<String> given) {
        if (given.test("--buttons") && buttons != m.numButtons()) {
            throw new IllegalArgumentException(what + " a " + m.numButtons() + "-button model (not --buttons " + buttons
                    + "): a resume keeps its buttons — drop --buttons, or start a new run with --init from its model");
        }
    }

    /** A new network of the shape asked for. */
    ModelConfig newNetwork(String name, Map<String, String> provenance) {
        return new ModelConfig(
                name,
                encoding,
                CellConvention.TORCH_IFGO,
                rnnDim,
                layers,
                true,
                provenance,
                encoderDim,
                velocityUnits,
                buttons); // encoderDim 0: as wide as the decoder
    }

    /**
     * The shape of the model a fine-tune starts from, with a velocity output of --velocity-units if it has none, and
     * --buttons if given: the button count is no shape (the decoder reads q as one input, the encoder writes one value
     * e), so every weight carries over and only the quantiser's grid changes.
     */
    ModelConfig fineTuning(PianoGenieModel base, String name, Map<String, String> provenance, Predicate<String> given) {
        ModelConfig b = base.config();
        int units = b.predictsVelocity() ? b.velocityUnits() : velocityUnits;
        int n = given.test("--buttons") ? buttons : b.numButtons();
        return new ModelConfig(
                name, b.encoding(), b.cell(), b.rnnDim(), b.rnnLayers(), true, provenance, b.encoderRnnDim(), units, n);
    }
}
