package io.modelport.faces.alignment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SimilarityTests {

	@Test
	void fitRecoversAKnownRotationScaleAndShift() {
		Similarity truth = new Similarity(1.5 * Math.cos(0.3), 1.5 * Math.sin(0.3), 12, -7);
		double[] from = FaceTemplate.points(150);
		double[] to = new double[from.length];
		for (int i = 0; i < from.length; i += 2) {
			to[i] = truth.x(from[i], from[i + 1]);
			to[i + 1] = truth.y(from[i], from[i + 1]);
		}
		Similarity fitted = Similarity.fit(from, to);
		assertThat(fitted.a()).isCloseTo(truth.a(), within(1e-9));
		assertThat(fitted.b()).isCloseTo(truth.b(), within(1e-9));
		assertThat(fitted.tx()).isCloseTo(12, within(1e-7));
		assertThat(fitted.ty()).isCloseTo(-7, within(1e-7));
		assertThat(fitted.scale()).isCloseTo(1.5, within(1e-9));
	}

	@Test
	void inverseUndoesTheTransform() {
		Similarity s = new Similarity(0.8, -0.4, 3, 5);
		Similarity back = s.inverse();
		assertThat(back.x(s.x(10, 20), s.y(10, 20))).isCloseTo(10, within(1e-9));
		assertThat(back.y(s.x(10, 20), s.y(10, 20))).isCloseTo(20, within(1e-9));
	}

	@Test
	void noisyPointsGiveTheLeastSquaresFit() {
		// A square and the same square shifted by (1, 1), one corner off by (0.4, 0): the
		// fit keeps scale close to 1 and no large rotation.
		double[] from = { 0, 0, 10, 0, 10, 10, 0, 10 };
		double[] to = { 1, 1, 11.4, 1, 11, 11, 1, 11 };
		Similarity fitted = Similarity.fit(from, to);
		assertThat(fitted.scale()).isCloseTo(1.0, within(0.03));
		assertThat(Math.abs(fitted.b())).isLessThan(0.02);
	}

	@Test
	void coincidentOrMismatchedPointsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Similarity.fit(new double[] { 1, 1, 1, 1 }, new double[] { 0, 0, 1, 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> Similarity.fit(new double[4], new double[6]));
	}

	@Test
	void samplerCutsTheMappedRegion() {
		// A horizontal ramp 0..99: a 10-pixel crop starting at x = 40 with step 2 reads
		// every second value from 40.5 on (pixel centres).
		int w = 100;
		int h = 20;
		float[][] planes = new float[3][w * h];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				for (int c = 0; c < 3; c++) {
					planes[c][y * w + x] = x;
				}
			}
		}
		float[][] crop = Sampler.sample(planes, w, h, new Similarity(2, 0, 40.5, 2.5), 10);
		for (int u = 0; u < 10; u++) {
			assertThat(crop[0][3 * 10 + u]).isCloseTo(40.5f + 2 * u, within(1e-3f));
		}
		float[][] outside = Sampler.sample(planes, w, h, new Similarity(1, 0, -50, -50), 4);
		assertThat(outside[1]).containsOnly(0f);
	}

}
