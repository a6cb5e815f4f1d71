package io.modelport.words;

/**
 * Thrown when a word is not in a model's vocabulary and the model has no {@code <UNK>}
 * vector to fall back on. The web layer answers it with a 404 that names the word.
 *
 * @author Modelport Team
 */
public class UnknownWordException extends RuntimeException {

	private final String word;

	public UnknownWordException(String word) {
		super("word '" + word + "' is not in the vocabulary");
		this.word = word;
	}

	/**
	 * The word that was looked up.
	 * @return the word
	 */
	public String word() {
		return this.word;
	}

}
