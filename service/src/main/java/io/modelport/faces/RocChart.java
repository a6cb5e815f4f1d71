package io.modelport.faces;

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
 * Draws a verifier's ROC curve as a PNG: false accept rate across, true accept rate up,
 * the chance diagonal for reference, and the area under the curve in the title. It paints
 * into an off-screen {@link BufferedImage}, which needs no display, so it works on
 * headless servers without changing any global AWT setting.
 *
 * @author Modelport Team
 */
public final class RocChart {

	/** The default side of the square chart, in pixels. */
	public static final int DEFAULT_SIZE = 480;

	private static final int MARGIN = 56;

	private static final Color CURVE = new Color(0x1f77b4);

	private RocChart() {
	}

	/**
	 * Renders a curve at the default size.
	 * @param curve the points, ordered by false accept rate
	 * @param title the text before the AUC in the title, for example the model name
	 * @return the PNG bytes
	 */
	public static byte[] render(List<RocPoint> curve, String title) {
		return render(curve, title, DEFAULT_SIZE);
	}

	/**
	 * Renders a curve.
	 * @param curve the points, ordered by false accept rate
	 * @param title the text before the AUC in the title, for example the model name
	 * @param size the width and height of the picture, at least 200 pixels
	 * @return the PNG bytes
	 */
	public static byte[] render(List<RocPoint> curve, String title, int size) {
		if (size < 200) {
			throw new IllegalArgumentException("a ROC chart needs at least 200 pixels, not " + size);
		}
		BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, size, size);
			int plot = size - 2 * MARGIN;
			drawAxes(graphics, plot);
			graphics.setColor(Color.GRAY);
			graphics.setStroke(
					new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 4f, 4f }, 0f));
			graphics.drawLine(x(0, plot), y(0, plot), x(1, plot), y(1, plot));
			graphics.setColor(CURVE);
			graphics.setStroke(new BasicStroke(2f));
			graphics.draw(path(curve, plot));
			graphics.setColor(Color.BLACK);
			graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
			String heading = String.format(Locale.ROOT, "%s  (AUC %.4f)", title, VerificationMetrics.areaUnder(curve));
			graphics.drawString(heading, MARGIN, MARGIN / 2 + 5);
		}
		finally {
			graphics.dispose();
		}
		return PngImages.encode(canvas);
	}

	private static void drawAxes(Graphics2D graphics, int plot) {
		graphics.setColor(Color.BLACK);
		graphics.setStroke(new BasicStroke(1f));
		graphics.drawRect(MARGIN, MARGIN, plot, plot);
		graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		for (int tick = 0; tick <= 4; tick++) {
			double rate = tick / 4.0;
			String label = String.format(Locale.ROOT, "%.2f", rate);
			graphics.drawLine(x(rate, plot), y(0, plot), x(rate, plot), y(0, plot) + 4);
			graphics.drawString(label, x(rate, plot) - 11, y(0, plot) + 17);
			graphics.drawLine(x(0, plot) - 4, y(rate, plot), x(0, plot), y(rate, plot));
			graphics.drawString(label, x(0, plot) - 32, y(rate, plot) + 4);
		}
		graphics.drawString("false accept rate", MARGIN + plot / 2 - 45, MARGIN + plot + 36);
		// The vertical axis title is written rotated, reading upwards.
		Graphics2D rotated = (Graphics2D) graphics.create();
		try {
			rotated.rotate(-Math.PI / 2);
			rotated.drawString("true accept rate", -(MARGIN + plot / 2 + 42), MARGIN - 36);
		}
		finally {
			rotated.dispose();
		}
	}

	private static Path2D path(List<RocPoint> curve, int plot) {
		Path2D.Double path = new Path2D.Double();
		for (int i = 0; i < curve.size(); i++) {
			double px = MARGIN + curve.get(i).far() * plot;
			double py = MARGIN + (1 - curve.get(i).tar()) * plot;
			if (i == 0) {
				path.moveTo(px, py);
			}
			else {
				path.lineTo(px, py);
			}
		}
		return path;
	}

	private static int x(double far, int plot) {
		return MARGIN + (int) Math.round(far * plot);
	}

	private static int y(double tar, int plot) {
		return MARGIN + (int) Math.round((1 - tar) * plot);
	}

}
