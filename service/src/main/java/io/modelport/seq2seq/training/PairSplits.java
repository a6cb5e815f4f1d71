package io.modelport.seq2seq.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The train, dev and test examples of a translator.
 *
 * @param train the training examples
 * @param dev the examples the best epoch is chosen on
 * @param test the held-out examples the report measures
 * @author Modelport Team
 */
public record PairSplits(List<SequencePair> train, List<SequencePair> dev, List<SequencePair> test) {

	public PairSplits {
		train = List.copyOf(train);
		dev = List.copyOf(dev);
		test = List.copyOf(test);
	}

	/**
	 * Splits pairs by source text: the distinct sources are shuffled with the seed and
	 * cut into shares, and every pair goes where its source went, so no test source is
	 * ever trained on. Exact duplicate pairs are dropped.
	 * @param pairs the pairs
	 * @param devShare the share of sources for dev
	 * @param testShare the share of sources for test
	 * @param seed the shuffle seed
	 * @return the splits
	 */
	public static PairSplits bySource(List<SequencePair> pairs, double devShare, double testShare, long seed) {
		Map<String, List<SequencePair>> bySource = new LinkedHashMap<>();
		for (SequencePair pair : pairs) {
			List<SequencePair> group = bySource.computeIfAbsent(pair.source(), (source) -> new ArrayList<>());
			if (!group.contains(pair)) {
				group.add(pair);
			}
		}
		List<String> sources = new ArrayList<>(bySource.keySet());
		Collections.shuffle(sources, new Random(seed));
		int test = (int) Math.round(sources.size() * testShare);
		int dev = (int) Math.round(sources.size() * devShare);
		return new PairSplits(collect(bySource, sources.subList(test + dev, sources.size())),
				collect(bySource, sources.subList(test, test + dev)), collect(bySource, sources.subList(0, test)));
	}

	/**
	 * Reads tab-separated pairs, one {@code source\ttarget} per line; blank lines and
	 * lines without a tab or with an empty side are skipped.
	 * @param file the file
	 * @return the pairs
	 * @throws IOException when the file cannot be read
	 */
	public static List<SequencePair> readTabSeparated(Path file) throws IOException {
		List<SequencePair> pairs = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int tab = line.indexOf('\t');
			if (tab <= 0) {
				continue;
			}
			String source = line.substring(0, tab).strip();
			String target = line.substring(tab + 1).strip();
			if (!source.isEmpty() && !target.isEmpty()) {
				pairs.add(new SequencePair(source, target));
			}
		}
		return pairs;
	}

	private static List<SequencePair> collect(Map<String, List<SequencePair>> bySource, List<String> sources) {
		List<SequencePair> pairs = new ArrayList<>();
		for (String source : sources) {
			pairs.addAll(bySource.get(source));
		}
		return pairs;
	}

}
