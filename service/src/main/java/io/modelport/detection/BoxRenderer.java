package io.modelport.detection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import io.modelport.imaging.PngImages;

/**
 * Draws detections onto a copy of the image sent, one colour per class, with the label
 * and score on a filled tag at each box, and encodes it as PNG. An image smaller than
 * {@link #MIN_SIDE} pixels is first enlarged by a whole factor (pixels kept sharp), so a
 * 96×96 scene's labels are legible rather than larger than its objects; tags are kept
 * inside the image.
 *
 * @author Modelport Team
 */
final class BoxRenderer {

	/** The longer side a rendered image is enlarged to at least. */
	static final int MIN_SIDE = 480;

	private BoxRenderer() {
	}

	static int scale(int width, int height) {
		int side = Math.max(1, Math.max(width, height));
		return Math.max(1, (MIN_SIDE + side - 1) / side);
	}

	static byte[] render(BufferedImage image, DetectionResponse response) {
		int scale = scale(image.getWidth(), image.getHeight());
		int width = image.getWidth() * scale;
		int height = image.getHeight() * scale;
		BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = canvas.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
					RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			graphics.drawImage(image, 0, 0, width, height, null);
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			// Line and text sizes follow the (enlarged) image.
			int side = Math.max(width, height);
			graphics.setStroke(new BasicStroke(Math.max(1, side / 200f)));
			graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, side / 40)));
			FontMetrics metrics = graphics.getFontMetrics();
			for (DetectionResponse.DetectedObject object : response.detections()) {
				Color colour = colour(object.label());
				BoundingBox box = object.box();
				int x = Math.round(box.x() * scale);
				int y = Math.round(box.y() * scale);
				graphics.setColor(colour);
				graphics.drawRect(x, y, Math.round(box.width() * scale), Math.round(box.height() * scale));
				String text = object.label() + String.format(" %.2f", object.score());
				int tagWidth = metrics.stringWidth(text) + 4;
				int tagHeight = metrics.getAscent() + metrics.getDescent();
				// Above the box where there is room, inside its top edge otherwise; never
				// past the image's right or bottom edge.
				int tagX = Math.max(0, Math.min(x, width - tagWidth));
				int tagY = (y - tagHeight >= 0) ? y - tagHeight : Math.min(y, height - tagHeight);
				graphics.fillRect(tagX, Math.max(0, tagY), tagWidth, tagHeight);
				// Black on light tags, white on dark ones.
				double luminance = 0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue();
				graphics.setColor((luminance < 140) ? Color.WHITE : Color.BLACK);
				graphics.drawString(text, tagX + 2, Math.max(0, tagY) + metrics.getAscent());
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
