package dev.pianogenie.app.ui;

import dev.pianogenie.model.Keys;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The 88-key piano: sounding keys light up; above it a heat strip shows the decoder's probabilities for
 * the last press ("what the genie considered"); keys outside the allowed set are dimmed; a dot in each button's
 * colour (numbered where there is room) marks the key that button would play next.
 */
final class PianoView extends Pane {
    private static final Color LIT = Color.web("#ffb347");
    private static final Color HEAT = Color.web("#4fc3f7");
    private final Canvas canvas = new Canvas();
    private final boolean[] sounding = new boolean[Keys.NUM_KEYS]; // a key sounds once: the performer re-strikes
    private final float[] probabilities = new float[Keys.NUM_KEYS];
    private final boolean[] allowed = new boolean[Keys.NUM_KEYS];
    private final int[] next = new int[Keys.MAX_BUTTONS]; // per button, the key it would play next; -1: none
    private int buttons = Keys.DEFAULT_BUTTONS; // the model's, from its look-ahead
    private boolean showHeat = true;

    PianoView() {
        getStyleClass().add("piano");
        getChildren().add(canvas);
        java.util.Arrays.fill(allowed, true);
        java.util.Arrays.fill(next, -1);
        setMinHeight(120);
        setPrefHeight(170);
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    void keyDown(int key) {
        sounding[key] = true;
        draw();
    }

    void keyUp(int key) {
        sounding[key] = false;
        draw();
    }

    boolean isSounding(int key) {
        return sounding[key];
    }

    void clear() {
        java.util.Arrays.fill(sounding, false);
        draw();
    }

    void probabilities(float[] p) {
        System.arraycopy(p, 0, probabilities, 0, Keys.NUM_KEYS);
        draw();
    }

    void allowed(java.util.BitSet keys) {
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            allowed[k] = keys.get(k);
        }
        draw();
    }

    /** Marks, per button, the key it would play next. */
    void lookahead(int[] keys) {
        System.arraycopy(keys, 0, next, 0, keys.length);
        buttons = keys.length;
        draw();
    }

    /** The key marked for {@code button} (-1: none). */
    int marked(int button) {
        return next[button];
    }

    void showHeat(boolean show) {
        showHeat = show;
        draw();
    }

    static boolean isBlack(int key) {
        int pc = (key + Keys.LOWEST_PITCH) % 12;
        return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
    }

    static final int WHITE_KEYS = 52;

    /** The left edge of {@code key} on a piano {@code width} wide (the roll below uses the same columns). */
    static double keyX(int key, double width) {
        double ww = width / WHITE_KEYS;
        int whitesBefore = 0;
        for (int k = 0; k < key; k++) {
            whitesBefore += isBlack(k) ? 0 : 1;
        }
        return isBlack(key) ? whitesBefore * ww - ww * 0.32 : whitesBefore * ww;
    }

    /** How wide {@code key} is drawn on a piano {@code width} wide. */
    static double keyWidth(int key, double width) {
        double ww = width / WHITE_KEYS;
        return isBlack(key) ? ww * 0.64 : ww - 1;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#1b1d22"));
        g.fillRect(0, 0, w, h);
        double heatH = showHeat ? Math.min(36, h * 0.22) : 0;
        double keysTop = heatH + 4;
        double keysH = h - keysTop;
        double ww = w / WHITE_KEYS;
        float max = 1e-6f;
        for (float p : probabilities) {
            max = Math.max(max, p);
        }
        double[] x = new double[Keys.NUM_KEYS];
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            x[k] = keyX(k, w);
            if (!isBlack(k)) {
                g.setFill(sounding[k] ? LIT : allowed[k] ? Color.web("#f4f1ea") : Color.web("#8a8780"));
                g.fillRect(x[k] + 0.5, keysTop, ww - 1, keysH);
            }
        }
        for (int k = 0; k < Keys.NUM_KEYS; k++) {
            if (isBlack(k)) {
                g.setFill(sounding[k] ? LIT : allowed[k] ? Color.web("#16171a") : Color.web("#4a4a4a"));
                g.fillRect(x[k], keysTop, ww * 0.64, keysH * 0.62);
            }
        }
        drawMarkers(g, x, ww, keysTop, keysH);
        if (showHeat) {
            for (int k = 0; k < Keys.NUM_KEYS; k++) {
                double a = probabilities[k] / max;
                if (a > 0.005) {
                    g.setFill(HEAT.deriveColor(0, 1, 1, Math.min(1, 0.15 + a)));
                    double kw = isBlack(k) ? ww * 0.64 : ww - 1;
                    g.fillRect(x[k], heatH * (1 - a), kw, heatH * a);
                }
            }
        }
    }

    /** A dot per button at the foot of the key it would play; buttons that share a key stack upwards. */
    private void drawMarkers(GraphicsContext g, double[] x, double ww, double keysTop, double keysH) {
        double r = Math.max(3.5, Math.min(11, ww * 0.32));
        boolean numbered = r >= 6.5;
        g.setFont(javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, r * 1.25));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.setLineWidth(1.5);
        int[] stacked = new int[Keys.NUM_KEYS];
        for (int b = 0; b < buttons; b++) {
            int k = next[b];
            if (k < 0) {
                continue;
            }
            boolean black = isBlack(k);
            double cx = black ? x[k] + ww * 0.32 : x[k] + ww / 2;
            double bottom = black ? keysTop + keysH * 0.62 : keysTop + keysH;
            double cy = bottom - r - 4 - stacked[k]++ * (2 * r + 2);
            g.setFill(ButtonPad.colour(b, buttons));
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setStroke(Color.web("#15161a"));
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
            if (numbered) {
                g.setFill(Color.web("#15161a"));
                g.fillText(Integer.toString(b + 1), cx, cy + 0.5);
            }
        }
    }
}
