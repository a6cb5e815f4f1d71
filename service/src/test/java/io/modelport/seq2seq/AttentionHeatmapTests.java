package io.modelport.seq2seq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Heat maps are PNGs with one cell per weight, darker for larger weights.
 *
 * @author Modelport Team
 */
class AttentionHeatmapTests {

	@Test
	void drawsOneCellPerWeight() throws Exception {
		float[][] weights = { { 1, 0, 0 }, { 0, 0.5f, 0.5f } };
		byte[] png = AttentionHeatmap.png(weights, List.of("a", " ", "c"), List.of("x", "<EOS>"));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isGreaterThan(3 * 22);
		assertThat(image.getHeight()).isGreaterThan(2 * 22);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AttentionHeatmap.png(weights, List.of("a", "b"), List.of("x", "y")));
	}

}
