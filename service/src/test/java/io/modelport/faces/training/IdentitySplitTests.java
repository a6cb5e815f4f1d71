package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IdentitySplit}.
 *
 * @author Modelport Team
 */
class IdentitySplitTests {

	private final FaceImages faces = TestFaces.uniform(30, 3);

	@Test
	void splitsByIdentityIntoDisjointParts() {
		IdentitySplit split = IdentitySplit.of(this.faces, 0.2, 0.2, 7);
		assertThat(split.train().identities()).hasSize(18);
		assertThat(split.dev().identities()).hasSize(6);
		assertThat(split.test().identities()).hasSize(6);
		List<String> all = new ArrayList<>(split.train().identities());
		all.addAll(split.dev().identities());
		all.addAll(split.test().identities());
		assertThat(new HashSet<>(all)).hasSize(30).containsAll(this.faces.identities());
		assertThat(split.train().count()).isEqualTo(54);
		assertThat(split.dev().count()).isEqualTo(18);
		assertThat(split.test().count()).isEqualTo(18);
	}

	@Test
	void labelsFollowTheirImages() {
		// Each synthetic image's pixel holds its original identity index.
		FaceImages test = IdentitySplit.of(this.faces, 0.2, 0.2, 7).test();
		for (int i = 0; i < test.count(); i++) {
			assertThat(test.identities().get(test.label(i))).isEqualTo("id" + test.pixel(i, 0, 0));
		}
	}

	@Test
	void theSameSeedGivesTheSameSplit() {
		IdentitySplit first = IdentitySplit.of(this.faces, 0.2, 0.2, 7);
		IdentitySplit again = IdentitySplit.of(this.faces, 0.2, 0.2, 7);
		IdentitySplit other = IdentitySplit.of(this.faces, 0.2, 0.2, 8);
		assertThat(again.test().identities()).isEqualTo(first.test().identities());
		assertThat(again.dev().identities()).isEqualTo(first.dev().identities());
		Set<String> otherTest = new HashSet<>(other.test().identities());
		assertThat(otherTest).isNotEqualTo(new HashSet<>(first.test().identities()));
	}

	@Test
	void smallSharesStillGiveTwoIdentities() {
		IdentitySplit split = IdentitySplit.of(TestFaces.uniform(8, 2), 0.05, 0.05, 1);
		assertThat(split.dev().identities()).hasSize(2);
		assertThat(split.test().identities()).hasSize(2);
		assertThat(split.train().identities()).hasSize(4);
	}

	@Test
	void tooFewIdentitiesOrBadSharesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> IdentitySplit.of(TestFaces.uniform(5, 2), 0.2, 0.2, 1))
			.withMessageContaining("too few");
		assertThatIllegalArgumentException().isThrownBy(() -> IdentitySplit.of(this.faces, 0.6, 0.5, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> IdentitySplit.of(this.faces, 0, 0.2, 1));
	}

}
