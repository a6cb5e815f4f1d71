package io.modelport.store;

import java.util.regex.Pattern;

/**
 * The one rule for model names, which become folder names and URL segments: it keeps path
 * traversal and odd characters out of the store.
 *
 * @author Modelport Team
 */
public final class ModelNames {

	private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private ModelNames() {
	}

	/**
	 * Tells whether a name is a valid model name.
	 * @param name the candidate
	 * @return {@code true} for lower-case letters, digits, dots, dashes and underscores,
	 * 1 to 64 characters, not starting with a symbol, without {@code ..}
	 */
	public static boolean isValid(String name) {
		return name != null && VALID.matcher(name).matches() && !name.contains("..");
	}

	/**
	 * Checks a name.
	 * @param name the candidate
	 * @return the name
	 * @throws IllegalArgumentException when it is not valid
	 */
	public static String requireValid(String name) {
		if (!isValid(name)) {
			throw new IllegalArgumentException("invalid model name '" + name
					+ "': use 1-64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit");
		}
		return name;
	}

}
