package io.modelport.words;

/**
 * Bounds on a word2vec file, checked against its header before anything large is
 * allocated, so a corrupt or hostile header is an error rather than an out-of-memory.
 *
 * @param maxWords the most words (rows) accepted
 * @param maxDimension the longest vector accepted
 * @param maxWordBytes the longest word accepted, in UTF-8 bytes
 * @author Modelport Team
 */
public record Word2VecLimits(int maxWords, int maxDimension, int maxWordBytes) {

	/**
	 * Room for the 3M × 300 GoogleNews vectors; longer words than 1,000 bytes are surely
	 * not words.
	 */
	public static final Word2VecLimits DEFAULT = new Word2VecLimits(5_000_000, 4096, 1000);

	public Word2VecLimits {
		if (maxWords < 1 || maxDimension < 1 || maxWordBytes < 1) {
			throw new IllegalArgumentException("word2vec limits must be positive");
		}
	}

}
