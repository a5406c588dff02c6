package dev.pianogenie.model;

import dev.pianogenie.model.io.Tensor;
import dev.pianogenie.model.io.TensorNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder's weights in the canonical (PyTorch) layout that every engine builds from:
 * {@code inputWeight [H][in]}, per layer {@code wih [4H][in_l]}, {@code whh [4H][H]} and one bias
 * {@code b_ih + b_hh [4H]}, gates (i, f, g, o), no forget offset; {@code outputWeight [88][H]}.
 * Arrays are shared, not copied: read-only by convention.
 */
public record DecoderWeights(
        int inputWidth,
        int hidden,
        float[] inputWeight,
        float[] inputBias,
        List<float[]> wih,
        List<float[]> whh,
        List<float[]> bias,
        float[] outputWeight,
        float[] outputBias) {

    public DecoderWeights {
        wih = List.copyOf(wih);
        whh = List.copyOf(whh);
        bias = List.copyOf(bias);
        int layers = wih.size();
        check(inputWeight.length == hidden * inputWidth, "input weight");
        check(inputBias.length == hidden, "input bias");
        check(whh.size() == layers && bias.size() == layers && layers > 0, "layer count");
        for (int l = 0; l < layers; l++) {
            check(wih.get(l).length == 4 * hidden * hidden, "layer " + l + " input weight");
            check(whh.get(l).length == 4 * hidden * hidden, "layer " + l + " recurrent weight");
            check(bias.get(l).length == 4 * hidden, "layer " + l + " bias");
        }
        check(outputWeight.length == Keys.NUM_KEYS * hidden, "output weight");
        check(outputBias.length == Keys.NUM_KEYS, "output bias");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("decoder weights: wrong size of the " + what);
        }
    }

    public int layers() {
        return wih.size();
    }

    /**
     * From tensors named as in our files ({@code dec.input.weight}, {@code dec.lstm.weight_ih_l0}, ...).
     *
     * @throws IllegalArgumentException naming the missing or mis-shaped tensor
     */
    public static DecoderWeights fromTensors(java.util.Map<String, Tensor> t, int inputWidth) {
        Tensor in = require(t, TensorNames.DEC_INPUT_WEIGHT);
        int hidden = in.shape()[0];
        shape(in, hidden, inputWidth);
        List<float[]> wih = new ArrayList<>();
        List<float[]> whh = new ArrayList<>();
        List<float[]> bias = new ArrayList<>();
        for (int l = 0; t.containsKey(TensorNames.decLstm("weight_ih", l)); l++) {
            wih.add(shape(require(t, TensorNames.decLstm("weight_ih", l)), 4 * hidden, hidden)
                    .data());
            whh.add(shape(require(t, TensorNames.decLstm("weight_hh", l)), 4 * hidden, hidden)
                    .data());
            float[] bi = shape(require(t, TensorNames.decLstm("bias_ih", l)), 4 * hidden)
                    .data();
            float[] bh = shape(require(t, TensorNames.decLstm("bias_hh", l)), 4 * hidden)
                    .data();
            float[] b = new float[4 * hidden];
            for (int i = 0; i < b.length; i++) {
                b[i] = bi[i] + bh[i];
            }
            bias.add(b);
        }
        if (wih.isEmpty()) {
            throw new IllegalArgumentException("missing tensor " + TensorNames.decLstm("weight_ih", 0));
        }
        return new DecoderWeights(
                inputWidth,
                hidden,
                in.data(),
                shape(require(t, TensorNames.DEC_INPUT_BIAS), hidden).data(),
                wih,
                whh,
                bias,
                shape(require(t, TensorNames.DEC_OUTPUT_WEIGHT), Keys.NUM_KEYS, hidden)
                        .data(),
                shape(require(t, TensorNames.DEC_OUTPUT_BIAS), Keys.NUM_KEYS).data());
    }

    private static Tensor require(java.util.Map<String, Tensor> t, String name) {
        Tensor x = t.get(name);
        if (x == null) {
            throw new IllegalArgumentException("missing tensor " + name);
        }
        return x;
    }

    private static Tensor shape(Tensor t, int... expected) {
        if (!t.hasShape(expected)) {
            throw new IllegalArgumentException("tensor " + t.name() + " has shape " + t.shapeString() + ", expected "
                    + java.util.Arrays.toString(expected));
        }
        return t;
    }
}
