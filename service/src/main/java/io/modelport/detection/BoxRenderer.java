package io.modelport.detection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import io.modelport.imaging.PngImages;

/**
 * Draws detections onto a copy of the image sent, one colour per class, with the label
 * and score above each box, and encodes it as PNG at the original size.
 *
 * @author Modelport Team
 */
final class BoxRenderer {

	private BoxRenderer() {
	}

	static byte[] render(BufferedImage image, DetectionResponse response) {
		BufferedImage canvas = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas.createGraphics();
		try {
			graphics.drawImage(image, 0, 0, null);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			// Line and text sizes follow the image, so small and large pictures stay
			// readable.
			int side = Math.max(image.getWidth(), image.getHeight());
			graphics.setStroke(new BasicStroke(Math.max(1, side / 200f)));
			graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, side / 40)));
			for (DetectionResponse.DetectedObject object : response.detections()) {
				graphics.setColor(colour(object.label()));
				BoundingBox box = object.box();
				graphics.drawRect(Math.round(box.x()), Math.round(box.y()), Math.round(box.width()),
						Math.round(box.height()));
				String text = object.label() + String.format(" %.2f", object.score());
				int baseline = Math.max(graphics.getFontMetrics().getAscent(), Math.round(box.y()) - 2);
				graphics.drawString(text, Math.round(box.x()), baseline);
			}
		}
		finally {
			graphics.dispose();
		}
		return PngImages.encode(canvas);
	}

	private static Color colour(String label) {
		return Color.getHSBColor((label.hashCode() & 0xFFFF) / 65536f, 0.9f, 1f);
	}

}
