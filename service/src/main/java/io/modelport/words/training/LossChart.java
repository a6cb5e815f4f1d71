package io.modelport.words.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import io.modelport.imaging.PngImages;

/**
 * A line chart of a training loss curve, as a PNG ({@code loss.png} beside a trained
 * word2vec model).
 *
 * @author Modelport Team
 */
public final class LossChart {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 400;

	private static final int MARGIN = 56;

	private LossChart() {
	}

	/**
	 * Renders a curve; the vertical axis runs from 0 to the largest loss.
	 * @param curve the loss at each point, in order
	 * @param xLabel what one point is, for the horizontal axis
	 * @param title the title
	 * @return the PNG bytes
	 */
	public static byte[] render(List<Double> curve, String xLabel, String title) {
		BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			int plotWidth = WIDTH - 2 * MARGIN;
			int plotHeight = HEIGHT - 2 * MARGIN;
			double top = curve.stream().mapToDouble(Double::doubleValue).max().orElse(1);
			top = (top > 0) ? top : 1;
			g.setColor(Color.BLACK);
			g.drawRect(MARGIN, MARGIN, plotWidth, plotHeight);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
			for (int tick = 0; tick <= 4; tick++) {
				int y = MARGIN + plotHeight - tick * plotHeight / 4;
				g.drawString(String.format(Locale.ROOT, "%.2f", top * tick / 4), 8, y + 4);
			}
			g.drawString("0", MARGIN - 3, MARGIN + plotHeight + 16);
			g.drawString(Integer.toString(curve.size()), MARGIN + plotWidth - 10, MARGIN + plotHeight + 16);
			g.drawString(xLabel, MARGIN + plotWidth / 2 - 60, MARGIN + plotHeight + 36);
			g.setColor(new Color(0x1f77b4));
			g.setStroke(new BasicStroke(2f));
			Path2D.Double path = new Path2D.Double();
			for (int i = 0; i < curve.size(); i++) {
				double x = MARGIN + ((curve.size() > 1) ? (double) i / (curve.size() - 1) : 0) * plotWidth;
				double y = MARGIN + plotHeight * (1 - curve.get(i) / top);
				if (i == 0) {
					path.moveTo(x, y);
				}
				else {
					path.lineTo(x, y);
				}
			}
			g.draw(path);
			g.setColor(Color.BLACK);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
			g.drawString(title, MARGIN, MARGIN / 2 + 5);
		}
		finally {
			g.dispose();
		}
		return PngImages.encode(canvas);
	}

}
