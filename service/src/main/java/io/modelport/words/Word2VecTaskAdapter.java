package io.modelport.words;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Optional;

import ai.djl.Model;
import ai.djl.translate.Translator;
import org.springframework.stereotype.Component;

import io.modelport.runtime.LoadedModel;
import io.modelport.runtime.TaskAdapter;
import io.modelport.store.InvalidModelException;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Serves {@code word2vec} models: reads the vector file (text or binary word2vec format),
 * keeps it for lookups and puts the unit matrix in the engine for nearest-neighbour
 * searches.
 *
 * @author Modelport Team
 */
@Component
public class Word2VecTaskAdapter implements TaskAdapter {

	/**
	 * Candidates one search returns: the largest k a request may ask for, plus room for
	 * the excluded query words and {@value Vocabulary#UNK}.
	 */
	static final int CANDIDATES = WordsService.MAX_K + 4;

	@Override
	public Task task() {
		return Task.WORD2VEC;
	}

	@Override
	public void validate(ModelDescriptor descriptor) {
		if (!descriptor.format().isWordVectors()) {
			throw new InvalidModelException(
					"a word2vec model is stored as word2vec-text or word2vec-binary, not " + descriptor.format().id());
		}
		WordModelSettings.fromParameters(descriptor.parameters());
	}

	@Override
	public Optional<Object> readArtifacts(Model model, ModelDescriptor descriptor) throws IOException {
		WordModelSettings settings = WordModelSettings.fromParameters(descriptor.parameters());
		Word2VecFormat format = switch (descriptor.format()) {
			case WORD2VEC_TEXT -> Word2VecFormat.TEXT;
			default -> Word2VecFormat.BINARY;
		};
		WordVectors vectors;
		try (InputStream in = Files.newInputStream(descriptor.directory().resolve(descriptor.weights().file()))) {
			vectors = format.read(in, Word2VecLimits.DEFAULT);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidModelException(descriptor.weights().file() + ": " + ex.getMessage(), ex);
		}
		settings.check(vectors);
		model.setBlock(new CosineTopK(model.getNDManager(), vectors, CANDIDATES));
		return Optional.of(new WordModel(vectors, new Tokenizer(settings.tokenizer())));
	}

	@Override
	public Translator<float[], NearestRows> translator(ModelDescriptor descriptor) {
		return new NearestTranslator();
	}

	// The nearest row to a word's own unit vector is the word itself (or a duplicate with
	// the same score): anything else means the engine's matrix is not the file's.
	@Override
	public void warmUp(LoadedModel model) throws Exception {
		WordVectors vectors = model.state(WordModel.class).vectors();
		int probe = (vectors.vocabulary().unknownIndex() == 0 && vectors.vocabulary().size() > 1) ? 1 : 0;
		float[] query = vectors.unitRow(probe);
		NearestRows rows = model.predict(query);
		double self = WordVectors.cosine(query, query);
		if (rows.rows().length == 0 || Math.abs(rows.scores()[0] - self) > 1e-3) {
			throw new InvalidModelException("the engine's nearest-neighbour search does not find word '"
					+ vectors.vocabulary().word(probe) + "' next to itself");
		}
	}

}
