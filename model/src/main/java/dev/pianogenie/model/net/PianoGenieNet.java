package dev.pianogenie.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.ModelConfig;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Velocities;
import dev.pianogenie.model.VelocityHead;
import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.model.io.TensorNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Piano Genie's discrete autoencoder (paper configuration "IQAE + L_contour + ΔT"):
 * <pre>
 *   encoder: [one_hot(key), ΔT] → Dense(he) → bidirectional LSTM(he) × layers → Dense(1) = e   (he: encoderRnnDim)
 *   IQAE:    e → 8 buttons, straight-through
 *   decoder: [q, previous key, ΔT] → Dense(h) → LSTM(h) × layers → Dense(88) = logits
 *   velocity (when the config has one, {@link dev.pianogenie.model.VelocityHead}):
 *            [top LSTM output, one_hot(key), previous-velocity context] → Dense(units) → ReLU → Dense(32 bins)
 * </pre>
 * The decoder here is the very network the streaming decoder runs one step at a time: parameters carry
 * the checkpoint names ({@code dec.input.weight}, {@code dec.lstm.weight_ih_l0}, ...) in PyTorch layout.
 *
 * <p>Inputs (see {@link NetInputs}): encoder features (B, T, encoderWidth), decoder features with the
 * button slot left 0 (B, T, decoderWidth), and the one-hot mask of that slot (decoderWidth).
 * Outputs: e (B, T) and logits (B, T, 88). A network with a velocity output also takes the played keys' one-hot
 * (B, T, 88) and the velocity context (B, T, {@link Velocities#CONTEXT_WIDTH}) (teacher forcing: the true key and the
 * true previous velocities) and also returns the velocity logits (B, T, 32).
 */
public final class PianoGenieNet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ModelConfig config;
    private final Linear encInput;
    private final TorchLstm encLstm;
    private final Linear encOutput;
    private final Linear decInput;
    private final TorchLstm decLstm;
    private final Linear decOutput;
    /** The velocity output; null without one. */
    private final Linear velHidden;

    private final Linear velOutput;

    public PianoGenieNet(ModelConfig config) {
        super(VERSION);
        this.config = config;
        int h = config.rnnDim();
        int he = config.encoderRnnDim();
        encInput = addChildBlock("enc.input", linear(he, config.encoderInputWidth()));
        encLstm = addChildBlock("enc.lstm", new TorchLstm(he, he, config.rnnLayers(), true));
        encOutput = addChildBlock("enc.output", linear(1, 2 * he));
        decInput = addChildBlock("dec.input", linear(h, config.decoderInputWidth()));
        decLstm = addChildBlock("dec.lstm", new TorchLstm(h, h, config.rnnLayers(), false));
        decOutput = addChildBlock("dec.output", linear(Keys.NUM_KEYS, h));
        if (config.predictsVelocity()) {
            velHidden = addChildBlock("vel.hidden", linear(config.velocityUnits(), VelocityHead.inputWidth(h)));
            velOutput = addChildBlock("vel.output", linear(Velocities.BINS, config.velocityUnits()));
        } else {
            velHidden = null;
            velOutput = null;
        }
    }

    /** A Dense layer initialised as PyTorch's nn.Linear: uniform(±1/√fan_in) for weight and bias. */
    private static Linear linear(int units, int fanIn) {
        Linear l = Linear.builder().setUnits(units).build();
        l.setInitializer(new UniformInitializer((float) (1.0 / Math.sqrt(fanIn))), p -> true);
        return l;
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape enc = inputShapes[0];
        long b = enc.get(0);
        long t = enc.get(1);
        int h = config.rnnDim();
        int he = config.encoderRnnDim();
        encInput.initialize(manager, dataType, enc);
        encLstm.initialize(manager, dataType, new Shape(b, t, he));
        encOutput.initialize(manager, dataType, new Shape(b, t, 2L * he));
        decInput.initialize(manager, dataType, inputShapes[1]);
        decLstm.initialize(manager, dataType, new Shape(b, t, h));
        decOutput.initialize(manager, dataType, new Shape(b, t, h));
        if (velHidden != null) {
            velHidden.initialize(manager, dataType, new Shape(b, t, VelocityHead.inputWidth(h)));
            velOutput.initialize(manager, dataType, new Shape(b, t, config.velocityUnits()));
        }
    }

    /** Shapes for {@link #initialize}: any batch and length will do. */
    public Shape[] exampleInputShapes() {
        Shape enc = new Shape(1, 2, config.encoderInputWidth());
        Shape dec = new Shape(1, 2, config.decoderInputWidth());
        Shape mask = new Shape(config.decoderInputWidth());
        if (!config.predictsVelocity()) {
            return new Shape[] {enc, dec, mask};
        }
        return new Shape[] {enc, dec, mask, new Shape(1, 2, Keys.NUM_KEYS), new Shape(1, 2, Velocities.CONTEXT_WIDTH)};
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray e = encode(store, inputs.get(0), training);
        NDArray top = decodeHidden(
                store, inputs.get(1), inputs.get(2), Iqae.straightThrough(e, config.numButtons()), training);
        NDArray logits = decOutput.forward(store, new NDList(top), training).head();
        if (velHidden == null || inputs.size() < 5) {
            return new NDList(e, logits);
        }
        // the velocity output reads the LSTM but sends no gradient into it: the pitch path trains exactly as without it
        // (its quality must not pay for the velocities), and a frozen decoder is no special case
        return new NDList(e, logits, velocityLogits(store, top.stopGradient(), inputs.get(3), inputs.get(4), training));
    }

    /** Whether this network has a velocity output. */
    public boolean predictsVelocity() {
        return velHidden != null;
    }

    /**
     * The velocity output, teacher-forced: (B, T, 32) logits.
     *
     * @param top     (B, T, h) the decoder's top LSTM output ({@link #decodeHidden})
     * @param keys    (B, T, 88) one-hot of the key each note plays
     * @param context (B, T, CONTEXT_WIDTH) the previous-velocity features ({@link Velocities.Context})
     */
    public NDArray velocityLogits(ParameterStore store, NDArray top, NDArray keys, NDArray context, boolean training) {
        NDArray x = top.concat(keys, -1).concat(context, -1);
        x = velHidden.forward(store, new NDList(x), training).head();
        x = ai.djl.nn.Activation.relu(x);
        return velOutput.forward(store, new NDList(x), training).head();
    }

    /** The encoder alone: (B, T, encoderWidth) → e (B, T). */
    public NDArray encode(ParameterStore store, NDArray features, boolean training) {
        NDArray x = encInput.forward(store, new NDList(features), training).head();
        x = encLstm.forwardWithState(store, x, null, training).head();
        return encOutput.forward(store, new NDList(x), training).head().squeeze(-1);
    }

    /**
     * The decoder, teacher-forced over whole sequences.
     *
     * @param features   (B, T, decoderWidth), button slot 0
     * @param buttonMask (decoderWidth) one-hot of the button slot
     * @param q          (B, T) button values (from the IQAE, or from {@code Keys.buttonValue})
     */
    public NDArray decode(ParameterStore store, NDArray features, NDArray buttonMask, NDArray q, boolean training) {
        NDArray x = decodeHidden(store, features, buttonMask, q, training);
        return decOutput.forward(store, new NDList(x), training).head();
    }

    /** The decoder up to its top LSTM layer's output (B, T, h): what the key logits and the velocity output read. */
    public NDArray decodeHidden(
            ParameterStore store, NDArray features, NDArray buttonMask, NDArray q, boolean training) {
        NDArray x = features.add(q.expandDims(-1).mul(buttonMask));
        x = decInput.forward(store, new NDList(x), training).head();
        return decLstm.forwardWithState(store, x, null, training).head();
    }

    /** The key logits from the top LSTM output. */
    public NDArray keyLogits(ParameterStore store, NDArray top, boolean training) {
        return decOutput.forward(store, new NDList(top), training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape enc = inputShapes[0];
        Shape e = new Shape(enc.get(0), enc.get(1));
        Shape logits = new Shape(enc.get(0), enc.get(1), Keys.NUM_KEYS);
        if (velHidden == null || inputShapes.length < 5) {
            return new Shape[] {e, logits};
        }
        return new Shape[] {e, logits, new Shape(enc.get(0), enc.get(1), Velocities.BINS)};
    }

    /**
     * Every parameter under its checkpoint name ({@code enc.input.weight}, {@code dec.lstm.bias_hh_l1}, ...),
     * in a stable order. The one place where DJL's parameter paths become checkpoint names.
     */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        put(named, "enc.input", encInput);
        put(named, "enc.lstm", encLstm);
        put(named, "enc.output", encOutput);
        put(named, "dec.input", decInput);
        put(named, "dec.lstm", decLstm);
        put(named, "dec.output", decOutput);
        if (velHidden != null) {
            put(named, "vel.hidden", velHidden);
            put(named, "vel.output", velOutput);
        }
        return named;
    }

    /**
     * A network holding a loaded model's weights (on the given manager's engine). A decoder-only model
     * (a TF.js import) leaves the encoder at its random initialisation: use another model's encoder for it.
     */
    public static PianoGenieNet of(PianoGenieModel model, NDManager manager) {
        PianoGenieNet net = new PianoGenieNet(model.config());
        net.initialize(manager, DataType.FLOAT32, net.exampleInputShapes());
        net.load(model.tensors());
        return net;
    }

    /**
     * Sets every parameter that has a tensor of the same name and shape; a shape mismatch is refused. A velocity output
     * missing from the tensors (a model without one, e.g. the starting point of a velocity fine-tune) keeps its
     * initialisation.
     */
    public void load(Map<String, Tensor> tensors) {
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                if (e.getKey().startsWith(TensorNames.VELOCITY_PREFIX)) {
                    continue;
                }
                if (e.getKey().startsWith(TensorNames.DECODER_PREFIX) || config.hasEncoder()) {
                    throw new IllegalArgumentException("the model has no tensor " + e.getKey());
                }
                continue;
            }
            NDArray target = e.getValue().getArray();
            long[] expected = target.getShape().getShape();
            if (!java.util.Arrays.equals(
                    expected, java.util.Arrays.stream(t.shape()).asLongStream().toArray())) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " has shape " + t.shapeString()
                        + ", the network expects " + target.getShape());
            }
            ArrayValues.fill(target, t.data());
        }
    }

    /** The weights as tensors under their checkpoint names (decoder, and the encoder when asked). */
    public Map<String, Tensor> tensors(boolean withEncoder) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            if (!withEncoder && e.getKey().startsWith(TensorNames.ENCODER_PREFIX)) {
                continue;
            }
            NDArray a = e.getValue().getArray();
            int[] shape = java.util.Arrays.stream(a.getShape().getShape())
                    .mapToInt(Math::toIntExact)
                    .toArray();
            out.put(e.getKey(), new Tensor(e.getKey(), shape, a.toFloatArray()));
        }
        return out;
    }

    private static void put(Map<String, Parameter> named, String prefix, AbstractBlock block) {
        for (Parameter p : block.getDirectParameters().values()) {
            named.put(prefix + "." + p.getName(), p);
        }
    }
}
