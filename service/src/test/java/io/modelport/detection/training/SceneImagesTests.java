package io.modelport.detection.training;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.modelport.detection.BoundingBox;
import io.modelport.detection.Scene;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SceneImages}.
 *
 * @author Modelport Team
 */
class SceneImagesTests {

	@Test
	void grayScenesBecomeGrayImagesAndBack() {
		byte[] pixels = new byte[12];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = (byte) (i * 21);
		}
		Scene gray = new Scene(4, 3, 1, pixels, List.of());
		BufferedImage image = SceneImages.toImage(gray);
		assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
		assertThat(image.getRaster().getSample(1, 2, 0)).isEqualTo(9 * 21);
		assertThat(SceneImages.toScene(image, List.of()).pixels()).isEqualTo(pixels);
	}

	@Test
	void colorScenesBecomeRgbImagesAndBack() {
		Scene color = new Scene(2, 1, 3, new byte[] { 10, 20, 30, (byte) 200, 0, (byte) 255 }, List.of());
		BufferedImage picture = SceneImages.toImage(color);
		assertThat(picture.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
		assertThat(picture.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0A141E);
		assertThat(picture.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xC800FF);
		Scene back = SceneImages.toScene(picture, List.of());
		assertThat(back.channels()).isEqualTo(3);
		assertThat(back.pixels()).isEqualTo(color.pixels());
	}

	@Test
	void boxesInsideAreKeptRoundingIsClippedAndOutsideIsRefused() {
		BoundingBox inside = new BoundingBox(0.1f, 0.3f, 9.9f, 4.7f);
		assertThat(SceneImages.inside(inside, 10, 5)).isSameAs(inside);
		assertThat(SceneImages.inside(new BoundingBox(-0.5f, 1, 10.9f, 4.5f), 10, 5))
			.isEqualTo(new BoundingBox(0, 1, 10, 4));
		assertThat(SceneImages.inside(new BoundingBox(-2, 0, 5, 5), 10, 5)).isNull();
		assertThat(SceneImages.inside(new BoundingBox(8, 0, 3.5f, 5), 10, 5)).isNull();
		assertThat(SceneImages.inside(new BoundingBox(10.5f, 0, 0.4f, 5), 10, 5)).isNull();
	}

}
