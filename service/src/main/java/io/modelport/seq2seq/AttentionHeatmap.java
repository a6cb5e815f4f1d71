package io.modelport.seq2seq;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import io.modelport.imaging.PngImages;

/**
 * Draws attention weights as a labelled heat map: one row per output symbol, one column
 * per input symbol, white for weight 0 and dark blue for weight 1. Spaces are labelled
 * {@code ␣} so they stay visible.
 *
 * @author Modelport Team
 */
public final class AttentionHeatmap {

	private static final int CELL = 22;

	private static final int MAX_LABEL = 12;

	private AttentionHeatmap() {
	}

	/**
	 * Renders a heat map.
	 * @param weights the attention, {@code weights[i][j]} from output symbol i to input
	 * symbol j, each in [0, 1]
	 * @param sourceSymbols the column labels, one per input symbol
	 * @param targetSymbols the row labels, one per output symbol
	 * @return the PNG bytes
	 * @throws IllegalArgumentException when the labels do not match the weights' shape
	 */
	public static byte[] png(float[][] weights, List<String> sourceSymbols, List<String> targetSymbols) {
		if (weights.length != targetSymbols.size()) {
			throw new IllegalArgumentException(
					weights.length + " attention rows but " + targetSymbols.size() + " output symbols");
		}
		for (float[] row : weights) {
			if (row.length != sourceSymbols.size()) {
				throw new IllegalArgumentException("an attention row has " + row.length + " weights but there are "
						+ sourceSymbols.size() + " input symbols");
			}
		}
		Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
		int rowLabels = labelWidth(font, targetSymbols);
		int columnLabels = labelWidth(font, sourceSymbols);
		int left = rowLabels + 10;
		int top = columnLabels + 10;
		int width = left + Math.max(1, sourceSymbols.size()) * CELL + 10;
		int height = top + Math.max(1, targetSymbols.size()) * CELL + 10;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			for (int i = 0; i < weights.length; i++) {
				for (int j = 0; j < weights[i].length; j++) {
					graphics.setColor(shade(weights[i][j]));
					graphics.fillRect(left + j * CELL, top + i * CELL, CELL, CELL);
				}
			}
			graphics.setColor(Color.LIGHT_GRAY);
			graphics.drawRect(left, top, sourceSymbols.size() * CELL, targetSymbols.size() * CELL);
			graphics.setFont(font);
			graphics.setColor(Color.BLACK);
			FontMetrics metrics = graphics.getFontMetrics();
			for (int i = 0; i < targetSymbols.size(); i++) {
				String label = label(targetSymbols.get(i));
				graphics.drawString(label, left - 5 - metrics.stringWidth(label),
						top + i * CELL + (CELL + metrics.getAscent()) / 2 - 2);
			}
			// Column labels are written bottom to top so long symbols fit.
			graphics.rotate(-Math.PI / 2);
			for (int j = 0; j < sourceSymbols.size(); j++) {
				String label = label(sourceSymbols.get(j));
				graphics.drawString(label, -(top - 5), left + j * CELL + (CELL + metrics.getAscent()) / 2 - 2);
			}
		}
		finally {
			graphics.dispose();
		}
		return PngImages.encode(image);
	}

	private static int labelWidth(Font font, List<String> symbols) {
		BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scratch.createGraphics();
		try {
			FontMetrics metrics = graphics.getFontMetrics(font);
			return symbols.stream().mapToInt((symbol) -> metrics.stringWidth(label(symbol))).max().orElse(0);
		}
		finally {
			graphics.dispose();
		}
	}

	private static String label(String symbol) {
		String visible = symbol.isBlank() ? "␣".repeat(Math.max(1, symbol.length())) : symbol;
		return (visible.length() > MAX_LABEL) ? visible.substring(0, MAX_LABEL - 1) + "…" : visible;
	}

	// Linear from white (0) to a dark blue (1); weights outside [0, 1] are clamped.
	private static Color shade(float weight) {
		float w = Math.max(0, Math.min(1, Float.isNaN(weight) ? 0 : weight));
		return new Color(Math.round(255 - w * 247), Math.round(255 - w * 207), Math.round(255 - w * 148));
	}

}
