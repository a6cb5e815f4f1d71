package io.modelport.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README, the manual under {@code docs/} and the model cards
 * resolves: the file exists and a {@code #fragment} names one of its headings. The
 * checker itself is shown to catch a missing file and a wrong anchor.
 *
 * @author Modelport Team
 */
class DocsLinksTests {

	private static final Path REPOSITORY = Path.of(System.getProperty("modelport.repository", ".."))
		.toAbsolutePath()
		.normalize();

	@Test
	void everyRelativeLinkOfTheReadmeDocsAndModelCardsResolves() throws IOException {
		List<Path> files = documentation();
		assertThat(files).contains(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("docs/api.md"),
				REPOSITORY.resolve("model-store/fashion-mnist/README.md"));
		assertThat(new MarkdownLinks().broken(REPOSITORY, files)).isEmpty();
	}

	@Test
	void aMissingFileAndAWrongAnchorAreReportedWithTheirLine(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("a.md"), """
				# Title

				See [b](b.md#second-part), [the top](#title), [a folder](.) and [the web](https://example.com/x.md).
				A [typo](c.md) and a [wrong anchor](b.md#third-part), [another](#missing).
				```
				[not a link in code](nowhere.md)
				```
				`[nor in inline code](nowhere.md)`
				""");
		Files.writeString(folder.resolve("b.md"), "# First\n\n## Second part\n");
		assertThat(new MarkdownLinks().broken(folder, List.of(folder.resolve("a.md")))).containsExactly(
				"a.md:4: c.md (no such file)", "a.md:4: b.md#third-part (no heading with this anchor)",
				"a.md:4: #missing (no heading with this anchor)");
	}

	@Test
	void anchorsAreMadeAsGitHubMakesThem() {
		assertThat(MarkdownLinks.anchor("Faces: embed, verify, gallery, identify"))
			.isEqualTo("faces-embed-verify-gallery-identify");
		assertThat(MarkdownLinks.anchor("Translate (seq2seq)")).isEqualTo("translate-seq2seq");
		assertThat(MarkdownLinks.anchor("`dates`: date normaliser")).isEqualTo("dates-date-normaliser");
		assertThat(MarkdownLinks.anchor("Docker image & GPU_1")).isEqualTo("docker-image--gpu_1");
	}

	private static List<Path> documentation() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(REPOSITORY.resolve("README.md"));
		try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		try (Stream<Path> models = Files.list(REPOSITORY.resolve("model-store"))) {
			models.map((model) -> model.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(files::add);
		}
		return files;
	}

}
