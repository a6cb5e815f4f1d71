package io.modelport.faces.gallery;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.modelport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gallery store against the Flyway schema, on embedded H2 and on a real PostgreSQL
 * when one is given (see {@link TestDatabases}).
 *
 * @author Modelport Team
 */
@Tag("integration")
class GalleryRepositoryTests {

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void storesFacesAndTheirEmbeddingsPerVersion(String database) {
		GalleryRepository repository = new GalleryRepository(JdbcClient.create(TestDatabases.migrated(database)));
		float[] first = { 0.6f, -0.8f, 0f };
		float[] second = { 0f, 1f, 0f };
		repository.replace("m", "alice", Arrays.asList(new byte[] { 1, 2, 3 }, null), 1, List.of(first, second));
		repository.replace("m", "bob", Arrays.asList((byte[]) null), 1, List.of(second));
		repository.replace("other", "alice", Arrays.asList((byte[]) null), 1, List.of(second));

		List<EnrolledFace> atOne = repository.faces("m", 1);
		assertThat(atOne).extracting(EnrolledFace::identity).containsExactly("alice", "alice", "bob");
		assertThat(atOne.get(0).embedding()).containsExactly(first);
		assertThat(atOne.get(0).imageStored()).isTrue();
		assertThat(atOne.get(1).imageStored()).isFalse();
		assertThat(repository.image(atOne.get(0).id()))
			.hasValueSatisfying((image) -> assertThat(image).containsExactly(1, 2, 3));
		assertThat(repository.image(atOne.get(1).id())).isEmpty();

		assertThat(repository.faces("m", 2)).allSatisfy((face) -> assertThat(face.embedding()).isNull());
		repository.saveEmbedding(atOne.get(0).id(), 2, second);
		repository.saveEmbedding(atOne.get(0).id(), 2, second);
		assertThat(repository.faces("m", 2).get(0).embedding()).containsExactly(second);

		List<IdentityView> identities = repository.identities("m", 2);
		assertThat(identities).extracting(IdentityView::identity).containsExactly("alice", "bob");
		assertThat(identities.get(0).versions()).containsExactly(1, 2);
		assertThat(identities.get(0).faces()).isEqualTo(2);
		assertThat(identities.get(0).stale()).isFalse();
		assertThat(identities.get(1).stale()).isTrue();
		assertThat(repository.identity("m", "alice", 2)).contains(identities.get(0));
		assertThat(repository.identity("m", "nobody", 2)).isEmpty();
		assertThat(repository.countIdentities("m")).isEqualTo(2);
		assertThat(repository.exists("m", "bob")).isTrue();

		repository.replace("m", "alice", Arrays.asList((byte[]) null), 3, List.of(first));
		assertThat(repository.identities("m", 3).get(0).versions()).containsExactly(3);
		assertThat(repository.delete("m", "bob")).isTrue();
		assertThat(repository.delete("m", "bob")).isFalse();
		assertThat(repository.exists("m", "bob")).isFalse();
		assertThat(repository.faces("other", 1)).hasSize(1);
	}

}
