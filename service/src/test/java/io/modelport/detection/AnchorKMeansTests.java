package io.modelport.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Anchor clustering with the {@code 1 - IoU} distance.
 *
 * @author Modelport Team
 */
class AnchorKMeansTests {

	@Test
	void twoClearClustersAreRecovered() {
		List<float[]> sizes = twoClusters(new Random(7));
		List<float[]> anchors = AnchorKMeans.cluster(sizes, 2, 1);
		assertThat(anchors).hasSize(2);
		// Smallest first: the tall small boxes, then the wide large ones.
		assertThat(anchors.get(0)[0]).isCloseTo(10, within(0.5f));
		assertThat(anchors.get(0)[1]).isCloseTo(20, within(0.5f));
		assertThat(anchors.get(1)[0]).isCloseTo(80, within(2f));
		assertThat(anchors.get(1)[1]).isCloseTo(60, within(2f));
	}

	@Test
	void theSameSeedGivesTheSameAnchors() {
		List<float[]> sizes = new ArrayList<>();
		Random random = new Random(11);
		for (int i = 0; i < 300; i++) {
			sizes.add(new float[] { 5 + random.nextFloat() * 100, 5 + random.nextFloat() * 100 });
		}
		float[][] first = AnchorKMeans.cluster(sizes, 5, 3).toArray(float[][]::new);
		float[][] second = AnchorKMeans.cluster(sizes, 5, 3).toArray(float[][]::new);
		assertThat(first).isDeepEqualTo(second);
		for (int i = 1; i < first.length; i++) {
			assertThat(first[i][0] * first[i][1]).isGreaterThanOrEqualTo(first[i - 1][0] * first[i - 1][1]);
		}
	}

	@Test
	void asManyDistinctSizesAsAnchorsAreReturnedAsTheyAre() {
		List<float[]> sizes = List.of(new float[] { 30, 30 }, new float[] { 1, 2 }, new float[] { 30, 30 },
				new float[] { 8, 4 });
		float[][] anchors = AnchorKMeans.cluster(sizes, 3, 5).toArray(float[][]::new);
		assertThat(anchors).isDeepEqualTo(new float[][] { { 1, 2 }, { 8, 4 }, { 30, 30 } });
	}

	@Test
	void oneAnchorIsTheMeanSize() {
		List<float[]> sizes = List.of(new float[] { 10, 20 }, new float[] { 12, 22 }, new float[] { 14, 24 });
		float[][] anchors = AnchorKMeans.cluster(sizes, 1, 0).toArray(float[][]::new);
		assertThat(anchors[0][0]).isCloseTo(12, within(1e-5f));
		assertThat(anchors[0][1]).isCloseTo(22, within(1e-5f));
	}

	@Test
	void badArgumentsAreRejected() {
		List<float[]> sizes = List.of(new float[] { 10, 20 }, new float[] { 10, 20 }, new float[] { 5, 5 });
		assertThatIllegalArgumentException().isThrownBy(() -> AnchorKMeans.cluster(sizes, 0, 1))
			.withMessageContaining("k must be");
		assertThatIllegalArgumentException().isThrownBy(() -> AnchorKMeans.cluster(sizes, 3, 1))
			.withMessageContaining("distinct");
		assertThatIllegalArgumentException().isThrownBy(() -> AnchorKMeans.cluster(List.of(), 1, 1))
			.withMessageContaining("distinct");
		assertThatIllegalArgumentException().isThrownBy(() -> AnchorKMeans.cluster(List.of(new float[] { 0, 5 }), 1, 1))
			.withMessageContaining("> 0");
	}

	private static List<float[]> twoClusters(Random random) {
		List<float[]> sizes = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			sizes.add(new float[] { 10 + jitter(random, 1), 20 + jitter(random, 1) });
			sizes.add(new float[] { 80 + jitter(random, 5), 60 + jitter(random, 5) });
		}
		return sizes;
	}

	private static float jitter(Random random, float amount) {
		return (random.nextFloat() * 2 - 1) * amount;
	}

}
