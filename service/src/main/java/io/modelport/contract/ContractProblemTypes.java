package io.modelport.contract;

import java.net.URI;

/**
 * The {@code type} URIs of the contract's own problems: what a client sent that the API
 * does not accept in form (as opposed to a value the task refuses, which is
 * {@code invalid-request}). docs/errors.md lists them all.
 *
 * @author Modelport Team
 */
public final class ContractProblemTypes {

	/** A JSON body field the endpoint does not know. */
	public static final URI UNKNOWN_FIELD = of("unknown-field");

	/** A query parameter or form field the endpoint does not know. */
	public static final URI UNKNOWN_PARAMETER = of("unknown-parameter");

	/** The body is not well-formed JSON, or is empty. */
	public static final URI MALFORMED_JSON = of("malformed-json");

	/** The request has no body where the endpoint needs one. */
	public static final URI EMPTY_BODY = of("empty-body");

	/** A JSON field or parameter has a value of the wrong type or not in its set. */
	public static final URI INVALID_VALUE = of("invalid-value");

	/** A required parameter or multipart part is missing. */
	public static final URI MISSING_PARAMETER = of("missing-parameter");

	/** The {@code Content-Type} is missing or not one the endpoint accepts. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	/** No representation matches the {@code Accept} header. */
	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	/** The path exists but not with this HTTP method. */
	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	/** Nothing is served at this path. */
	public static final URI NO_SUCH_ENDPOINT = of("no-such-endpoint");

	private ContractProblemTypes() {
	}

	private static URI of(String slug) {
		return URI.create("urn:modelport:problem:" + slug);
	}

}
