package dev.pianogenie.model.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * A multi-layer LSTM whose parameters are exactly PyTorch's {@code nn.LSTM}: named
 * {@code weight_ih_l{n}[_reverse]}, {@code weight_hh_l{n}[_reverse]}, {@code bias_ih_l{n}[_reverse]},
 * {@code bias_hh_l{n}[_reverse]}, gates (i, f, g, o), registered in PyTorch's flat order, initialised
 * uniform(±1/√h) as PyTorch does.
 *
 * <p>Why not DJL's {@code LSTM} block: its bidirectional variant with biases passes the parameters in the
 * wrong order on the PyTorch engine (DJL 0.36, TECH-NOTES), and its parameter names would need a mapping
 * to the checkpoint names. Here the names are the checkpoint names and the order is the engine's.
 *
 * <p>Input (batch, time, features), batch first. Output: (batch, time, hidden × directions), and, when
 * asked ({@link #forwardWithState}), the final (h, c), each (layers × directions, batch, hidden).
 */
public final class TorchLstm extends AbstractBlock {
    /**
     * Below 32 units the PyTorch 2.7 CPU LSTM (oneDNN) gives wrong float32 results on this machine's
     * AVX-512 CPUs (measured: |error| up to 0.07 against float64 with 8 or 16 units, 1e-7 from 32 up).
     */
    public static final int MIN_HIDDEN = 32;

    private static final byte VERSION = 1;

    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bidirectional;

    public TorchLstm(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
        super(VERSION);
        if (hiddenSize < MIN_HIDDEN) {
            throw new IllegalArgumentException("LSTM width must be at least " + MIN_HIDDEN + " (the engine's CPU LSTM"
                    + " is wrong below that), was " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bidirectional = bidirectional;
        UniformInitializer init = new UniformInitializer((float) (1.0 / Math.sqrt(hiddenSize)));
        int directions = bidirectional ? 2 : 1;
        for (int layer = 0; layer < numLayers; layer++) {
            long in = layer == 0 ? inputSize : (long) hiddenSize * directions;
            for (int d = 0; d < directions; d++) {
                String suffix = "_l" + layer + (d == 1 ? "_reverse" : "");
                add("weight_ih" + suffix, Parameter.Type.WEIGHT, new Shape(4L * hiddenSize, in), init);
                add("weight_hh" + suffix, Parameter.Type.WEIGHT, new Shape(4L * hiddenSize, hiddenSize), init);
                add("bias_ih" + suffix, Parameter.Type.BIAS, new Shape(4L * hiddenSize), init);
                add("bias_hh" + suffix, Parameter.Type.BIAS, new Shape(4L * hiddenSize), init);
            }
        }
    }

    private void add(String name, Parameter.Type type, Shape shape, UniformInitializer init) {
        addParameter(Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(shape)
                .optInitializer(init)
                .build());
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return forwardWithState(store, inputs.head(), null, training);
    }

    /**
     * Runs the whole sequence.
     *
     * @param state null for the zero state, else (h, c)
     * @return (output, h, c)
     */
    public NDList forwardWithState(ParameterStore store, NDArray input, NDList state, boolean training) {
        NDList weights = new NDList(parameters.size());
        for (Parameter p : parameters.values()) {
            weights.add(store.getValue(p, input.getDevice(), training).toType(input.getDataType(), false));
        }
        NDList hx = state;
        if (hx == null) {
            Shape stateShape = new Shape(
                    (long) numLayers * (bidirectional ? 2 : 1), input.getShape().get(0), hiddenSize);
            hx = new NDList(
                    input.getManager().zeros(stateShape, input.getDataType()),
                    input.getManager().zeros(stateShape, input.getDataType()));
        }
        return input.getNDArrayInternal().lstm(input, hx, weights, true, numLayers, 0.0, training, bidirectional, true);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), (long) hiddenSize * (bidirectional ? 2 : 1))};
    }
}
