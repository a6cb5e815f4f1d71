package io.modelport.contract;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelled one, so an error can say "did you mean".
 *
 * @author Modelport Team
 */
public final class Suggestions {

	private Suggestions() {
	}

	/**
	 * The known name closest to {@code name}, when it is close enough to be a typo: at
	 * most a third of the name's letters (and at least two) edited, or one a prefix of
	 * the other ({@code epoch} for {@code epochs}).
	 * @param name the name the client sent
	 * @param known the names that are accepted
	 * @return the suggestion, if any
	 */
	public static Optional<String> closest(String name, Collection<String> known) {
		String lower = name.toLowerCase(Locale.ROOT);
		int limit = Math.max(2, lower.length() / 3);
		return known.stream()
			.filter((candidate) -> !candidate.equals(name))
			.map((candidate) -> new Scored(candidate, score(lower, candidate.toLowerCase(Locale.ROOT))))
			.filter((scored) -> scored.distance() <= limit)
			.min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
			.map(Scored::name);
	}

	/**
	 * A sentence for an error message: {@code "; did you mean 'x'?"} or nothing.
	 * @param name the name the client sent
	 * @param known the names that are accepted
	 * @return the suffix, empty when nothing is close
	 */
	public static String didYouMean(String name, Collection<String> known) {
		List<String> all = allClosest(name, known);
		if (all.isEmpty()) {
			return "";
		}
		return "; did you mean '" + String.join("' or '", all) + "'?";
	}

	/**
	 * Every known name as close as the closest one, when it is close enough.
	 * @param name the name the client sent
	 * @param known the names that are accepted
	 * @return the suggestions, best first, at most three
	 */
	public static List<String> allClosest(String name, Collection<String> known) {
		String lower = name.toLowerCase(Locale.ROOT);
		int limit = Math.max(2, lower.length() / 3);
		List<Scored> scored = known.stream()
			.filter((candidate) -> !candidate.equals(name))
			.map((candidate) -> new Scored(candidate, score(lower, candidate.toLowerCase(Locale.ROOT))))
			.filter((candidate) -> candidate.distance() <= limit)
			.sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
			.toList();
		if (scored.isEmpty()) {
			return List.of();
		}
		int best = scored.get(0).distance();
		return scored.stream().filter((s) -> s.distance() == best).limit(3).map(Scored::name).toList();
	}

	private static int score(String a, String b) {
		if (a.length() >= 3 && b.length() >= 3
				&& (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a))) {
			return 1;
		}
		return distance(a, b);
	}

	// Levenshtein distance with one row; names are short.
	static int distance(String a, String b) {
		int[] row = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			row[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int diagonal = row[0];
			row[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int above = row[j];
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
				diagonal = above;
			}
		}
		return row[b.length()];
	}

	private record Scored(String name, int distance) {

	}

}
