package io.modelport.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the server's file system out of what clients read. Engine and I/O messages often
 * carry absolute paths (the model store, data folders, temporary files); a client needs
 * the file's name, not where the server keeps it.
 *
 * @author Modelport Team
 */
public final class SafeMessages {

	// An absolute path of two or more segments that does not continue a word, a URL
	// (scheme://host/...) or a relative path, so media types and dates never match. A
	// quoted path is the client's own input, echoed back: it is left alone.
	private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.:/~'-])(?:/[^\\s/'\",;:()\\[\\]]+){2,}/?");

	private SafeMessages() {
	}

	/**
	 * Replaces every absolute path in a message by its last segment.
	 * @param message the message, may be {@code null}
	 * @return the message without absolute paths
	 */
	public static String withoutPaths(String message) {
		if (message == null || message.indexOf('/') < 0) {
			return message;
		}
		Matcher matcher = ABSOLUTE_PATH.matcher(message);
		StringBuilder safe = new StringBuilder();
		while (matcher.find()) {
			String path = matcher.group();
			String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
			matcher.appendReplacement(safe, Matcher.quoteReplacement(trimmed.substring(trimmed.lastIndexOf('/') + 1)));
		}
		matcher.appendTail(safe);
		return safe.toString();
	}

}
