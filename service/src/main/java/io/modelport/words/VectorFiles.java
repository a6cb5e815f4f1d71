package io.modelport.words;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import io.modelport.core.InvalidRequestException;
import io.modelport.registry.ModelRegistry;
import io.modelport.registry.ModelVersion;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelNames;
import io.modelport.store.ModelStoreProperties;
import io.modelport.store.Task;
import io.modelport.training.ModelPublisher;

/**
 * Moves word vectors in and out of the store in the word2vec formats, so vectors trained
 * elsewhere (the C tool, gensim) can be served and ours used elsewhere. An import is
 * parsed completely before anything is written, then published as the model's next
 * version, like a training job's output.
 *
 * @author Modelport Team
 */
@Service
public class VectorFiles {

	private final ModelRegistry registry;

	private final WordsService words;

	private final Path store;

	public VectorFiles(ModelRegistry registry, WordsService words, ModelStoreProperties properties) {
		this.registry = registry;
		this.words = words;
		this.store = properties.location();
	}

	/**
	 * Writes a loaded version's vectors.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param format the format to write
	 * @param out where to write
	 * @throws IOException when writing fails
	 */
	public void export(String model, Integer version, Word2VecFormat format, OutputStream out) throws IOException {
		format.write(this.words.resolve(model, version).state(WordModel.class).vectors(), out);
	}

	/**
	 * Checks that a version can be exported, before the response starts.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @return the version that will be exported
	 */
	public int exportedVersion(String model, Integer version) {
		LoadedModel loaded = this.words.resolve(model, version);
		return loaded.descriptor().version();
	}

	/**
	 * Publishes uploaded vectors as the model's next version and loads it.
	 * @param model the model name (created when new)
	 * @param format the upload's format
	 * @param body the file's bytes
	 * @param tokenizer how queries to the new version are cased and tokenized
	 * @return what was imported
	 * @throws InvalidRequestException when the name or the file is not valid
	 */
	public VectorImport importVectors(String model, Word2VecFormat format, byte[] body, TokenizerSettings tokenizer)
			throws IOException {
		try {
			ModelNames.requireValid(model);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
		WordVectors vectors;
		try {
			vectors = format.read(new ByteArrayInputStream(body), Word2VecLimits.DEFAULT);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"not a valid word2vec " + format.name().toLowerCase() + " file: " + ex.getMessage());
		}
		Path staging = Files.createTempDirectory("modelport-vectors");
		try {
			String file = (format == Word2VecFormat.TEXT) ? "vectors.txt" : "vectors.bin";
			Files.write(staging.resolve(file), body);
			Map<String, Object> provenance = new LinkedHashMap<>();
			provenance.put("importedAt", Instant.now().toString());
			provenance.put("source", "uploaded word2vec " + format.name().toLowerCase() + " file");
			ModelDescriptor template = new ModelDescriptor(model, 1, Task.WORD2VEC,
					(format == Word2VecFormat.TEXT) ? ArtifactFormat.WORD2VEC_TEXT : ArtifactFormat.WORD2VEC_BINARY,
					null, List.of(new Artifact(file, null)), null, List.of(),
					new WordModelSettings(tokenizer, vectors.dimension(), vectors.vocabulary().size()).toParameters(),
					provenance, staging);
			ModelDescriptor published = ModelPublisher.publishNextVersion(template, this.store);
			ModelVersion loaded = this.registry.reload(model).version(published.version());
			return new VectorImport(model, published.version(), (loaded != null) ? loaded.state().name() : "UNKNOWN",
					(loaded != null) ? loaded.failureReason() : null, vectors.vocabulary().size(), vectors.dimension());
		}
		finally {
			ModelPublisher.deleteRecursively(staging);
		}
	}

}
