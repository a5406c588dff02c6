package dev.pianogenie.model.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.pianogenie.model.DecoderWeights;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;

/**
 * The live decoder on DJL's PyTorch engine: per press three engine ops — Dense, the fused multi-layer LSTM
 * over one time step (state in, state out), Dense — in a sub-manager closed after the step. The look-ahead runs
 * the same ops on a batch of one row per button (the state repeated) and drops the state they return.
 */
public final class PtStreamingDecoder extends BaseStreamingDecoder {
    private final NDManager manager;
    private final NDArray inputWeight;
    private final NDArray inputBias;
    private final NDList lstmParams;
    private final NDArray outputWeight;
    private final NDArray outputBias;
    private final int layers;
    private final int hidden;
    private final int width;
    private NDArray h;
    private NDArray c;

    public PtStreamingDecoder(PianoGenieModel model, Sampling sampling) {
        super(model, sampling);
        manager = Engines.pytorch().newBaseManager();
        DecoderWeights w = model.decoder();
        layers = w.layers();
        hidden = w.hidden();
        width = w.inputWidth();
        inputWeight = manager.create(w.inputWeight(), new Shape(hidden, width));
        inputBias = manager.create(w.inputBias());
        lstmParams = new NDList();
        for (int l = 0; l < layers; l++) {
            lstmParams.add(manager.create(w.wih().get(l), new Shape(4L * hidden, hidden)));
            lstmParams.add(manager.create(w.whh().get(l), new Shape(4L * hidden, hidden)));
            lstmParams.add(manager.create(w.bias().get(l)));
            lstmParams.add(manager.zeros(new Shape(4L * hidden)));
        }
        outputWeight = manager.create(w.outputWeight(), new Shape(Keys.NUM_KEYS, hidden));
        outputBias = manager.create(w.outputBias());
        resetState();
        warmUp();
    }

    @Override
    protected void step(float[] input, float[] logitsOut) {
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(input, new Shape(1, 1, width));
            NDArray dense = Linear.linear(x, inputWeight, inputBias).head();
            NDList out = dense.getNDArrayInternal()
                    .lstm(dense, new NDList(h, c), lstmParams, true, layers, 0.0, false, false, true);
            NDArray logits = Linear.linear(out.get(0), outputWeight, outputBias).head();
            float[] values = logits.toFloatArray();
            System.arraycopy(values, 0, logitsOut, 0, Keys.NUM_KEYS);
            NDArray newH = out.get(1);
            NDArray newC = out.get(2);
            newH.attach(manager);
            newC.attach(manager);
            h.close();
            c.close();
            h = newH;
            c = newC;
        }
    }

    @Override
    protected void stepBatch(float[] inputs, float[] logitsOut) {
        try (NDManager step = manager.newSubManager()) {
            int batch = numButtons;
            NDArray x = step.create(inputs, new Shape(batch, 1, width));
            NDArray dense = Linear.linear(x, inputWeight, inputBias).head();
            // the state, one copy per button; the LSTM's returned state is dropped with the sub-manager
            NDList state = new NDList(h.repeat(1, batch), c.repeat(1, batch));
            state.attach(step); // ops on h and c land in the decoder's long-lived manager otherwise
            NDList out =
                    dense.getNDArrayInternal().lstm(dense, state, lstmParams, true, layers, 0.0, false, false, true);
            NDArray logits = Linear.linear(out.get(0), outputWeight, outputBias).head();
            System.arraycopy(logits.toFloatArray(), 0, logitsOut, 0, batch * Keys.NUM_KEYS);
        }
    }

    @Override
    float[] stateSnapshot() {
        float[] hv = h.toFloatArray();
        float[] cv = c.toFloatArray();
        float[] all = java.util.Arrays.copyOf(hv, hv.length + cv.length);
        System.arraycopy(cv, 0, all, hv.length, cv.length);
        return all;
    }

    @Override
    protected void topOutput(float[] into) {
        try (NDArray top = h.get(layers - 1)) {
            System.arraycopy(top.toFloatArray(), 0, into, 0, hidden);
        }
    }

    @Override
    protected void resetState() {
        if (h != null) {
            h.close();
            c.close();
        }
        h = manager.zeros(new Shape(layers, 1, hidden));
        c = manager.zeros(new Shape(layers, 1, hidden));
    }

    @Override
    public void close() {
        manager.close();
    }
}
