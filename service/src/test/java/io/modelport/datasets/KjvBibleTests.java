package io.modelport.datasets;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KjvBible}: parsing the {@code bible} program's output (a fixture in
 * its exact layout), the catalog entry, and, where Debian's {@code bible-kjv} is
 * installed, the real text ({@code -Dmodelport.bible.required=true} makes its absence a
 * failure, as CI does).
 *
 * @author Modelport Team
 */
class KjvBibleTests {

	// The first lines of "bible -l0 gen1:1-rev22:21" and a chapter of a numbered book.
	private static final String OUTPUT = """

			Genesis 1

			  1 In the beginning God created the heaven and the earth.
			  2 And the earth was without form, and void; and darkness was upon the face of the deep.

			1 Samuel 3

			  10 And the LORD came, and stood, and called as at other times, Samuel, Samuel.
			""";

	@TempDir
	Path dir;

	@Test
	void keepsTheVersesWithoutTheirNumbersAndDropsHeadings() throws IOException {
		StringWriter out = new StringWriter();
		assertThat(KjvBible.verses(new StringReader(OUTPUT), out)).isEqualTo(3);
		assertThat(out.toString().lines().toList()).containsExactly(
				"In the beginning God created the heaven and the earth.",
				"And the earth was without form, and void; and darkness was upon the face of the deep.",
				"And the LORD came, and stood, and called as at other times, Samuel, Samuel.");
		assertThat(KjvBible.verse("Genesis 1")).isNull();
		assertThat(KjvBible.verse("1 Samuel 3")).isNull();
		assertThat(KjvBible.verse("")).isNull();
		assertThat(KjvBible.verse("  21 The grace of our Lord Jesus Christ be with you all. Amen."))
			.isEqualTo("The grace of our Lord Jesus Christ be with you all. Amen.");
	}

	@Test
	void isListedOnlyWhenTheProgramExists() {
		assertThat(KjvBible.describe(this.dir.resolve("bible"))).isEmpty();
		DatasetCatalog catalog = new DatasetCatalog(
				DatasetFixtures.properties(this.dir.resolve("datasets"), this.dir.resolve("none")));
		assertThat(catalog.find(KjvBible.NAME)).isEmpty();
		assertThat(catalog.list()).isEmpty();
	}

	@Test
	void aFakeProgramIsRunAndItsVersesWritten() throws IOException {
		Path program = this.dir.resolve("bible");
		Files.writeString(program, "#!/bin/sh\ncat <<'EOF'\n" + OUTPUT + "EOF\n");
		Assumptions.assumeTrue(program.toFile().setExecutable(true) && Files.isExecutable(Path.of("/bin/sh")),
				"needs /bin/sh to run a fake bible program");
		Dataset dataset = KjvBible.describe(program).orElseThrow();
		assertThat(dataset.kind()).isEqualTo(DatasetKind.TEXT);
		assertThat(dataset.isBuiltIn()).isTrue();
		Path corpus = this.dir.resolve("corpus.txt");
		assertThat(KjvBible.write(program, corpus)).isEqualTo(3);
		assertThat(Files.readAllLines(corpus)).hasSize(3);
	}

	@Test
	void theInstalledBibleHasAllVerses() throws IOException {
		Path program = Path.of("/usr/bin/bible");
		boolean installed = Files.isExecutable(program);
		if (!Boolean.getBoolean("modelport.bible.required")) {
			Assumptions.assumeTrue(installed,
					"/usr/bin/bible is not installed (apt-get install bible-kjv); skipping the real KJV text");
		}
		Path corpus = this.dir.resolve("kjv.txt");
		assertThat(KjvBible.write(program, corpus)).isEqualTo(31_102);
		List<String> verses = Files.readAllLines(corpus);
		assertThat(verses.get(0)).isEqualTo("In the beginning God created the heaven and the earth.");
		assertThat(verses.get(verses.size() - 1))
			.isEqualTo("The grace of our Lord Jesus Christ be with you all. Amen.");
	}

}
