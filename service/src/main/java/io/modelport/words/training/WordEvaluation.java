package io.modelport.words.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelport.words.Neighbour;
import io.modelport.words.WordVectors;

/**
 * The quality report of trained vectors: accuracy on analogy questions (3CosAdd, the
 * first candidate must be the answer, as word2vec's {@code compute-accuracy}), cosine
 * similarity of related and unrelated word pairs, and the nearest neighbours of probe
 * words. The question and pair files are in the questions-words format: {@code # comment}
 * lines, {@code : section} lines, then lines of words.
 *
 * @author Modelport Team
 */
public final class WordEvaluation {

	/** The analogy questions built from the KJV, on the class path. */
	public static final String ANALOGIES = "words/kjv-analogies.txt";

	/** The related and unrelated pairs, on the class path. */
	public static final String SIMILARITY = "words/kjv-similarity.txt";

	/** The words whose neighbours are reported. */
	public static final List<String> PROBES = List.of("god", "king", "jesus", "david", "egypt", "water", "son");

	private static final String RELATED = "related";

	private static final String UNRELATED = "unrelated";

	private final Map<String, List<String[]>> analogies;

	private final Map<String, List<String[]>> pairs;

	/**
	 * An evaluation with given questions and pairs.
	 * @param analogies the questions by category, each four words
	 * @param pairs the {@code related} and {@code unrelated} pairs, each two words
	 */
	public WordEvaluation(Map<String, List<String[]>> analogies, Map<String, List<String[]>> pairs) {
		this.analogies = analogies;
		this.pairs = pairs;
	}

	/**
	 * The evaluation with the KJV questions and pairs shipped with the service.
	 * @return the evaluation
	 * @throws IOException when a resource is missing or malformed
	 */
	public static WordEvaluation kjv() throws IOException {
		return new WordEvaluation(resource(ANALOGIES, 4), resource(SIMILARITY, 2));
	}

	/**
	 * Reads a file in the questions-words format.
	 * @param in the file
	 * @param width the words a line must have
	 * @return the lines by section, in file order
	 * @throws IOException when a line has another number of words or comes before any
	 * section
	 */
	public static Map<String, List<String[]>> read(InputStream in, int width) throws IOException {
		Map<String, List<String[]>> sections = new LinkedHashMap<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		List<String[]> current = null;
		int number = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			number++;
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			if (text.startsWith(":")) {
				current = sections.computeIfAbsent(text.substring(1).strip(), (name) -> new ArrayList<>());
				continue;
			}
			String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
			if (current == null || words.length != width) {
				throw new IOException("line " + number + ": expected " + width + " words after a ': section' line");
			}
			current.add(words);
		}
		return sections;
	}

	/**
	 * Analogy accuracy per category and overall.
	 * @param vectors the vectors
	 * @return per category: {@code questions}, {@code answered} (all four words known),
	 * {@code correct}, {@code accuracy} (correct / answered); then {@code overall}
	 */
	public Map<String, Object> analogies(WordVectors vectors) {
		Map<String, Object> report = new LinkedHashMap<>();
		int answered = 0;
		int correct = 0;
		int total = 0;
		for (Map.Entry<String, List<String[]>> category : this.analogies.entrySet()) {
			int categoryAnswered = 0;
			int categoryCorrect = 0;
			for (String[] q : category.getValue()) {
				if (known(vectors, q)) {
					categoryAnswered++;
					List<Neighbour> best = vectors.analogy(q[0], q[1], q[2], 1);
					categoryCorrect += (!best.isEmpty() && best.get(0).word().equals(q[3])) ? 1 : 0;
				}
			}
			report.put(category.getKey(), score(category.getValue().size(), categoryAnswered, categoryCorrect));
			answered += categoryAnswered;
			correct += categoryCorrect;
			total += category.getValue().size();
		}
		report.put("overall", score(total, answered, correct));
		return report;
	}

	/**
	 * The overall analogy accuracy alone.
	 * @param vectors the vectors
	 * @return correct / answered, 0 when no question could be answered
	 */
	public double analogyAccuracy(WordVectors vectors) {
		Map<?, ?> overall = (Map<?, ?>) analogies(vectors).get("overall");
		return ((Number) overall.get("accuracy")).doubleValue();
	}

	/**
	 * Cosine similarity of every known pair, and each group's mean.
	 * @param vectors the vectors
	 * @return per group: {@code mean}, {@code pairs} (word pair → cosine),
	 * {@code skipped}
	 */
	public Map<String, Object> similarity(WordVectors vectors) {
		Map<String, Object> report = new LinkedHashMap<>();
		for (Map.Entry<String, List<String[]>> group : this.pairs.entrySet()) {
			Map<String, Object> cosines = new LinkedHashMap<>();
			List<String> skipped = new ArrayList<>();
			double sum = 0;
			for (String[] pair : group.getValue()) {
				if (known(vectors, pair)) {
					double cosine = vectors.cosine(pair[0], pair[1]);
					cosines.put(pair[0] + " " + pair[1], round(cosine));
					sum += cosine;
				}
				else {
					skipped.add(pair[0] + " " + pair[1]);
				}
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("mean", cosines.isEmpty() ? 0.0 : round(sum / cosines.size()));
			entry.put("pairs", cosines);
			entry.put("skipped", skipped);
			report.put(group.getKey(), entry);
		}
		return report;
	}

	/**
	 * The mean cosine of the related pairs minus that of the unrelated ones.
	 * @param similarity a report of {@link #similarity}
	 * @return the gap, 0 when a group is missing
	 */
	public static double similarityGap(Map<String, Object> similarity) {
		if (similarity.get(RELATED) instanceof Map<?, ?> related
				&& similarity.get(UNRELATED) instanceof Map<?, ?> unrelated) {
			return round(((Number) related.get("mean")).doubleValue() - ((Number) unrelated.get("mean")).doubleValue());
		}
		return 0;
	}

	/**
	 * The nearest neighbours of each probe word in the vocabulary.
	 * @param vectors the vectors
	 * @param probes the words
	 * @param k how many neighbours
	 * @return probe → "word cosine" entries, best first
	 */
	public static Map<String, List<String>> neighbours(WordVectors vectors, List<String> probes, int k) {
		Map<String, List<String>> neighbours = new LinkedHashMap<>();
		for (String probe : probes) {
			if (vectors.vocabulary().indexOf(probe) >= 0) {
				neighbours.put(probe,
						vectors.nearest(probe, k)
							.stream()
							.map((n) -> String.format(Locale.ROOT, "%s %.3f", n.word(), n.score()))
							.toList());
			}
		}
		return neighbours;
	}

	private static boolean known(WordVectors vectors, String[] words) {
		for (String word : words) {
			if (vectors.vocabulary().indexOf(word) < 0) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, Object> score(int questions, int answered, int correct) {
		Map<String, Object> score = new LinkedHashMap<>();
		score.put("questions", questions);
		score.put("answered", answered);
		score.put("skipped", questions - answered);
		score.put("correct", correct);
		score.put("accuracy", (answered > 0) ? round((double) correct / answered) : 0.0);
		return score;
	}

	private static Map<String, List<String[]>> resource(String name, int width) throws IOException {
		try (InputStream in = WordEvaluation.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException(name + " is not on the class path");
			}
			return read(in, width);
		}
	}

	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
