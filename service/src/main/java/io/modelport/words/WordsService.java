package io.modelport.words;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.translate.TranslateException;
import org.springframework.stereotype.Service;

import io.modelport.core.InferenceFailedException;
import io.modelport.core.InvalidRequestException;
import io.modelport.embeddings.Embeddings;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.Task;
import io.modelport.web.ApiProperties;

/**
 * Word-vector queries (docs/ml-notes.md, "Word vectors"): lookups and cosines read the
 * vectors in memory; nearest neighbours and analogies go through the model's queue, where
 * the engine scores every word with one matrix product per batch. Words are cased as the
 * model was trained ({@link Tokenizer#normalize(String)}); an unknown word is an
 * {@link UnknownWordException} unless the model has a {@value Vocabulary#UNK} row.
 *
 * @author Modelport Team
 */
@Service
public class WordsService {

	/** The most neighbours one request may ask for. */
	public static final int MAX_K = 1000;

	private final ModelRegistry registry;

	private final InferenceMetrics metrics;

	private final ApiProperties limits;

	public WordsService(ModelRegistry registry, InferenceMetrics metrics, ApiProperties limits) {
		this.registry = registry;
		this.metrics = metrics;
		this.limits = limits;
	}

	/**
	 * Finds the word2vec model that serves a request.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @return the loaded model
	 * @throws InvalidRequestException when the model is not a word2vec model
	 */
	public LoadedModel resolve(String model, Integer version) {
		LoadedModel loaded = this.registry.resolve(model, version);
		if (loaded.descriptor().task() != Task.WORD2VEC) {
			throw new InvalidRequestException(
					"model '" + model + "' is a " + loaded.descriptor().task().id() + " model, not a word2vec model");
		}
		return loaded;
	}

	/**
	 * Looks up one word's vector.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param word the word
	 * @return the vector, and whether the word itself is in the vocabulary
	 */
	public WordVector word(String model, Integer version, String word) {
		LoadedModel loaded = resolve(model, version);
		WordModel words = loaded.state(WordModel.class);
		String normalized = words.normalize(word);
		float[] vector = words.vectors().vector(normalized);
		boolean known = words.vectors().vocabulary().indexOf(normalized) >= 0;
		return new WordVector(model, loaded.descriptor().version(), normalized, known, vector.length, vector);
	}

	/**
	 * The cosine similarity of two words.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param a the first word
	 * @param b the second word
	 * @return the similarity
	 */
	public Similarity similarity(String model, Integer version, String a, String b) {
		LoadedModel loaded = resolve(model, version);
		WordModel words = loaded.state(WordModel.class);
		String first = words.normalize(a);
		String second = words.normalize(b);
		return new Similarity(model, loaded.descriptor().version(), first, second,
				words.vectors().cosine(first, second));
	}

	/**
	 * The k words nearest to a word by cosine similarity, the word itself excluded.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param word the word
	 * @param k how many neighbours, 1 to {@value #MAX_K}
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the neighbours, nearest first
	 */
	public SimilarWords similar(String model, Integer version, String word, int k, Duration timeout) {
		checkK(k);
		LoadedModel loaded = resolve(model, version);
		WordVectors vectors = loaded.state(WordModel.class).vectors();
		String normalized = loaded.state(WordModel.class).normalize(word);
		int row = vectors.row(normalized);
		List<ScoredWord> neighbours = nearest(loaded, vectors.unitRow(row), k, timeout, row);
		return new SimilarWords(model, loaded.descriptor().version(), normalized, neighbours);
	}

	/**
	 * Solves a : b :: c : d by d = argmax cos(e_d, e_b − e_a + e_c) over unit vectors,
	 * excluding a, b and c (docs/ml-notes.md, "Word vectors").
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param request the three words and k
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the candidates for d, best first
	 */
	public AnalogyResponse analogy(String model, Integer version, AnalogyRequest request, Duration timeout) {
		if (request.a() == null || request.b() == null || request.c() == null) {
			throw new InvalidRequestException("an analogy needs the words a, b and c (a : b :: c : ?)");
		}
		int k = (request.k() != null) ? request.k() : 1;
		checkK(k);
		LoadedModel loaded = resolve(model, version);
		WordModel words = loaded.state(WordModel.class);
		WordVectors vectors = words.vectors();
		int[] rows = { vectors.row(words.normalize(request.a())), vectors.row(words.normalize(request.b())),
				vectors.row(words.normalize(request.c())) };
		float[] a = vectors.unitRow(rows[0]);
		float[] b = vectors.unitRow(rows[1]);
		float[] c = vectors.unitRow(rows[2]);
		float[] query = new float[vectors.dimension()];
		for (int i = 0; i < query.length; i++) {
			query[i] = b[i] - a[i] + c[i];
		}
		List<ScoredWord> candidates = nearest(loaded, Embeddings.l2Normalize(query), k, timeout, rows);
		return new AnalogyResponse(model, loaded.descriptor().version(), vectors.vocabulary().word(rows[0]),
				vectors.vocabulary().word(rows[1]), vectors.vocabulary().word(rows[2]),
				candidates.isEmpty() ? null : candidates.get(0).word(), candidates);
	}

	/**
	 * Embeds a text as the mean of its known words' vectors, tokenized as the model was
	 * trained; unknown tokens are listed, not guessed.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param text the text
	 * @return the mean vector
	 * @throws InvalidRequestException when the text is longer than the limit or no token
	 * of it is in the vocabulary
	 */
	public TextEmbedding embed(String model, Integer version, String text) {
		if (text != null && text.length() > this.limits.maxTextLength()) {
			throw new InvalidRequestException("the text has " + text.length() + " characters, the limit is "
					+ this.limits.maxTextLength() + " (modelport.api.max-text-length)");
		}
		LoadedModel loaded = resolve(model, version);
		WordModel words = loaded.state(WordModel.class);
		List<String> tokens = words.tokenizer().tokenize((text != null) ? text : "");
		if (tokens.isEmpty()) {
			throw new InvalidRequestException("the text holds no tokens");
		}
		MeanVector mean = words.vectors().mean(tokens);
		if (mean.knownTokens() == 0) {
			throw new InvalidRequestException(
					"no token of the text is in the vocabulary of model '" + model + "': " + mean.unknownTokens());
		}
		return new TextEmbedding(model, loaded.descriptor().version(), tokens.size(), mean.knownTokens(),
				mean.unknownTokens(), mean.vector().length, mean.vector());
	}

	private List<ScoredWord> nearest(LoadedModel loaded, float[] unitQuery, int k, Duration timeout, int... excluded) {
		Vocabulary vocabulary = loaded.state(WordModel.class).vectors().vocabulary();
		NearestRows found;
		try {
			found = this.metrics.measure(loaded.descriptor(), () -> loaded.<NearestRows>predict(unitQuery,
					(timeout != null) ? timeout : loaded.defaultTimeout()));
		}
		catch (TranslateException ex) {
			throw new InferenceFailedException("the search failed for model '" + loaded.descriptor().name() + "'", ex);
		}
		List<ScoredWord> neighbours = new ArrayList<>(k);
		for (int i = 0; i < found.rows().length && neighbours.size() < k; i++) {
			int row = found.rows()[i];
			if (row != vocabulary.unknownIndex() && Arrays.stream(excluded).noneMatch((skip) -> skip == row)) {
				neighbours.add(new ScoredWord(vocabulary.word(row), found.scores()[i]));
			}
		}
		return neighbours;
	}

	private static void checkK(int k) {
		if (k < 1 || k > MAX_K) {
			throw new InvalidRequestException("k must be between 1 and " + MAX_K + ", was " + k);
		}
	}

}
