package io.modelport.faces;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Draws faces on their photo for {@code Accept: image/png}: each box, its 68 landmarks,
 * and a label (a name, or the face's index and score) on a dark plate, kept inside the
 * photo: above the box when there is room, else inside its top edge. Line width and font
 * size follow the photo's size so labels stay legible.
 *
 * @author Modelport Team
 */
public final class FaceDrawing {

	private static final Color KNOWN = new Color(40, 220, 90);

	private static final Color UNKNOWN = new Color(255, 190, 40);

	private FaceDrawing() {
	}

	/**
	 * Draws the faces.
	 * @param photo the photo (not changed)
	 * @param faces the faces
	 * @param labels one label per face; a {@code null} label draws the face as unknown
	 * @param names whether the labels are names (known faces drawn green)
	 * @return the PNG bytes
	 */
	public static byte[] png(BufferedImage photo, List<FaceView> faces, List<String> labels, boolean names) {
		BufferedImage canvas = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = canvas.createGraphics();
		g.drawImage(photo, 0, 0, null);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		int side = Math.min(photo.getWidth(), photo.getHeight());
		float line = Math.max(1.5f, side / 200f);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, Math.min(28, side / 28))));
		for (int i = 0; i < faces.size(); i++) {
			FaceView face = faces.get(i);
			String label = labels.get(i);
			Color colour = (names && label != null) ? KNOWN : UNKNOWN;
			g.setColor(colour);
			g.setStroke(new BasicStroke(line));
			FaceView.Box b = face.box();
			g.drawRect((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()),
					(int) Math.round(b.height()));
			int dot = Math.max(2, Math.round(line * 1.2f));
			for (double[] p : face.landmarks()) {
				g.fillOval((int) Math.round(p[0] - dot / 2.0), (int) Math.round(p[1] - dot / 2.0), dot, dot);
			}
			String text = (label != null) ? label
					: (names ? "unknown" : "#" + face.index() + " " + Math.round(face.score() * 100) + "%");
			label(g, canvas, text, b, colour);
		}
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(canvas, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void label(Graphics2D g, BufferedImage canvas, String text, FaceView.Box b, Color colour) {
		FontMetrics metrics = g.getFontMetrics();
		int pad = 3;
		int w = metrics.stringWidth(text) + 2 * pad;
		int h = metrics.getHeight() + pad;
		int x = (int) Math.round(b.x());
		int y = (int) Math.round(b.y()) - h;
		if (y < 0) {
			y = (int) Math.round(b.y());
		}
		x = Math.max(0, Math.min(x, canvas.getWidth() - w));
		y = Math.max(0, Math.min(y, canvas.getHeight() - h));
		g.setColor(new Color(0, 0, 0, 190));
		g.fillRect(x, y, w, h);
		g.setColor(colour);
		g.drawString(text, x + pad, y + pad / 2 + metrics.getAscent());
	}

}
