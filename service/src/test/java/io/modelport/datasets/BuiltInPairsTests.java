package io.modelport.datasets;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.core.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The built-in sequence-pair sets: {@code dates} is always listed, {@code eng-ipa} only
 * when its dictionary file exists, and uploads cannot take their names.
 *
 * @author Modelport Team
 */
class BuiltInPairsTests {

	@TempDir
	Path dir;

	@Test
	void listsDatesAlwaysAndPronunciationsWhenTheDictionaryExists() throws Exception {
		Path dictionary = this.dir.resolve("freedict-eng-fra.dict.dz");
		DatasetCatalog catalog = new DatasetCatalog(
				DatasetFixtures.properties(this.dir.resolve("datasets"), this.dir.resolve("none")),
				new BuiltInPairs(dictionary));
		assertThat(catalog.list()).extracting(Dataset::name).containsExactly("dates");
		Files.writeString(dictionary, "");
		assertThat(catalog.list()).extracting(Dataset::name).containsExactly("dates", "eng-ipa");
		Dataset pronunciations = catalog.find("eng-ipa").orElseThrow();
		assertThat(pronunciations.kind()).isEqualTo(DatasetKind.SEQUENCE_PAIRS);
		assertThat(pronunciations.isBuiltIn()).isTrue();
		assertThat(pronunciations.details()).containsEntry("file", dictionary.toString());
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> catalog.store("dates", DatasetKind.SEQUENCE_PAIRS,
					new ByteArrayInputStream("a\tb\n".getBytes()), 4))
			.withMessageContaining("reserved");
		assertThat(BuiltInPairs.none().list()).isEmpty();
	}

}
