package io.modelport.seq2seq.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.modelport.datasets.BuiltInPairs;

/**
 * The data a translator trains on, by source: the generated {@value #DATES} set, the
 * {@value #PRONUNCIATIONS} dictionary, or a tab-separated pairs file.
 *
 * @author Modelport Team
 */
public final class Seq2SeqData {

	/** The name of the built-in generated date-normalisation set. */
	public static final String DATES = BuiltInPairs.DATES;

	/** The name of the built-in English spelling to IPA set. */
	public static final String PRONUNCIATIONS = BuiltInPairs.PRONUNCIATIONS;

	private Seq2SeqData() {
	}

	/**
	 * The generated dates, split by held-out days.
	 * @param settings the translator settings, defaults applied
	 * @param seed the seed
	 * @return the splits
	 */
	public static PairSplits dates(Seq2SeqSettings settings, long seed) {
		return DateExamples.generate(seed, settings.generatedExamples(), settings.heldOutDates(),
				settings.heldOutDates());
	}

	/**
	 * The pronunciation dictionary, split by headword.
	 * @param file the dictionary file
	 * @param settings the translator settings, defaults applied
	 * @param seed the seed
	 * @return the splits
	 * @throws IOException when the file cannot be read
	 */
	public static PairSplits pronunciations(Path file, Seq2SeqSettings settings, long seed) throws IOException {
		return PairSplits.bySource(Pronunciations.read(file), settings.devShare(), settings.testShare(), seed);
	}

	/**
	 * Tab-separated pairs, split by source.
	 * @param file the pairs file
	 * @param settings the translator settings, defaults applied
	 * @param seed the seed
	 * @return the splits
	 * @throws IOException when the file cannot be read
	 */
	public static PairSplits tabSeparated(Path file, Seq2SeqSettings settings, long seed) throws IOException {
		List<SequencePair> pairs = PairSplits.readTabSeparated(file);
		return PairSplits.bySource(pairs, settings.devShare(), settings.testShare(), seed);
	}

}
