package io.modelport.words.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The settings of a word2vec training run (docs/ml-notes.md, "Word vectors"), the
 * {@code words} object of a {@code word2vec} training job. Every value may be left unset
 * in a request; {@link #withDefaults()} fills it with the word2vec C tool's defaults
 * except where noted.
 *
 * @param architecture {@code skip-gram} (predict the window from the center word) or
 * {@code cbow} (predict the center word from the mean of its window)
 * @param dimension the vector length D
 * @param window the largest reach to each side; each position draws its reach from 1 to
 * the window, as the C tool does
 * @param negatives k, the negative words drawn per positive pair
 * @param negativePower the exponent p of the unigram^p distribution negatives are drawn
 * from
 * @param subsample the subsampling threshold t, 0 for none
 * @param minCount the least corpus count a word needs to get a vector
 * @param epochs the passes over the corpus
 * @param learningRate the starting SGD step per pair; it falls linearly to 0.0001 of
 * itself over the run
 * @param batchSize the positive pairs (skip-gram) or windows (CBOW) of one step
 * @param maxVocabulary the most words kept, the most frequent first
 * @param seed the seed of the initial vectors, the subsampling, window and negative draws
 * @author Modelport Team
 */
public record Word2VecSettings(String architecture, Integer dimension, Integer window, Integer negatives,
		Double negativePower, Double subsample, Integer minCount, Integer epochs, Double learningRate,
		Integer batchSize, Integer maxVocabulary, Long seed) {

	/** Skip-gram. */
	public static final String SKIP_GRAM = "skip-gram";

	/** Continuous bag of words. */
	public static final String CBOW = "cbow";

	/** The architectures. */
	public static final List<String> ARCHITECTURES = List.of(SKIP_GRAM, CBOW);

	/**
	 * Settings with every value unset, for a request that gives none.
	 * @return the unset settings
	 */
	public static Word2VecSettings unset() {
		return new Word2VecSettings(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Fills unset values: skip-gram, D = 100, window 5, k = 5, p = 0.75, t = 0.001, min
	 * count 5, 10 epochs, learning rate 0.025 (skip-gram) or 0.05 (CBOW), batches of
	 * 1024, at most 100,000 words, seed 1.
	 * <p>
	 * The threshold 0.001 is the C tool's and gensim's default; 1e-4 or 1e-5 suit corpora
	 * of billions of words. On a corpus under a million words such as the KJV (790k) a
	 * threshold of 1e-4 already thins every word seen more than 79 times, "king" (2,256)
	 * to a fifth of its occurrences, which leaves too few pairs for the mid-frequency
	 * words the analogies are made of. The 10 epochs (the C tool runs 5) make up for the
	 * small corpus.
	 * @return the settings with every value set
	 */
	public Word2VecSettings withDefaults() {
		String arch = (this.architecture != null) ? this.architecture : SKIP_GRAM;
		return new Word2VecSettings(arch, or(this.dimension, 100), or(this.window, 5), or(this.negatives, 5),
				or(this.negativePower, NegativeSampler.DEFAULT_POWER), or(this.subsample, 1e-3), or(this.minCount, 5),
				or(this.epochs, 10), or(this.learningRate, CBOW.equals(arch) ? 0.05 : 0.025), or(this.batchSize, 1024),
				or(this.maxVocabulary, 100_000), (this.seed != null) ? this.seed : 1L);
	}

	/**
	 * Whether the run trains CBOW.
	 * @return {@code true} for CBOW, {@code false} for skip-gram
	 */
	@JsonIgnore
	public boolean isCbow() {
		return CBOW.equals(this.architecture);
	}

	/**
	 * The invalid values, by field name; unset values are fine.
	 * @return field name to message, empty when all are valid
	 */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.architecture != null && !ARCHITECTURES.contains(this.architecture)) {
			errors.put("architecture", "must be one of " + ARCHITECTURES + ", was " + this.architecture);
		}
		range(errors, "dimension", this.dimension, 2, 1000);
		range(errors, "window", this.window, 1, 20);
		range(errors, "negatives", this.negatives, 1, 50);
		if (this.negativePower != null && !(this.negativePower >= 0 && this.negativePower <= 1)) {
			errors.put("negativePower",
					"must be an exponent in [0, 1] (0 uniform, 1 by frequency), was " + this.negativePower);
		}
		if (this.subsample != null && !(this.subsample >= 0 && this.subsample <= 0.1)) {
			errors.put("subsample", "must be a threshold in [0, 0.1] (0 keeps every word), was " + this.subsample);
		}
		range(errors, "minCount", this.minCount, 1, 1_000_000);
		range(errors, "epochs", this.epochs, 1, 100);
		if (this.learningRate != null && !(this.learningRate > 0 && this.learningRate <= 1)) {
			errors.put("learningRate", "must be a number in (0, 1], was " + this.learningRate);
		}
		range(errors, "batchSize", this.batchSize, 1, 65_536);
		range(errors, "maxVocabulary", this.maxVocabulary, 2, 1_000_000);
		return errors;
	}

	/**
	 * The settings as recorded in provenance.
	 * @return the values, defaults applied
	 */
	public Map<String, Object> toMap() {
		Word2VecSettings s = withDefaults();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("architecture", s.architecture);
		map.put("dimension", s.dimension);
		map.put("window", s.window);
		map.put("negatives", s.negatives);
		map.put("negativePower", s.negativePower);
		map.put("subsample", s.subsample);
		map.put("minCount", s.minCount);
		map.put("epochs", s.epochs);
		map.put("learningRate", s.learningRate);
		map.put("batchSize", s.batchSize);
		map.put("maxVocabulary", s.maxVocabulary);
		map.put("seed", s.seed);
		return map;
	}

	private static void range(Map<String, String> errors, String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.put(field, "must be between " + min + " and " + max + ", was " + value);
		}
	}

	private static int or(Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

	private static double or(Double value, double fallback) {
		return (value != null) ? value : fallback;
	}

}
