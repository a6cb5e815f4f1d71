package io.modelport.words;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.embeddings.Embeddings;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.offset;

/**
 * The engine's search against the in-memory scan on a random vocabulary: a query answers
 * the same rows and scores whether it runs alone or stacked in a batch with others.
 *
 * @author Modelport Team
 */
class Word2VecTaskAdapterTests {

	private final Word2VecTaskAdapter adapter = new Word2VecTaskAdapter();

	@TempDir
	Path directory;

	@Test
	void batchedEngineSearchesMatchTheInMemoryScan() throws Exception {
		WordVectors vectors = WordsFixture.random(3000, 32, 5);
		ModelDescriptor descriptor = descriptor(vectors, Map.of("dimension", 32, "vocabularySize", 3000));
		Random random = new Random(9);
		List<float[]> queries = new ArrayList<>();
		for (int q = 0; q < 16; q++) {
			float[] query = new float[32];
			for (int i = 0; i < query.length; i++) {
				query[i] = (float) random.nextGaussian();
			}
			queries.add(Embeddings.l2Normalize(query));
		}
		try (Model model = Model.newInstance("words", "PyTorch")) {
			this.adapter.readArtifacts(model, descriptor);
			try (Predictor<float[], NearestRows> predictor = model.newPredictor(this.adapter.translator(descriptor))) {
				List<NearestRows> batched = predictor.batchPredict(queries);
				for (int q = 0; q < queries.size(); q++) {
					List<Neighbour> expected = vectors.nearest(queries.get(q), 10, List.of());
					NearestRows alone = predictor.predict(queries.get(q));
					assertThat(batched.get(q).rows()).hasSize(Word2VecTaskAdapter.CANDIDATES);
					for (int i = 0; i < expected.size(); i++) {
						assertThat(batched.get(q).rows()[i]).isEqualTo(expected.get(i).index());
						assertThat(alone.rows()[i]).isEqualTo(expected.get(i).index());
						assertThat((double) batched.get(q).scores()[i]).isCloseTo(expected.get(i).score(),
								offset(1e-5));
					}
				}
			}
		}
	}

	@Test
	void aVocabularySmallerThanTheCandidatesReturnsEveryRow() throws Exception {
		WordVectors table = WordsFixture.table(false);
		ModelDescriptor descriptor = descriptor(table, Map.of());
		try (Model model = Model.newInstance("table", "PyTorch")) {
			this.adapter.readArtifacts(model, descriptor);
			try (Predictor<float[], NearestRows> predictor = model.newPredictor(this.adapter.translator(descriptor))) {
				assertThat(predictor.predict(table.unitRow(2)).rows()).hasSize(6).startsWith(2);
			}
		}
	}

	@Test
	void declaredSizesMustMatchTheFile() throws IOException {
		ModelDescriptor descriptor = descriptor(WordsFixture.table(false), Map.of("vocabularySize", 7));
		try (Model model = Model.newInstance("table", "PyTorch")) {
			assertThatExceptionOfType(InvalidModelException.class)
				.isThrownBy(() -> this.adapter.readArtifacts(model, descriptor))
				.withMessageContaining("declares 7 words but the vector file has 6");
		}
	}

	@Test
	void onlyWordVectorFormatsAreServed() {
		ModelDescriptor torchscript = new ModelDescriptor("words", 1, Task.WORD2VEC, ArtifactFormat.TORCHSCRIPT, null,
				List.of(new Artifact("model.pt", null)), null, List.of(), Map.of(), Map.of(), this.directory);
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> this.adapter.validate(torchscript))
			.withMessageContaining("word2vec-text or word2vec-binary");
		ModelDescriptor badCase = new ModelDescriptor("words", 1, Task.WORD2VEC, ArtifactFormat.WORD2VEC_TEXT, null,
				List.of(new Artifact("vectors.txt", null)), null, List.of(), Map.of("lowercase", "yes"), Map.of(),
				this.directory);
		assertThatExceptionOfType(InvalidModelException.class).isThrownBy(() -> this.adapter.validate(badCase))
			.withMessageContaining("lowercase");
	}

	private ModelDescriptor descriptor(WordVectors vectors, Map<String, Object> parameters) throws IOException {
		Files.write(this.directory.resolve("vectors.bin"), WordsFixture.bytes(vectors, Word2VecFormat.BINARY));
		return new ModelDescriptor("words", 1, Task.WORD2VEC, ArtifactFormat.WORD2VEC_BINARY, null,
				List.of(new Artifact("vectors.bin", null)), null, List.of(), parameters, Map.of(), this.directory);
	}

}
