package io.modelport.faces.training;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PkBatchSampler}.
 *
 * @author Modelport Team
 */
class PkBatchSamplerTests {

	private final FaceImages faces = TestFaces.uniform(7, 5);

	@Test
	void batchesHoldPDistinctIdentitiesOfKImages() {
		PkBatchSampler sampler = new PkBatchSampler(this.faces, 3, 4, 1);
		for (int round = 0; round < 50; round++) {
			int[] batch = sampler.nextBatch();
			assertThat(batch).hasSize(12);
			Set<Integer> identities = new HashSet<>();
			for (int slot = 0; slot < 3; slot++) {
				int identity = this.faces.label(batch[slot * 4]);
				Set<Integer> images = new HashSet<>();
				for (int i = 0; i < 4; i++) {
					assertThat(this.faces.label(batch[slot * 4 + i])).isEqualTo(identity);
					images.add(batch[slot * 4 + i]);
				}
				assertThat(images).as("no repeated image when the identity has K or more").hasSize(4);
				identities.add(identity);
			}
			assertThat(identities).hasSize(3);
		}
	}

	@Test
	void anEpochCoversTheImages() {
		PkBatchSampler sampler = new PkBatchSampler(this.faces, 2, 2, 3);
		// 35 images in batches of 4: 9 batches.
		assertThat(sampler.batchesPerEpoch()).isEqualTo(9);
		Set<Integer> seen = new HashSet<>();
		for (int epoch = 0; epoch < 3; epoch++) {
			List<int[]> batches = sampler.epoch();
			assertThat(batches).hasSize(9);
			batches.forEach((batch) -> {
				for (int image : batch) {
					seen.add(image);
				}
			});
		}
		assertThat(seen).hasSize(35);
	}

	@Test
	void theSameSeedGivesTheSameBatches() {
		List<int[]> first = new PkBatchSampler(this.faces, 3, 2, 42).epoch();
		List<int[]> again = new PkBatchSampler(this.faces, 3, 2, 42).epoch();
		List<int[]> other = new PkBatchSampler(this.faces, 3, 2, 43).epoch();
		assertThat(again).usingRecursiveComparison().isEqualTo(first);
		assertThat(other).usingRecursiveComparison().isNotEqualTo(first);
	}

	@Test
	void smallIdentitiesAreSampledWithReplacement() {
		FaceImages uneven = TestFaces.of(2, 2);
		int[] batch = new PkBatchSampler(uneven, 2, 3, 5).nextBatch();
		assertThat(batch).hasSize(6);
		for (int slot = 0; slot < 2; slot++) {
			int identity = uneven.label(batch[slot * 3]);
			Set<Integer> images = new HashSet<>();
			for (int i = 0; i < 3; i++) {
				assertThat(uneven.label(batch[slot * 3 + i])).isEqualTo(identity);
				images.add(batch[slot * 3 + i]);
			}
			// Both images appear, one of them twice.
			assertThat(images).hasSize(2);
		}
	}

	@Test
	void pAndKAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PkBatchSampler(this.faces, 8, 2, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new PkBatchSampler(this.faces, 1, 2, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new PkBatchSampler(this.faces, 2, 1, 0));
	}

}
