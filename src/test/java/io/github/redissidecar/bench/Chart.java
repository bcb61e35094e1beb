package io.github.redissidecar.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A PNG of paired horizontal bars, ours and redis_exporter's, one row per measure, each row on its own scale. */
final class Chart {

    record Bar(String label, double ours, double theirs) {
    }

    private static final int WIDTH = 900;
    private static final int ROW = 64;
    private static final int LEFT = 300;
    private static final Color OURS = new Color(0x2e7d32);
    private static final Color THEIRS = new Color(0x9e9e9e);

    private Chart() {
    }

    static void write(Path file, List<Bar> bars) throws Exception {
        System.setProperty("java.awt.headless", "true");
        int height = 60 + bars.size() * ROW + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("redis-memory-sidecar (green) vs redis_exporter (grey)", 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i < bars.size(); i++) {
            drawRow(g, bars.get(i), 60 + i * ROW);
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawString("Each row has its own scale; lower is better except where marked.", 20, height - 10);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawRow(Graphics2D g, Bar bar, int y) {
        double max = Math.max(Math.max(bar.ours(), bar.theirs()), 1e-9);
        int span = WIDTH - LEFT - 120;
        g.setColor(Color.BLACK);
        g.drawString(bar.label(), 20, y + 24);
        bar(g, y + 6, (int) (span * bar.ours() / max), OURS, bar.ours());
        bar(g, y + 30, (int) (span * bar.theirs() / max), THEIRS, bar.theirs());
    }

    private static void bar(Graphics2D g, int y, int length, Color color, double value) {
        g.setColor(color);
        g.fillRect(LEFT, y, Math.max(1, length), 20);
        g.setColor(Color.BLACK);
        g.drawString(String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value), LEFT + length + 8, y + 15);
    }
}
