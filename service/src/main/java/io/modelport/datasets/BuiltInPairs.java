package io.modelport.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in {@code sequence-pairs} data sets a translator can train on:
 * {@value #DATES} (generated, always there) and {@value #PRONUNCIATIONS} (English
 * spelling to IPA from the FreeDict English-French dictionary, listed only when its file
 * is installed). Neither has a pairs file; a training worker recognises them by name and
 * reads {@code details.file}.
 *
 * @author Modelport Team
 */
public class BuiltInPairs {

	/** The generated date-normalisation set. */
	public static final String DATES = "dates";

	/** The English spelling to IPA set. */
	public static final String PRONUNCIATIONS = "eng-ipa";

	/** The Debian location of the FreeDict English-French dictionary. */
	public static final Path DEFAULT_DICTIONARY = Path.of("/usr/share/dictd/freedict-eng-fra.dict.dz");

	private static final Instant LISTED = Instant.now();

	private final Path dictionary;

	private final boolean enabled;

	/**
	 * Creates the built-ins.
	 * @param dictionary the {@code freedict-eng-fra.dict.dz} file
	 */
	public BuiltInPairs(Path dictionary) {
		this(dictionary, true);
	}

	private BuiltInPairs(Path dictionary, boolean enabled) {
		this.dictionary = dictionary.toAbsolutePath().normalize();
		this.enabled = enabled;
	}

	/**
	 * No built-in pair sets, for a catalog of uploads and Fashion-MNIST only.
	 * @return the empty built-ins
	 */
	public static BuiltInPairs none() {
		return new BuiltInPairs(DEFAULT_DICTIONARY, false);
	}

	/**
	 * The built-in pair sets present on this machine.
	 * @return the data sets
	 */
	public List<Dataset> list() {
		List<Dataset> datasets = new ArrayList<>();
		find(DATES).ifPresent(datasets::add);
		find(PRONUNCIATIONS).ifPresent(datasets::add);
		return datasets;
	}

	/**
	 * Finds a built-in pair set.
	 * @param name the name
	 * @return the data set, empty when there is none of that name here
	 */
	public Optional<Dataset> find(String name) {
		if (!this.enabled) {
			return Optional.empty();
		}
		if (DATES.equals(name)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("generator", "dates 1900-2099 in 18 human formats to ISO 8601, seeded");
			details.put("sourceLevel", "character");
			details.put("targetLevel", "character");
			return Optional.of(new Dataset(DATES, DatasetKind.SEQUENCE_PAIRS, Dataset.BUILT_IN, Path.of("generated"),
					details, LISTED));
		}
		if (PRONUNCIATIONS.equals(name) && Files.isRegularFile(this.dictionary)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("file", this.dictionary.toString());
			details.put("source", "FreeDict English-French (Debian dict-freedict-eng-fra), GPL-2+");
			details.put("sourceLevel", "character");
			details.put("targetLevel", "character");
			return Optional.of(new Dataset(PRONUNCIATIONS, DatasetKind.SEQUENCE_PAIRS, Dataset.BUILT_IN,
					this.dictionary.getParent(), details, LISTED));
		}
		return Optional.empty();
	}

	/**
	 * Tells whether uploads may not use a name.
	 * @param name the name
	 * @return {@code true} for a built-in name
	 */
	public boolean isReserved(String name) {
		return this.enabled && (DATES.equals(name) || PRONUNCIATIONS.equals(name));
	}

}
