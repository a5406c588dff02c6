package dev.pianogenie.model.engine;

import dev.pianogenie.model.CellConvention;
import dev.pianogenie.model.DecoderWeights;
import dev.pianogenie.model.Keys;
import dev.pianogenie.model.PianoGenieModel;
import dev.pianogenie.model.Sampling;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.LSTMBlockCell;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The live decoder on DJL's TensorFlow engine: one press is ONE session run of a small graph —
 * Dense → TF's fused {@code LSTMBlockCell} × layers → Dense — with the weights baked in as constants and the
 * LSTM state fed in and fetched out. (Written as ~25 eager ops a step costs ~1 ms; as one graph call it costs
 * well under 0.1 ms.) The session runs on the caller's thread: at batch 1 a thread pool only adds wake-up jitter.
 * The look-ahead is a second path in the same graph over the same weight constants: the model's buttons as a batch,
 * the state fed in (broadcast to one row per button) and never fetched back.
 */
public final class TfStreamingDecoder extends BaseStreamingDecoder {
    private final int layers;
    private final int hidden;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final List<Placeholder<TFloat32>> hIn = new ArrayList<>();
    private final List<Placeholder<TFloat32>> cIn = new ArrayList<>();
    private final List<Operand<TFloat32>> hOut = new ArrayList<>();
    private final List<Operand<TFloat32>> cOut = new ArrayList<>();
    private final Operand<TFloat32> logits;
    private final Placeholder<TFloat32> xBatch;
    private final Operand<TFloat32> batchLogits;
    private final TFloat32 xBatchTensor;
    private final FloatDataBuffer xBatchBuffer;
    private final Session.Runner batchRunner;
    private final TFloat32 xTensor;
    private final FloatDataBuffer xBuffer;
    private final float[] zeros;
    private final Session.Runner runner;
    private final float[] scratchLogits = new float[Keys.NUM_KEYS];
    private final TFloat32[] h;
    private final TFloat32[] c;
    private final float[] stateCopy;

    public TfStreamingDecoder(PianoGenieModel model, Sampling sampling) {
        super(model, sampling);
        Engines.tensorflow();
        DecoderWeights w = model.decoder();
        this.layers = w.layers();
        this.hidden = w.hidden();
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        // the weights, as constants shared by the one-press path and the look-ahead's batch (one row per button)
        // dense: x · Wᵀ + b, with Wᵀ laid out here: TF 2.16's MatMul with transpose_b gives wrong columns
        // (from 64 on, for 88 outputs) on AVX-512 CPUs — measured on this project's machines
        Operand<TFloat32> inW =
                constant(tf, transpose(w.inputWeight(), hidden, w.inputWidth()), w.inputWidth(), hidden);
        Operand<TFloat32> inB = constant(tf, w.inputBias(), hidden);
        List<Operand<TFloat32>> kernels = new ArrayList<>();
        List<Operand<TFloat32>> biases = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            kernels.add(constant(tf, blockCellKernel(w, l), 2 * hidden, 4 * hidden));
            biases.add(constant(tf, blockCellBias(w, l), 4 * hidden));
        }
        Operand<TFloat32> outW =
                constant(tf, transpose(w.outputWeight(), Keys.NUM_KEYS, hidden), hidden, Keys.NUM_KEYS);
        Operand<TFloat32> outB = constant(tf, w.outputBias(), Keys.NUM_KEYS);
        Operand<TFloat32> noPeephole = tf.zeros(tf.constant(new long[] {hidden}), TFloat32.class);

        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, w.inputWidth())));
        Operand<TFloat32> layerIn = tf.math.add(tf.linalg.matMul(x, inW), inB);
        for (int l = 0; l < layers; l++) {
            Placeholder<TFloat32> hp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, hidden)));
            Placeholder<TFloat32> cp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, hidden)));
            hIn.add(hp);
            cIn.add(cp);
            LSTMBlockCell<TFloat32> cell = tf.nn.lSTMBlockCell(
                    layerIn,
                    cp,
                    hp,
                    kernels.get(l),
                    noPeephole,
                    noPeephole,
                    noPeephole,
                    biases.get(l),
                    LSTMBlockCell.forgetBias(0f),
                    LSTMBlockCell.cellClip(-1f),
                    LSTMBlockCell.usePeephole(false));
            hOut.add(cell.h());
            cOut.add(cell.cs());
            layerIn = cell.h();
        }
        logits = tf.math.add(tf.linalg.matMul(layerIn, outW), outB);

        // the look-ahead: the same step for one row per button of the model from the same state, broadcast; no state
        // out
        xBatch = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(numButtons, w.inputWidth())));
        Operand<TInt64> batchShape = tf.constant(new long[] {numButtons, hidden});
        Operand<TFloat32> batchIn = tf.math.add(tf.linalg.matMul(xBatch, inW), inB);
        for (int l = 0; l < layers; l++) {
            LSTMBlockCell<TFloat32> cell = tf.nn.lSTMBlockCell(
                    batchIn,
                    tf.broadcastTo(cIn.get(l), batchShape),
                    tf.broadcastTo(hIn.get(l), batchShape),
                    kernels.get(l),
                    noPeephole,
                    noPeephole,
                    noPeephole,
                    biases.get(l),
                    LSTMBlockCell.forgetBias(0f),
                    LSTMBlockCell.cellClip(-1f),
                    LSTMBlockCell.usePeephole(false));
            batchIn = cell.h();
        }
        batchLogits = tf.math.add(tf.linalg.matMul(batchIn, outW), outB);
        // inter-op < 0: every op runs on the calling thread — no hand-off to a pool thread that has to wake up
        // (after a pause between presses that wake-up cost up to milliseconds)
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(1)
                .setInterOpParallelismThreads(-1)
                .build();
        session = new Session(graph, config);
        xTensor = TFloat32.tensorOf(Shape.of(1, w.inputWidth()));
        xBuffer = xTensor.asRawTensor().data().asFloats();
        xBatchTensor = TFloat32.tensorOf(Shape.of(numButtons, w.inputWidth()));
        xBatchBuffer = xBatchTensor.asRawTensor().data().asFloats();
        zeros = new float[hidden];
        stateCopy = new float[hidden];
        h = new TFloat32[layers];
        c = new TFloat32[layers];
        for (int l = 0; l < layers; l++) {
            h[l] = TFloat32.tensorOf(Shape.of(1, hidden));
            c[l] = TFloat32.tensorOf(Shape.of(1, hidden));
        }
        resetState();
        // one runner for the decoder's life: its feeds are tensors we own and rewrite in place each step
        runner = session.runner().feed(x, xTensor);
        for (int l = 0; l < layers; l++) {
            runner.feed(hIn.get(l), h[l]).feed(cIn.get(l), c[l]);
        }
        runner.fetch(logits);
        for (int l = 0; l < layers; l++) {
            runner.fetch(hOut.get(l)).fetch(cOut.get(l));
        }
        // the look-ahead reads the same state tensors, fetches only the logits
        batchRunner = session.runner().feed(xBatch, xBatchTensor);
        for (int l = 0; l < layers; l++) {
            batchRunner.feed(hIn.get(l), h[l]).feed(cIn.get(l), c[l]);
        }
        batchRunner.fetch(batchLogits);
        warmUp();
    }

    /** [rows][cols] → [cols][rows]. */
    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private static Operand<TFloat32> constant(Ops tf, float[] data, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /**
     * LSTMBlockCell wants one kernel [in + H, 4H] over {@code [x, h]} with gate columns (i, ci, f, o);
     * canonical rows are (i, f, g, o) of W_ih [4H][in] and W_hh [4H][H].
     */
    private static float[] blockCellKernel(DecoderWeights w, int layer) {
        int hd = w.hidden();
        float[] wih = w.wih().get(layer);
        float[] whh = w.whh().get(layer);
        float[] k = new float[2 * hd * 4 * hd];
        for (int col = 0; col < 4 * hd; col++) {
            int row = canonicalRow(col, hd);
            for (int i = 0; i < hd; i++) {
                k[i * 4 * hd + col] = wih[row * hd + i];
                k[(hd + i) * 4 * hd + col] = whh[row * hd + i];
            }
        }
        return k;
    }

    private static float[] blockCellBias(DecoderWeights w, int layer) {
        int hd = w.hidden();
        float[] b = new float[4 * hd];
        for (int col = 0; col < 4 * hd; col++) {
            b[col] = w.bias().get(layer)[canonicalRow(col, hd)];
        }
        return b;
    }

    /** Block-cell column (i, ci, f, o) → canonical row (i, f, g, o). */
    private static int canonicalRow(int col, int hd) {
        int gate = col / hd;
        int unit = col % hd;
        return CellConvention.otherGateOrder(gate) * hd + unit;
    }

    @Override
    public void keepWarm() {
        run(scratchLogits, false);
    }

    @Override
    protected void step(float[] input, float[] logitsOut) {
        xBuffer.write(input);
        run(logitsOut, true);
    }

    @Override
    protected void stepBatch(float[] inputs, float[] logitsOut) {
        xBatchBuffer.write(inputs);
        try (Result result = batchRunner.run()) {
            ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(logitsOut);
        }
    }

    @Override
    float[] stateSnapshot() {
        float[] all = new float[2 * layers * hidden];
        for (int l = 0; l < layers; l++) {
            h[l].asRawTensor().data().asFloats().read(all, 2 * l * hidden, hidden);
            c[l].asRawTensor().data().asFloats().read(all, (2 * l + 1) * hidden, hidden);
        }
        return all;
    }

    private void run(float[] logitsOut, boolean advance) {
        try (Result result = runner.run()) {
            TFloat32 out = (TFloat32) result.get(0);
            out.asRawTensor().data().asFloats().read(logitsOut);
            // the new state must outlive the Result: copy it into tensors we own
            for (int l = 0; advance && l < layers; l++) {
                replace(h, l, (TFloat32) result.get(1 + 2 * l));
                replace(c, l, (TFloat32) result.get(2 + 2 * l));
            }
        }
    }

    private void replace(TFloat32[] states, int l, TFloat32 fresh) {
        fresh.asRawTensor().data().asFloats().read(stateCopy);
        states[l].asRawTensor().data().asFloats().write(stateCopy);
    }

    @Override
    protected void topOutput(float[] into) {
        h[layers - 1].asRawTensor().data().asFloats().read(into); // the state tensors hold the last step's h
    }

    @Override
    protected void resetState() {
        for (int l = 0; l < layers; l++) { // TF does not clear new tensors, and the state is rewritten in place
            h[l].asRawTensor().data().asFloats().write(zeros);
            c[l].asRawTensor().data().asFloats().write(zeros);
        }
    }

    @Override
    public void close() {
        for (int l = 0; l < layers; l++) {
            h[l].close();
            c[l].close();
        }
        xTensor.close();
        xBatchTensor.close();
        session.close();
        graph.close();
    }
}
