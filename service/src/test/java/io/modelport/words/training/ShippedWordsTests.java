package io.modelport.words.training;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.SlowTest;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;
import io.modelport.store.StoredModel;
import io.modelport.store.Task;
import io.modelport.training.ModelPublisher;
import io.modelport.words.Word2VecFormat;
import io.modelport.words.Word2VecLimits;
import io.modelport.words.WordModelSettings;
import io.modelport.words.WordVectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The shipped KJV word vectors ({@code model-store/kjv-words}) match their descriptor,
 * and their analogy accuracy and pair similarities are measured again from
 * {@code vectors.bin} (nothing is trained) and agree with the recorded quality.
 *
 * @author Modelport Team
 */
@SlowTest
class ShippedWordsTests {

	private static final Path STORE = Path.of(System.getProperty("modelport.repository", ".."), "model-store");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void vectorsMatchTheDescriptorAndTheRecordedQuality() throws Exception {
		StoredModel stored = new ModelStore(STORE).find("kjv-words").orElseThrow();
		ModelDescriptor descriptor = stored.descriptor(stored.versions().lastKey());
		assertThat(descriptor.task()).isEqualTo(Task.WORD2VEC);
		assertThat(descriptor.format()).isEqualTo(ArtifactFormat.WORD2VEC_BINARY);
		Path file = descriptor.directory().resolve(descriptor.weights().file());
		assertThat(Files.size(file)).isLessThan(8L * 1024 * 1024);
		assertThat(descriptor.directory().resolve(Word2VecTraining.LOSS_FILE)).isRegularFile();
		WordVectors vectors;
		try (InputStream in = Files.newInputStream(file)) {
			vectors = Word2VecFormat.BINARY.read(in, Word2VecLimits.DEFAULT);
		}
		WordModelSettings.fromParameters(descriptor.parameters()).check(vectors);
		Map<?, ?> quality = (Map<?, ?>) descriptor.provenance().get("quality");
		WordEvaluation evaluation = WordEvaluation.kjv();
		assertThat(evaluation.analogyAccuracy(vectors))
			.isCloseTo(((Number) quality.get(Word2VecTraining.QUALITY_METRIC)).doubleValue(), within(1e-3));
		Map<String, Object> similarity = evaluation.similarity(vectors);
		assertThat(WordEvaluation.similarityGap(similarity))
			.isCloseTo(((Number) quality.get("similarityGap")).doubleValue(), within(1e-3))
			.isGreaterThan(0.1);
		Map<String, Object> report = json.readValue(
				descriptor.directory().resolve(ModelPublisher.EVALUATION_FILE).toFile(),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(report).containsKeys("analogies", "similarity", "neighbours", "history", "lossCurve", "definitions");
		assertThat(vectors.nearest("god", 8)).extracting((n) -> n.word()).contains("lord");
		assertThat(vectors.nearest("egypt", 8)).extracting((n) -> n.word()).contains("egyptians");
	}

}
