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
 * </pre>
 * The decoder here is the very network the streaming decoder runs one step at a time: parameters carry
 * the checkpoint names ({@code dec.input.weight}, {@code dec.lstm.weight_ih_l0}, ...) in PyTorch layout.
 *
 * <p>Inputs (see {@link NetInputs}): encoder features (B, T, encoderWidth), decoder features with the
 * button slot left 0 (B, T, decoderWidth), and the one-hot mask of that slot (decoderWidth).
 * Outputs: e (B, T) and logits (B, T, 88).
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
    }

    /** Shapes for {@link #initialize}: any batch and length will do. */
    public Shape[] exampleInputShapes() {
        return new Shape[] {
            new Shape(1, 2, config.encoderInputWidth()),
            new Shape(1, 2, config.decoderInputWidth()),
            new Shape(config.decoderInputWidth())
        };
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray e = encode(store, inputs.get(0), training);
        NDArray logits = decode(store, inputs.get(1), inputs.get(2), Iqae.straightThrough(e), training);
        return new NDList(e, logits);
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
        NDArray x = features.add(q.expandDims(-1).mul(buttonMask));
        x = decInput.forward(store, new NDList(x), training).head();
        x = decLstm.forwardWithState(store, x, null, training).head();
        return decOutput.forward(store, new NDList(x), training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape enc = inputShapes[0];
        return new Shape[] {new Shape(enc.get(0), enc.get(1)), new Shape(enc.get(0), enc.get(1), Keys.NUM_KEYS)};
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

    /** Sets every parameter that has a tensor of the same name and shape; a shape mismatch is refused. */
    public void load(Map<String, Tensor> tensors) {
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                if (e.getKey().startsWith(TensorNames.DECODER_PREFIX) || config.hasEncoder()) {
                    throw new IllegalArgumentException("the model has no tensor " + e.getKey());
                }
                continue;
            }
            NDArray target = e.getValue().getArray();
            long[] expected = target.getShape().getShape();
            if (!java.util.Arrays.equals(expected, java.util.Arrays.stream(t.shape()).asLongStream().toArray())) {
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
            int[] shape = java.util.Arrays.stream(a.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
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
