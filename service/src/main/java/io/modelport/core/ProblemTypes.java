package io.modelport.core;

import java.net.URI;

/**
 * The {@code type} URIs of Modelport's problem details, one per kind of failure, so
 * clients can branch on them instead of parsing messages.
 *
 * @author Modelport Team
 */
public final class ProblemTypes {

	/** The model or version does not exist. */
	public static final URI MODEL_NOT_FOUND = of("model-not-found");

	/** The model exists but is loading or failed to load. */
	public static final URI MODEL_NOT_READY = of("model-not-ready");

	/** The request's deadline ({@code Request-Timeout}) passed before it ran. */
	public static final URI DEADLINE_EXCEEDED = of("deadline-exceeded");

	/** The model's request queue is full. */
	public static final URI MODEL_BUSY = of("model-busy");

	/** The image could not be decoded or is too large. */
	public static final URI INVALID_IMAGE = of("invalid-image");

	/** A valid image with no face the model can align (422). */
	public static final URI NO_FACE = of("no-face");

	/** A photo holds several faces where exactly one is required (422). */
	public static final URI SEVERAL_FACES = of("several-faces");

	/** A parameter or field is invalid. */
	public static final URI INVALID_REQUEST = of("invalid-request");

	/** A training job or data set does not exist. */
	public static final URI NOT_FOUND = of("not-found");

	/** The resource is in a state that does not allow the request. */
	public static final URI CONFLICT = of("conflict");

	/** Too many training jobs are waiting for a worker. */
	public static final URI TRAINING_QUEUE_FULL = of("training-queue-full");

	/** The request body is over the size limit. */
	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	/**
	 * A word is not in the model's vocabulary (and the model has no unknown-word row).
	 */
	public static final URI UNKNOWN_WORD = of("unknown-word");

	/** The engine failed on a valid request. */
	public static final URI INFERENCE_FAILED = of("inference-failed");

	/** The endpoint needs an API key and none, or an unknown or expired one, came. */
	public static final URI UNAUTHORIZED = of("unauthorized");

	/** The API key is valid but lacks the scope the endpoint needs. */
	public static final URI FORBIDDEN = of("forbidden");

	/**
	 * The job store database cannot be reached; inference does not need it and goes on.
	 */
	public static final URI STORE_UNAVAILABLE = of("store-unavailable");

	/** The disk is full: nothing was written. */
	public static final URI INSUFFICIENT_STORAGE = of("insufficient-storage");

	/** An unexpected error. */
	public static final URI INTERNAL_ERROR = of("internal-error");

	private ProblemTypes() {
	}

	private static URI of(String slug) {
		return URI.create("urn:modelport:problem:" + slug);
	}

}
