package dev.pianogenie.model.io;

/**
 * Checkpoint tensor names, defined once. Ours (and the tutorial's) are PyTorch's; the paper's are TF's.
 */
public final class TensorNames {
    public static final String DEC_INPUT_WEIGHT = "dec.input.weight";
    public static final String DEC_INPUT_BIAS = "dec.input.bias";
    public static final String DEC_OUTPUT_WEIGHT = "dec.output.weight";
    public static final String DEC_OUTPUT_BIAS = "dec.output.bias";
    public static final String DECODER_PREFIX = "dec.";
    public static final String ENCODER_PREFIX = "enc.";
    /** The velocity output (format version 2): a small MLP over the decoder's top LSTM output, the key and past velocities. */
    public static final String VELOCITY_PREFIX = "vel.";

    public static final String VEL_HIDDEN_WEIGHT = "vel.hidden.weight";
    public static final String VEL_HIDDEN_BIAS = "vel.hidden.bias";
    public static final String VEL_OUTPUT_WEIGHT = "vel.output.weight";
    public static final String VEL_OUTPUT_BIAS = "vel.output.bias";

    /** The paper's TF.js checkpoint (magenta/piano_genie, {@code phero_model}). */
    public static final String TF_PREFIX = "phero_model/decoder/";

    public static final String TF_INPUT_KERNEL = TF_PREFIX + "rnn_input/dense/kernel";
    public static final String TF_INPUT_BIAS = TF_PREFIX + "rnn_input/dense/bias";
    public static final String TF_OUTPUT_KERNEL = TF_PREFIX + "pitches/dense/kernel";
    public static final String TF_OUTPUT_BIAS = TF_PREFIX + "pitches/dense/bias";

    private TensorNames() {}

    /** Every decoder tensor name of a model with this many LSTM layers. */
    public static java.util.Set<String> decoderNames(int layers) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(
                java.util.List.of(DEC_INPUT_WEIGHT, DEC_INPUT_BIAS, DEC_OUTPUT_WEIGHT, DEC_OUTPUT_BIAS));
        for (int l = 0; l < layers; l++) {
            for (String kind : new String[] {"weight_ih", "weight_hh", "bias_ih", "bias_hh"}) {
                names.add(decLstm(kind, l));
            }
        }
        return names;
    }

    /** The velocity output's tensors. */
    public static java.util.Set<String> velocityNames() {
        return new java.util.LinkedHashSet<>(
                java.util.List.of(VEL_HIDDEN_WEIGHT, VEL_HIDDEN_BIAS, VEL_OUTPUT_WEIGHT, VEL_OUTPUT_BIAS));
    }

    /**
     * Every encoder tensor with its shape: a linear layer in, a bidirectional LSTM of {@code layers} layers
     * (gates stacked, PyTorch's names with {@code _reverse} for the backward direction), a linear layer to one value.
     */
    public static java.util.Map<String, int[]> encoderShapes(int hidden, int layers, int inputWidth) {
        java.util.Map<String, int[]> shapes = new java.util.LinkedHashMap<>();
        shapes.put(ENCODER_PREFIX + "input.weight", new int[] {hidden, inputWidth});
        shapes.put(ENCODER_PREFIX + "input.bias", new int[] {hidden});
        for (int l = 0; l < layers; l++) {
            for (String direction : new String[] {"", "_reverse"}) {
                String suffix = "_l" + l + direction;
                shapes.put(
                        ENCODER_PREFIX + "lstm.weight_ih" + suffix,
                        new int[] {4 * hidden, l == 0 ? hidden : 2 * hidden});
                shapes.put(ENCODER_PREFIX + "lstm.weight_hh" + suffix, new int[] {4 * hidden, hidden});
                shapes.put(ENCODER_PREFIX + "lstm.bias_ih" + suffix, new int[] {4 * hidden});
                shapes.put(ENCODER_PREFIX + "lstm.bias_hh" + suffix, new int[] {4 * hidden});
            }
        }
        shapes.put(ENCODER_PREFIX + "output.weight", new int[] {1, 2 * hidden});
        shapes.put(ENCODER_PREFIX + "output.bias", new int[] {1});
        return shapes;
    }

    public static String decLstm(String kind, int layer) {
        return "dec.lstm." + kind + "_l" + layer;
    }

    public static String tfCellKernel(int layer) {
        return TF_PREFIX + "rnn/rnn/multi_rnn_cell/cell_" + layer + "/lstm_cell/kernel";
    }

    public static String tfCellBias(int layer) {
        return TF_PREFIX + "rnn/rnn/multi_rnn_cell/cell_" + layer + "/lstm_cell/bias";
    }
}
