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
    TORCH_IFGO
}
