package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IdentityFolds}.
 *
 * @author Modelport Team
 */
class IdentityFoldsTests {

	private final FaceImages faces = TestFaces.uniform(30, 3);

	@Test
	void theProtocolHoldsOutTheClassicSplitsTestIdentitiesAndCutsTheRest() {
		IdentityFolds folds = IdentityFolds.protocol(this.faces, 0.2, 0.2, 7, 4);
		IdentitySplit split = IdentitySplit.of(this.faces, 0.2, 0.2, 7);
		assertThat(folds.testFaces().identities()).isEqualTo(split.test().identities());
		assertThat(folds.folds()).extracting(List::size).containsExactly(6, 6, 6, 6);
		// The first fold is the classic dev split, the others its training identities.
		assertThat(folds.heldOut(0).identities()).isEqualTo(split.dev().identities());
		assertThat(folds.training(0).identities()).isEqualTo(split.train().identities());
		List<String> pool = new ArrayList<>(split.train().identities());
		pool.addAll(split.dev().identities());
		assertThat(folds.poolFaces().identities()).hasSize(24).containsExactlyInAnyOrderElementsOf(pool);
		assertThat(folds.poolFaces().count()).isEqualTo(72);
		for (int f = 0; f < 4; f++) {
			assertThat(folds.training(f).identities()).hasSize(18)
				.doesNotContainAnyElementsOf(folds.heldOut(f).identities())
				.doesNotContainAnyElementsOf(folds.testFaces().identities());
		}
	}

	@Test
	void outerTestFoldsCoverEveryIdentityOnceAndOneIsTheProtocols() {
		List<String> tested = new ArrayList<>();
		for (int index = 0; index < 5; index++) {
			IdentityFolds outer = IdentityFolds.outer(this.faces, 5, index, 7, 4);
			tested.addAll(outer.testFaces().identities());
			assertThat(outer.poolFaces().identities()).hasSize(24)
				.doesNotContainAnyElementsOf(outer.testFaces().identities());
		}
		assertThat(tested).hasSize(30).containsExactlyInAnyOrderElementsOf(this.faces.identities());
		IdentityFolds protocol = IdentityFolds.protocol(this.faces, 0.2, 0.2, 7, 4);
		assertThat(IdentityFolds.outer(this.faces, 5, 1, 7, 4)).isEqualTo(protocol);
	}

	@Test
	void unevenPoolsGiveFoldsDifferingByOne() {
		assertThat(IdentityFolds.cut(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 3)).extracting(List::size)
			.containsExactly(3, 4, 4);
	}

	@Test
	void tooFewIdentitiesForTheFoldsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdentityFolds.cut(List.of(1, 2, 3, 4, 5), 3))
			.withMessageContaining("cannot be cut into 3 folds");
		assertThatIllegalArgumentException().isThrownBy(() -> IdentityFolds.outer(this.faces, 5, 5, 7, 4))
			.withMessageContaining("test fold 5");
	}

}
