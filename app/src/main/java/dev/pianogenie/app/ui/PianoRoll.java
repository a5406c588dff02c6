package dev.pianogenie.app.ui;

import dev.pianogenie.model.Keys;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/** A scrolling piano roll of the last seconds: time flows right to left, pitch bottom to top. */
final class PianoRoll extends Pane {
    static final double SECONDS = 8;
    private final Canvas canvas = new Canvas();
    private final Deque<double[]> notes = new ArrayDeque<>(); // key, start s, end s (NaN while sounding), velocity
    private final double[][] open = new double[Keys.NUM_KEYS][];
    private double drawnEmptyWidth = -1;
    private double drawnEmptyHeight = -1;

    PianoRoll() {
        getStyleClass().add("piano-roll");
        getChildren().add(canvas);
        setMinHeight(48); // gives way first on a small screen (a long message below needs the room)
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    void noteOn(int key, int velocity, double now) {
        noteOff(key, now);
        double[] n = {key, now, Double.NaN, velocity};
        open[key] = n;
        notes.addLast(n);
    }

    void noteOff(int key, double now) {
        if (open[key] != null) {
            open[key][2] = now;
            open[key] = null;
        }
    }

    /** Draws the roll as of {@code now}; returns whether anything was drawn (an empty roll is drawn once). */
    boolean draw(double now) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return false;
        }
        while (!notes.isEmpty() && !Double.isNaN(notes.peekFirst()[2]) && notes.peekFirst()[2] < now - SECONDS) {
            notes.removeFirst();
        }
        // an empty roll is drawn once: redrawing it every frame made the idle window re-render 60 times a second
        // (about a quarter of a core in software rendering)
        if (notes.isEmpty() && w == drawnEmptyWidth && h == drawnEmptyHeight) {
            return false;
        }
        drawnEmptyWidth = notes.isEmpty() ? w : -1;
        drawnEmptyHeight = notes.isEmpty() ? h : -1;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#121317"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#23252b"));
        for (int s = 1; s < SECONDS; s++) {
            double x = w - s / SECONDS * w;
            g.strokeLine(x, 0, x, h);
        }
        double rowH = h / Keys.NUM_KEYS;
        for (double[] n : notes) {
            double end = Double.isNaN(n[2]) ? now : n[2];
            double x0 = w - (now - n[1]) / SECONDS * w;
            double x1 = w - (now - end) / SECONDS * w;
            double y = h - (n[0] + 1) * rowH;
            g.setFill(Color.hsb(30 + n[3] / 127 * 20, 0.7, 0.55 + 0.45 * n[3] / 127));
            g.fillRect(x0, y, Math.max(2, x1 - x0), Math.max(2, rowH));
        }
        return true;
    }

    void clear() {
        notes.clear();
        java.util.Arrays.fill(open, null);
    }
}
