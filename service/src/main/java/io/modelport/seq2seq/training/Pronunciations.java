package io.modelport.seq2seq.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.modelport.datasets.BuiltInPairs;

/**
 * English spelling to IPA pronunciation pairs from the FreeDict English-French dictionary
 * (Debian package {@code dict-freedict-eng-fra}, GPL-2+): every headword line
 * {@code headword /IPA/} of the dictzip file, the headword lower-cased, the first
 * pronunciation of a headword kept. A real grapheme-to-phoneme task of about 8,800 words
 * whose alignment is monotonic, so a small character-level model learns it in minutes.
 *
 * @author Modelport Team
 */
public final class Pronunciations {

	/** How the data set is described in provenance. */
	public static final String DESCRIPTION = "English spelling to IPA from the FreeDict English-French dictionary "
			+ "(Debian dict-freedict-eng-fra 2022.04.21, GPL-2+), one pronunciation per lower-cased headword";

	/** Where Debian installs the dictionary. */
	public static final Path DEFAULT_FILE = BuiltInPairs.DEFAULT_DICTIONARY;

	// A headword starts a line and its pronunciation closes it between slashes.
	private static final Pattern ENTRY = Pattern.compile("^(\\S[^/]*?) /([^/]+)/$");

	private Pronunciations() {
	}

	/**
	 * Reads the pairs.
	 * @param file the {@code .dict.dz} file (dictzip, which is gzip) or a plain
	 * {@code .dict}
	 * @return headword to IPA pairs in dictionary order
	 * @throws IOException when the file cannot be read
	 */
	public static List<SequencePair> read(Path file) throws IOException {
		Map<String, String> first = new LinkedHashMap<>();
		try (InputStream raw = Files.newInputStream(file);
				InputStream in = file.toString().endsWith(".dz") ? new GZIPInputStream(raw) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				Matcher matcher = ENTRY.matcher(line);
				if (matcher.matches()) {
					first.putIfAbsent(matcher.group(1).strip().toLowerCase(Locale.ROOT), matcher.group(2).strip());
				}
			}
		}
		List<SequencePair> pairs = new ArrayList<>(first.size());
		first.forEach((word, ipa) -> pairs.add(new SequencePair(word, ipa)));
		return pairs;
	}

}
