package io.modelport.words;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.modelport.embeddings.Embeddings;

/**
 * A vocabulary with one embedding per word: the matrix E stored with one row per word
 * (docs/ml-notes.md, "Word vectors": rows, as word2vec files store them), plus a copy
 * with every row scaled to unit length so that a cosine is one dot product and a
 * nearest-neighbour query is one pass over the matrix. Immutable and thread-safe.
 * <p>
 * Words are looked up exactly as given: casing and tokenization are the caller's job
 * ({@link Tokenizer#normalize(String)}). A word that is not in the vocabulary resolves to
 * {@value Vocabulary#UNK} when the model has one; otherwise it is an
 * {@link UnknownWordException}. {@value Vocabulary#UNK} itself is never a neighbour.
 *
 * @author Modelport Team
 */
public final class WordVectors {

	private final Vocabulary vocabulary;

	private final int dimension;

	private final float[] matrix;

	private final float[] unit;

	private final int threads;

	/**
	 * Embeddings for a vocabulary.
	 * @param vocabulary the words
	 * @param dimension the length D of every vector
	 * @param matrix the V × D matrix, row-major; kept, not copied
	 * @throws IllegalArgumentException when the sizes disagree or a value is not finite
	 */
	public WordVectors(Vocabulary vocabulary, int dimension, float[] matrix) {
		this(vocabulary, dimension, matrix, unitRows(vocabulary, dimension, matrix),
				Runtime.getRuntime().availableProcessors());
	}

	private WordVectors(Vocabulary vocabulary, int dimension, float[] matrix, float[] unit, int threads) {
		this.vocabulary = vocabulary;
		this.dimension = dimension;
		this.matrix = matrix;
		this.unit = unit;
		this.threads = threads;
	}

	/**
	 * The same vectors searched with a given number of threads.
	 * @param threads how many chunks one nearest-neighbour scan is split into (1: the
	 * calling thread only)
	 * @return a view sharing this instance's matrices
	 */
	public WordVectors withSearchThreads(int threads) {
		if (threads < 1) {
			throw new IllegalArgumentException("threads must be at least 1, was " + threads);
		}
		return new WordVectors(this.vocabulary, this.dimension, this.matrix, this.unit, threads);
	}

	/**
	 * The words.
	 * @return the vocabulary
	 */
	public Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/**
	 * The vector length D.
	 * @return the dimension
	 */
	public int dimension() {
		return this.dimension;
	}

	/**
	 * The row of a word, falling back to {@value Vocabulary#UNK}.
	 * @param word the word
	 * @return the row
	 * @throws UnknownWordException when the word is absent and there is no
	 * {@value Vocabulary#UNK}
	 */
	public int row(String word) {
		int row = this.vocabulary.resolve(word);
		if (row < 0) {
			throw new UnknownWordException(word);
		}
		return row;
	}

	/**
	 * The embedding e_w of a word, as stored (not normalized).
	 * @param word the word
	 * @return a copy of its vector
	 * @throws UnknownWordException when the word is unknown
	 */
	public float[] vector(String word) {
		float[] vector = new float[this.dimension];
		System.arraycopy(this.matrix, row(word) * this.dimension, vector, 0, this.dimension);
		return vector;
	}

	/**
	 * The cosine similarity of two words.
	 * @param a one word
	 * @param b the other word
	 * @return cos(e_a, e_b), 0 when either vector is zero
	 * @throws UnknownWordException when a word is unknown
	 */
	public double cosine(String a, String b) {
		int rowA = row(a) * this.dimension;
		int rowB = row(b) * this.dimension;
		double sum = 0;
		for (int i = 0; i < this.dimension; i++) {
			sum += (double) this.unit[rowA + i] * this.unit[rowB + i];
		}
		return sum;
	}

	/**
	 * The cosine similarity uᵀv / (‖u‖‖v‖) of two vectors, in double precision.
	 * @param u one vector
	 * @param v the other, of the same length
	 * @return the cosine, 0 when either vector is zero
	 */
	public static double cosine(float[] u, float[] v) {
		if (u.length != v.length) {
			throw new IllegalArgumentException("vectors of lengths " + u.length + " and " + v.length);
		}
		double dot = 0;
		double uu = 0;
		double vv = 0;
		for (int i = 0; i < u.length; i++) {
			dot += (double) u[i] * v[i];
			uu += (double) u[i] * u[i];
			vv += (double) v[i] * v[i];
		}
		return (uu == 0 || vv == 0) ? 0 : dot / Math.sqrt(uu * vv);
	}

	/**
	 * The {@code k} words nearest a word by cosine similarity, the word itself left out.
	 * @param word the word
	 * @param k how many neighbours
	 * @return the neighbours, most similar first
	 * @throws UnknownWordException when the word is unknown
	 */
	public List<Neighbour> nearest(String word, int k) {
		int row = row(word);
		return nearestRows(unitRow(row), k, new int[] { row });
	}

	/**
	 * The {@code k} words whose vectors have the highest cosine with a query vector.
	 * @param query the query, any length but D; need not be normalized
	 * @param k how many neighbours
	 * @param exclude words never to return (unknown ones are ignored)
	 * @return the neighbours, most similar first; ties go to the earlier row
	 */
	public List<Neighbour> nearest(float[] query, int k, Collection<String> exclude) {
		if (query.length != this.dimension) {
			throw new IllegalArgumentException("query has " + query.length + " values, the model " + this.dimension);
		}
		int[] excluded = exclude.stream().mapToInt(this.vocabulary::indexOf).filter((row) -> row >= 0).toArray();
		return nearestRows(Embeddings.l2Normalize(query), k, excluded);
	}

	/**
	 * Analogy by 3CosAdd (Mikolov 2013): a is to b as c is to d, with d = argmax cos(e_d,
	 * ê_b − ê_a + ê_c) over all words but a, b and c. The three inputs are normalized
	 * before they are added, as the word2vec C tool and gensim do, so that no one word's
	 * length dominates the offset; the sum is normalized too, so scores are cosines.
	 * @param a the first word of the known pair ("man")
	 * @param b the second word of the known pair ("woman")
	 * @param c the first word of the question pair ("king")
	 * @param k how many candidates for d
	 * @return the candidates, best first
	 * @throws UnknownWordException when a, b or c is unknown
	 */
	public List<Neighbour> analogy(String a, String b, String c, int k) {
		int rowA = row(a);
		int rowB = row(b);
		int rowC = row(c);
		float[] query = new float[this.dimension];
		for (int i = 0; i < this.dimension; i++) {
			query[i] = this.unit[rowB * this.dimension + i] - this.unit[rowA * this.dimension + i]
					+ this.unit[rowC * this.dimension + i];
		}
		return nearestRows(Embeddings.l2Normalize(query), k, new int[] { rowA, rowB, rowC });
	}

	/**
	 * The mean of the stored vectors of a sentence's tokens. Tokens not in the vocabulary
	 * are left out and reported, even when the model has {@value Vocabulary#UNK}: its
	 * vector is an average of rare words and would only blur the mean.
	 * @param tokens the tokens, already tokenized and cased
	 * @return the mean and the tokens left out
	 */
	public MeanVector mean(List<String> tokens) {
		double[] sum = new double[this.dimension];
		List<String> unknown = new ArrayList<>();
		int known = 0;
		for (String token : tokens) {
			int row = this.vocabulary.indexOf(token);
			if (row < 0 || row == this.vocabulary.unknownIndex()) {
				unknown.add(token);
				continue;
			}
			known++;
			for (int i = 0; i < this.dimension; i++) {
				sum[i] += this.matrix[row * this.dimension + i];
			}
		}
		float[] mean = new float[this.dimension];
		for (int i = 0; known > 0 && i < this.dimension; i++) {
			mean[i] = (float) (sum[i] / known);
		}
		return new MeanVector(mean, known, unknown);
	}

	/**
	 * The stored matrix itself, for writers in this package.
	 * @return the V × D matrix, row-major, not a copy
	 */
	float[] matrix() {
		return this.matrix;
	}

	// The row-normalised matrix, for searches that run elsewhere (the engine); shared,
	// not copied.
	float[] unitMatrix() {
		return this.unit;
	}

	float[] unitRow(int row) {
		float[] vector = new float[this.dimension];
		System.arraycopy(this.unit, row * this.dimension, vector, 0, this.dimension);
		return vector;
	}

	private List<Neighbour> nearestRows(float[] unitQuery, int k, int[] excluded) {
		if (k < 1) {
			throw new IllegalArgumentException("k must be at least 1, was " + k);
		}
		TopK best = NearestScan.search(this.unit, this.dimension, unitQuery, k, excluded,
				this.vocabulary.unknownIndex(), this.threads);
		int[] found = new int[best.size()];
		float[] scores = new float[best.size()];
		best.drainSorted(found, scores);
		List<Neighbour> neighbours = new ArrayList<>(found.length);
		for (int i = 0; i < found.length; i++) {
			neighbours.add(new Neighbour(this.vocabulary.word(found[i]), found[i], scores[i]));
		}
		return neighbours;
	}

	private static float[] unitRows(Vocabulary vocabulary, int dimension, float[] matrix) {
		if (dimension < 1) {
			throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
		}
		if ((long) vocabulary.size() * dimension != matrix.length) {
			throw new IllegalArgumentException("a " + vocabulary.size() + " × " + dimension + " matrix needs "
					+ (long) vocabulary.size() * dimension + " values, got " + matrix.length);
		}
		float[] unit = new float[matrix.length];
		for (int row = 0; row < vocabulary.size(); row++) {
			int offset = row * dimension;
			double sum = 0;
			for (int i = offset; i < offset + dimension; i++) {
				if (!Float.isFinite(matrix[i])) {
					throw new IllegalArgumentException("the vector of '" + vocabulary.word(row) + "' is not finite");
				}
				sum += (double) matrix[i] * matrix[i];
			}
			// A zero vector has no direction: it stays zero and scores 0 against
			// everything.
			double norm = Math.sqrt(sum);
			for (int i = offset; norm > 0 && i < offset + dimension; i++) {
				unit[i] = (float) (matrix[i] / norm);
			}
		}
		return unit;
	}

}
