package io.modelport.words;

/**
 * What a loaded word2vec version keeps besides its engine model: the vectors (for
 * lookups, cosines and export) and the tokenizer its corpus was read with.
 *
 * @param vectors the word vectors
 * @param tokenizer the model's tokenizer
 * @author Modelport Team
 */
public record WordModel(WordVectors vectors, Tokenizer tokenizer) {

	/**
	 * Looks a word up the way the model was trained: casing per the tokenizer.
	 * @param word the word as the client sent it
	 * @return the word as the vocabulary spells it
	 */
	public String normalize(String word) {
		return this.tokenizer.normalize(word);
	}

}
