import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws bench/run.sh's grouped bar chart: one group per command, one bar per column, the bar's
 * height its ratio to C, with a line at 1 (as fast as C). Run as {@code java Chart.java in.tsv
 * out.png title}; the input has one "command TAB column TAB ratio" line per bar ("n/a" draws none).
 */
public final class Chart {
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 560;
  private static final int LEFT = 60;
  private static final int BOTTOM = 60;
  private static final int TOP = 50;
  private static final int LEGEND = 180;
  private static final Color[] COLORS = {
    new Color(0x4c72b0), new Color(0xdd8452), new Color(0x55a868), new Color(0xc44e52),
    new Color(0x8172b3), new Color(0x937860), new Color(0xda8bc3), new Color(0x8c8c8c)
  };

  private Chart() {}

  /** Reads the TSV of args[0] and writes the PNG args[1] titled args[2]. */
  public static void main(String[] args) throws IOException {
    Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
    Set<String> series = new LinkedHashSet<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] cells = line.split("\t");
      series.add(cells[1]);
      Map<String, Double> group = groups.computeIfAbsent(cells[0], k -> new LinkedHashMap<>());
      if (!cells[2].equals("n/a")) {
        group.put(cells[1], Double.parseDouble(cells[2]));
      }
    }
    double max = 1;
    for (Map<String, Double> group : groups.values()) {
      for (double ratio : group.values()) {
        max = Math.max(max, ratio);
      }
    }
    max = Math.ceil(max);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(args[2], LEFT, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int plotWidth = WIDTH - LEFT - LEGEND;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int baseline = HEIGHT - BOTTOM;
    int step = (int) Math.ceil(max / 10); // about ten grid lines whatever the largest ratio
    for (int tick = 0; tick <= max; tick += step) {
      gridLine(g, tick, baseline - (int) (plotHeight * tick / max), plotWidth, new Color(0xdddddd), 1);
    }
    gridLine(g, 1, baseline - (int) (plotHeight / max), plotWidth, Color.BLACK, 2); // as fast as C
    List<String> names = new ArrayList<>(series);
    int groupWidth = plotWidth / groups.size();
    int barWidth = (groupWidth - 20) / names.size();
    int x = LEFT;
    for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
      for (int i = 0; i < names.size(); i++) {
        Double ratio = group.getValue().get(names.get(i));
        if (ratio != null) {
          int h = (int) (plotHeight * ratio / max);
          g.setColor(COLORS[i % COLORS.length]);
          g.fillRect(x + 10 + i * barWidth, baseline - h, barWidth - 2, h);
        }
      }
      g.setColor(Color.BLACK);
      g.drawString(group.getKey(), x + groupWidth / 2 - g.getFontMetrics().stringWidth(group.getKey()) / 2, baseline + 20);
      x += groupWidth;
    }
    for (int i = 0; i < names.size(); i++) {
      int y = TOP + 20 * i;
      g.setColor(COLORS[i % COLORS.length]);
      g.fillRect(WIDTH - LEGEND + 20, y, 14, 14);
      g.setColor(Color.BLACK);
      g.drawString(names.get(i), WIDTH - LEGEND + 40, y + 12);
    }
    g.dispose();
    ImageIO.write(image, "png", new File(args[1]));
  }

  /** A horizontal line across the plot at the height of ratio {@code tick}, labelled on the left. */
  private static void gridLine(Graphics2D g, int tick, int y, int plotWidth, Color color, int width) {
    g.setColor(color);
    g.setStroke(new BasicStroke(width));
    g.drawLine(LEFT, y, LEFT + plotWidth, y);
    g.setColor(Color.BLACK);
    g.drawString(tick + "×", LEFT - 30, y + 4);
  }
}
