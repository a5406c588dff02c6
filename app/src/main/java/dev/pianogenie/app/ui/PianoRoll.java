package dev.pianogenie.app.ui;

import dev.pianogenie.model.Keys;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The last seconds of playing under the piano, each note in its key's column (so a note is read off the keyboard
 * above it, however short the roll): the newest at the top, older ones moving down. A low roll (a small screen)
 * shows fewer seconds, never thinner notes.
 */
final class PianoRoll extends Pane {
    /** How fast notes move down: a 100 px roll (1024×600) shows the last 4 s, a tall one more. */
    static final double PIXELS_PER_SECOND = 25;

    private final Canvas canvas = new Canvas();
    private final Deque<double[]> notes = new ArrayDeque<>(); // key, start s, end s (NaN while sounding), velocity
    private final double[][] open = new double[Keys.NUM_KEYS][];
    private double drawnEmptyWidth = -1;
    private double drawnEmptyHeight = -1;

    PianoRoll() {
        getStyleClass().add("piano-roll");
        getChildren().add(canvas);
        setMinHeight(48); // gives way first on a small screen
        setPrefHeight(160);
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

    /** Whether the roll draws {@code key} as sounding now (tests). */
    boolean isOpen(int key) {
        return open[key] != null;
    }

    /** Draws the roll as of {@code now}; returns whether anything was drawn (an empty roll is drawn once). */
    boolean draw(double now) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return false;
        }
        double seconds = h / PIXELS_PER_SECOND;
        while (!notes.isEmpty() && !Double.isNaN(notes.peekFirst()[2]) && notes.peekFirst()[2] < now - seconds) {
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
        for (int s = 1; s < seconds; s++) { // a line a second
            g.strokeLine(0, s * PIXELS_PER_SECOND, w, s * PIXELS_PER_SECOND);
        }
        for (double[] n : notes) {
            int key = (int) n[0];
            double end = Double.isNaN(n[2]) ? now : n[2];
            double top = (now - end) * PIXELS_PER_SECOND;
            double bottom = (now - n[1]) * PIXELS_PER_SECOND;
            g.setFill(velocityColour(n[3]));
            g.fillRect(PianoView.keyX(key, w), top, PianoView.keyWidth(key, w), Math.max(2, bottom - top));
        }
        return true;
    }

    /** A note's colour by its velocity: a soft note dim and amber, a loud one bright and yellow, so dynamics are seen. */
    static Color velocityColour(double velocity) {
        double v = Math.max(1, Math.min(127, velocity)) / 127;
        return Color.hsb(28 + v * 24, 0.75, 0.3 + 0.7 * v);
    }

    void clear() {
        notes.clear();
        java.util.Arrays.fill(open, null);
    }
}
