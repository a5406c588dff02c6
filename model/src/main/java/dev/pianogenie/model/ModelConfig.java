package dev.pianogenie.model;

import java.util.Map;
import java.util.Objects;

/**
 * A model's architecture and provenance: the one record of its hyper-parameters, shared by the streaming
 * decoder, the training network and the model files.
 *
 * @param name       a short human name ("Piano Genie (paper, 2018)")
 * @param encoding   how inputs are encoded (ΔT buckets or scalar, start token)
 * @param cell       the LSTM weight convention of the files the model came from
 * @param rnnDim     LSTM width of the decoder (128 in both published models): what the live path runs
 * @param rnnLayers  LSTM layers in the decoder (and per direction in the encoder)
 * @param hasEncoder whether the folder also holds the encoder (needed for eval and fine-tuning)
 * @param provenance free-form facts: source, licence, training command, steps, data
 * @param encoderRnnDim LSTM width of the encoder, which only training and eval run (0 in a file written before it
 *                   existed, or given as 0: the decoder's width)
 * @param velocityUnits width of the velocity output's hidden layer ({@link VelocityHead}); 0: the model has no
 *                   velocity output (every model before format version 2, the TF.js imports) and plays at a fixed velocity
 * @param numButtons how many buttons the model is played with ({@value Keys#MIN_BUTTONS}..{@value Keys#MAX_BUTTONS}):
 *                   the IQAE's levels, so the button values q = 2b/(n−1) − 1 the decoder was trained on. 0 (a file
 *                   without the field: both published models, the TF.js imports, every model before it existed) means
 *                   {@value Keys#DEFAULT_BUTTONS}. The network's shapes do not depend on it (q is one input)
 */
public record ModelConfig(
        String name,
        FeatureEncoding encoding,
        CellConvention cell,
        int rnnDim,
        int rnnLayers,
        boolean hasEncoder,
        Map<String, String> provenance,
        int encoderRnnDim,
        int velocityUnits,
        int numButtons) {

    public static final int NUM_KEYS = Keys.NUM_KEYS;
    public static final int MAX_RNN_DIM = 4096;
    public static final int MAX_RNN_LAYERS = 16;
    public static final int MAX_VELOCITY_UNITS = 1024;
    /** The velocity output's hidden layer in a model genie trains unless told otherwise. */
    public static final int DEFAULT_VELOCITY_UNITS = 128;

    public ModelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(cell, "cell");
        if (rnnDim < 1 || rnnDim > MAX_RNN_DIM) {
            throw new IllegalArgumentException("rnnDim must be 1.." + MAX_RNN_DIM + ", was " + rnnDim);
        }
        if (rnnLayers < 1 || rnnLayers > MAX_RNN_LAYERS) {
            throw new IllegalArgumentException("rnnLayers must be 1.." + MAX_RNN_LAYERS + ", was " + rnnLayers);
        }
        // sorted: the same facts are written in the same order into every checkpoint header and model.json
        // (Map.copyOf's order changes from one JVM run to the next)
        provenance = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.copyOf(provenance)));
        if (encoderRnnDim == 0) {
            encoderRnnDim = rnnDim;
        }
        if (encoderRnnDim < 1 || encoderRnnDim > MAX_RNN_DIM) {
            throw new IllegalArgumentException("encoderRnnDim must be 1.." + MAX_RNN_DIM + ", was " + encoderRnnDim);
        }
        if (velocityUnits < 0 || velocityUnits > MAX_VELOCITY_UNITS) {
            throw new IllegalArgumentException(
                    "velocityUnits must be 0.." + MAX_VELOCITY_UNITS + ", was " + velocityUnits);
        }
        if (numButtons == 0) {
            numButtons = Keys.DEFAULT_BUTTONS;
        }
        if (numButtons < Keys.MIN_BUTTONS || numButtons > Keys.MAX_BUTTONS) {
            throw new IllegalArgumentException(
                    "numButtons must be " + Keys.MIN_BUTTONS + ".." + Keys.MAX_BUTTONS + ", was " + numButtons);
        }
    }

    /** {@value Keys#DEFAULT_BUTTONS} buttons. */
    public ModelConfig(
            String name,
            FeatureEncoding encoding,
            CellConvention cell,
            int rnnDim,
            int rnnLayers,
            boolean hasEncoder,
            Map<String, String> provenance,
            int encoderRnnDim,
            int velocityUnits) {
        this(
                name,
                encoding,
                cell,
                rnnDim,
                rnnLayers,
                hasEncoder,
                provenance,
                encoderRnnDim,
                velocityUnits,
                Keys.DEFAULT_BUTTONS);
    }

    /** No velocity output. */
    public ModelConfig(
            String name,
            FeatureEncoding encoding,
            CellConvention cell,
            int rnnDim,
            int rnnLayers,
            boolean hasEncoder,
            Map<String, String> provenance,
            int encoderRnnDim) {
        this(name, encoding, cell, rnnDim, rnnLayers, hasEncoder, provenance, encoderRnnDim, 0);
    }

    /** An encoder as wide as the decoder (both published models). */
    public ModelConfig(
            String name,
            FeatureEncoding encoding,
            CellConvention cell,
            int rnnDim,
            int rnnLayers,
            boolean hasEncoder,
            Map<String, String> provenance) {
        this(name, encoding, cell, rnnDim, rnnLayers, hasEncoder, provenance, rnnDim, 0);
    }

    /** The paper's configuration: 33-bucket ΔT one-hot, LSTM(128) × 2. */
    public static ModelConfig paperDefaults(String name) {
        return new ModelConfig(name, FeatureEncoding.PAPER, CellConvention.TORCH_IFGO, 128, 2, true, Map.of());
    }

    public int decoderInputWidth() {
        return encoding.decoderWidth();
    }

    public int encoderInputWidth() {
        return encoding.encoderWidth();
    }

    public ModelConfig withName(String newName) {
        return new ModelConfig(
                newName,
                encoding,
                cell,
                rnnDim,
                rnnLayers,
                hasEncoder,
                provenance,
                encoderRnnDim,
                velocityUnits,
                numButtons);
    }

    public ModelConfig withProvenance(Map<String, String> p) {
        return new ModelConfig(
                name, encoding, cell, rnnDim, rnnLayers, hasEncoder, p, encoderRnnDim, velocityUnits, numButtons);
    }

    /** The same network with a velocity output of {@code units} hidden units (0: without one). */
    public ModelConfig withVelocityUnits(int units) {
        return new ModelConfig(
                name, encoding, cell, rnnDim, rnnLayers, hasEncoder, provenance, encoderRnnDim, units, numButtons);
    }

    /** The same network played with {@code n} buttons (the shapes are the same: q is one input). */
    public ModelConfig withNumButtons(int n) {
        return new ModelConfig(
                name, encoding, cell, rnnDim, rnnLayers, hasEncoder, provenance, encoderRnnDim, velocityUnits, n);
    }

    /** Whether the decoder predicts each note's velocity. */
    public boolean predictsVelocity() {
        return velocityUnits > 0;
    }
}
