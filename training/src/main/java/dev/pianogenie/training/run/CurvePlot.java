package dev.pianogenie.training.run;

import dev.pianogenie.files.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws {@code curve.csv} as a PNG: training losses (smoothed over a window of steps) on top, validation
 * perplexity below, against the step.
 */
public final class CurvePlot {
    private CurvePlot() {}

    public static void render(Path csv, Path png) throws IOException {
        List<String[]> rows = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",", -1);
            if (!line.startsWith("step") && !line.isBlank() && f.length >= 12) {
                rows.add(f);
            }
        }
        // smooth over up to 100 steps, fewer for a short run, so its training loss is drawn from the first steps on
        int window = (int) Math.max(1, Math.min(100, rows.size() / 50));
        String smoothing = window == 1 ? "each step" : "mean of " + window + " steps";
        XYSeries loss = new XYSeries("training reconstruction loss (nats, " + smoothing + ")");
        XYSeries total = new XYSeries("training total loss (" + smoothing + ")");
        XYSeries valCe = new XYSeries("validation reconstruction loss");
        XYSeries valPpl = new XYSeries("validation perplexity");
        double sumCe = 0;
        double sumTotal = 0;
        int n = 0;
        for (String[] f : rows) {
            long step = Long.parseLong(f[0]);
            if (!f[8].isEmpty()) { // the starting validation (a fine-tune's step 0) has a row without training columns
                valCe.add(step, Double.parseDouble(f[8]));
                valPpl.add(step, Double.parseDouble(f[9]));
            }
            if (f[1].isEmpty()) {
                continue;
            }
            sumTotal += Double.parseDouble(f[1]);
            sumCe += Double.parseDouble(f[2]);
            n++;
            if (n == window) {
                loss.add(step, sumCe / n);
                total.add(step, sumTotal / n);
                sumCe = 0;
                sumTotal = 0;
                n = 0;
            }
        }
        XYSeriesCollection losses = new XYSeriesCollection();
        losses.addSeries(total);
        losses.addSeries(loss);
        losses.addSeries(valCe);
        XYPlot top = new XYPlot(
                losses,
                null,
                new NumberAxis("loss"),
                renderer(false, new Color(0xC0392B), new Color(0x2E86C1), new Color(0x1E8449)));
        ((XYLineAndShapeRenderer) top.getRenderer()).setSeriesShapesVisible(2, true); // validation points, few
        NumberAxis pplAxis = new NumberAxis("validation PPL");
        pplAxis.setAutoRangeIncludesZero(false);
        XYPlot bottom = new XYPlot(new XYSeriesCollection(valPpl), null, pplAxis, renderer(true, new Color(0x1E8449)));
        ((NumberAxis) top.getRangeAxis()).setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("step"));
        plot.add(top, 2);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart("Piano Genie training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        // readable at a glance: larger axis labels, ticks and legend than JFreeChart's defaults
        java.awt.Font label = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 18);
        java.awt.Font ticks = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 15);
        for (org.jfree.chart.axis.ValueAxis a :
                new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), top.getRangeAxis(), bottom.getRangeAxis()
                }) {
            a.setLabelFont(label);
            a.setTickLabelFont(ticks);
        }
        chart.getLegend().setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 15));
        // ImageIO's default disk cache registers a shutdown hook, which fails while a stopped run (Ctrl-C) draws
        // its last curve during the JVM's shutdown: encode in memory
        javax.imageio.ImageIO.setUseCache(false);
        AtomicFile.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, 1000, 700));
    }

    /** Fixed, print-safe colours: JFreeChart's default sequence gives the second plot's only series pale yellow. */
    private static XYLineAndShapeRenderer renderer(boolean shapes, Color... colours) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesStroke(i, new BasicStroke(1.5f));
            r.setSeriesPaint(i, colours[i]);
        }
        return r;
    }
}
