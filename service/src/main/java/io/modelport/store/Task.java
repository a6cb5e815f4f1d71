package io.modelport.store;

import java.util.Arrays;

/**
 * What a model does, which decides the endpoints that serve it.
 *
 * @author Modelport Team
 */
public enum Task {

	/** Image classification: an image in, class probabilities out. */
	CLASSIFIER("classifier"),

	/** Object detection with non-max suppression. */
	DETECTOR("detector"),

	/** Siamese face embedding and verification. */
	FACE_VERIFIER("face-verifier"),

	/** Word embeddings. */
	WORD2VEC("word2vec"),

	/** Sequence to sequence translation. */
	SEQ2SEQ("seq2seq");

	private final String id;

	Task(String id) {
		this.id = id;
	}

	/**
	 * The identifier used in descriptors, URLs and metric tags.
	 * @return the identifier, for example {@code face-verifier}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Parses a descriptor value.
	 * @param id the identifier
	 * @return the task
	 * @throws IllegalArgumentException when no task has that identifier
	 */
	public static Task fromId(String id) {
		return Arrays.stream(values())
			.filter((task) -> task.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown task '" + id + "', expected one of " + Arrays.stream(values()).map(Task::id).toList()));
	}

}
