package io.modelport.faces.training;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VerificationPairs}.
 *
 * @author Modelport Team
 */
class VerificationPairsTests {

	@Test
	void allSamePairsAndAsManyDistinctDifferentPairs() {
		// 4 identities × 3 images: 4 × 3 = 12 same pairs, 54 different pairs to draw
		// from.
		FaceImages faces = TestFaces.uniform(4, 3);
		VerificationPairs pairs = VerificationPairs.of(faces, 11);
		assertThat(pairs.size()).isEqualTo(24);
		assertValid(faces, pairs);
		assertThat(countSame(pairs)).isEqualTo(12);
	}

	@Test
	void whenDifferentPairsAreScarceAllAreUsed() {
		// 4 + 2 images: 6 + 1 = 7 same pairs, 8 different pairs, so 7 are drawn; and 3 +
		// 1
		// images: 3 same but only 3 different pairs, all used.
		FaceImages faces = TestFaces.of(4, 2);
		VerificationPairs pairs = VerificationPairs.of(faces, 3);
		assertThat(pairs.size()).isEqualTo(14);
		assertValid(faces, pairs);
		FaceImages scarce = TestFaces.of(3, 1);
		assertThat(VerificationPairs.of(scarce, 3).size()).isEqualTo(6);
	}

	@Test
	void theSameSeedGivesTheSamePairs() {
		FaceImages faces = TestFaces.uniform(5, 4);
		VerificationPairs first = VerificationPairs.of(faces, 9);
		VerificationPairs again = VerificationPairs.of(faces, 9);
		for (int i = 0; i < first.size(); i++) {
			assertThat(again.first(i)).isEqualTo(first.first(i));
			assertThat(again.second(i)).isEqualTo(first.second(i));
		}
	}

	@Test
	void distancesFollowThePairs() {
		FaceImages faces = TestFaces.of(2, 2);
		VerificationPairs pairs = VerificationPairs.of(faces, 1);
		float[][] embeddings = { { 0, 0 }, { 0, 1 }, { 3, 0 }, { 3, 2 } };
		double[] distances = pairs.distances(embeddings);
		// Same pairs first: (0,1) at distance 1 and (2,3) at distance 4.
		assertThat(distances[0]).isEqualTo(1.0);
		assertThat(distances[1]).isEqualTo(4.0);
	}

	private static void assertValid(FaceImages faces, VerificationPairs pairs) {
		Set<Long> seen = new HashSet<>();
		boolean[] flags = pairs.sameFlags();
		for (int i = 0; i < pairs.size(); i++) {
			assertThat(pairs.first(i)).isLessThan(pairs.second(i));
			assertThat(pairs.same(i)).isEqualTo(flags[i])
				.isEqualTo(faces.label(pairs.first(i)) == faces.label(pairs.second(i)));
			assertThat(seen.add((long) pairs.first(i) * faces.count() + pairs.second(i))).as("pair %d repeats", i)
				.isTrue();
		}
	}

	private static long countSame(VerificationPairs pairs) {
		long same = 0;
		for (int i = 0; i < pairs.size(); i++) {
			same += pairs.same(i) ? 1 : 0;
		}
		return same;
	}

}
