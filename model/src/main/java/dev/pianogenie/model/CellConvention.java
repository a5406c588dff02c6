package dev.pianogenie.model;

/**
 * How an LSTM's weights are laid out in a checkpoint. Loaders convert every convention to the canonical
 * in-memory one ({@link #TORCH_IFGO}); the config records what the files hold.
 */
public enum CellConvention {
    /**
     * TensorFlow's basic LSTM cell (the paper's model): one kernel [in + h, 4h] over {@code [x, h]},
     * gates (i, j, f, o), and a forget bias of +1 added at run time.
     */
    TF_IJFO_FORGET_BIAS_1,
    /**
     * PyTorch's {@code nn.LSTM} (the tutorial's model and ours): {@code weight_ih [4h, in]},
     * {@code weight_hh [4h, h]}, {@code bias_ih + bias_hh}, gates (i, f, g, o), no forget offset.
     */
    TORCH_IFGO;

    /** Where the forget gate sits in PyTorch's order (i, f, g, o). */
    public static final int TORCH_FORGET_GATE = 1;

    /** TensorFlow's gate position of each PyTorch gate, and back: (i, f, g, o) ↔ (i, j = g, f, o) swap f and g. */
    private static final int[] OTHER_ORDER = {0, 2, 1, 3};

    /**
     * The LSTM gate order, in one place: the position in TensorFlow's order (i, j, f, o) of the gate at {@code gate} in
     * PyTorch's (i, f, g, o) — and, as the two orders differ by one swap, the PyTorch position of TensorFlow's.
     */
    public static int otherGateOrder(int gate) {
        return OTHER_ORDER[gate];
    }
}
