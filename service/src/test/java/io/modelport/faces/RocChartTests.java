package io.modelport.faces;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RocChart}.
 *
 * @author Modelport Team
 */
class RocChartTests {

	private static final List<RocPoint> CURVE = List.of(new RocPoint(0, 0), new RocPoint(0, 0.75),
			new RocPoint(0.5, 0.75), new RocPoint(0.5, 1), new RocPoint(1, 1));

	@Test
	void rendersADecodablePngOfTheRequestedSize() throws IOException {
		byte[] png = RocChart.render(CURVE, "test verifier");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).isNotNull();
		assertThat(image.getWidth()).isEqualTo(RocChart.DEFAULT_SIZE);
		assertThat(image.getHeight()).isEqualTo(RocChart.DEFAULT_SIZE);
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(RocChart.render(CURVE, "small", 240)));
		assertThat(small.getWidth()).isEqualTo(240);
	}

	@Test
	void drawsTheCurveOnAWhiteBackground() throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(RocChart.render(CURVE, "test verifier")));
		assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
		// The curve's horizontal run at TAR 0.75, between FAR 0 and 0.5, is drawn in
		// blue.
		int plot = RocChart.DEFAULT_SIZE - 2 * 56;
		int x = 56 + plot / 4;
		int y = 56 + plot / 4;
		int rgb = image.getRGB(x, y);
		assertThat(rgb & 0xFF).isGreaterThan((rgb >> 16) & 0xFF);
	}

	@Test
	void refusesTinyCharts() {
		assertThatIllegalArgumentException().isThrownBy(() -> RocChart.render(CURVE, "tiny", 50));
	}

}
