package io.modelport.contract;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A query parameter or multipart part the endpoint does not read; answered with 400
 * {@code unknown-parameter}.
 *
 * @author Modelport Team
 */
public class UnknownParameterException extends RuntimeException {

	private final String name;

	private final List<String> known;

	UnknownParameterException(String name, Set<String> known) {
		super("unknown parameter '" + name + "'" + Suggestions.didYouMean(name, known)
				+ (known.isEmpty() ? " (this endpoint takes no parameters)"
						: " (known parameters here: " + String.join(", ", new TreeSet<>(known)) + ")"));
		this.name = name;
		this.known = List.copyOf(new TreeSet<>(known));
	}

	/**
	 * The name the client sent.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The names the endpoint reads.
	 * @return the names, sorted
	 */
	public List<String> known() {
		return this.known;
	}

}
