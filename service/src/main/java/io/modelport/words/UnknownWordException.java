package io.modelport.words;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.modelport.core.ProblemException;
import io.modelport.core.ProblemTypes;

/**
 * Thrown when a word is not in a model's vocabulary and the model has no {@code <UNK>}
 * vector to fall back on. The web layer answers it with a 404 that names the word.
 *
 * @author Modelport Team
 */
public class UnknownWordException extends ProblemException {

	private final String word;

	public UnknownWordException(String word) {
		super(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_WORD, "Unknown word",
				"word '" + word + "' is not in the vocabulary");
		this.word = word;
	}

	@Override
	protected void addProperties(ProblemDetail body) {
		body.setProperty("word", this.word);
	}

	/**
	 * The word that was looked up.
	 * @return the word
	 */
	public String word() {
		return this.word;
	}

}
