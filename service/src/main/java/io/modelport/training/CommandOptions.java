package io.modelport.training;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code --option value} pairs of the trainer commands.
 *
 * @author Modelport Team
 */
public final class CommandOptions {

	private CommandOptions() {
	}

	/**
	 * Parses {@code --name value} pairs.
	 * @param args the arguments
	 * @return the values by name
	 * @throws IllegalArgumentException when an argument is not part of a pair
	 */
	public static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

}
