package io.modelport.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.modelport.client.Corpus;
import io.modelport.client.LiveService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code modelport} command, run in this JVM against the real service.
 *
 * @author Modelport Team
 */
@Tag("integration")
class CliTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static String base;

	@TempDir
	Path folder;

	@BeforeAll
	static void start() {
		base = LiveService.get().base();
	}

	@Test
	void listsModelsAsATableAndAsJson() throws IOException {
		Cli table = Cli.run(base, "models", "list");
		assertThat(table.code()).as(table.toString()).isZero();
		List<String> lines = table.out().lines().toList();
		assertThat(lines.get(0)).startsWith("NAME").contains("TASK", "DEFAULT", "STATE", "VERSIONS");
		assertThat(lines).anyMatch((line) -> line.matches("fashion-mnist\\s+classifier\\s+2\\s+READY\\s+\\[1, 2]"));
		Cli json = Cli.run(base, "--json", "models", "list");
		assertThat(json.code()).isZero();
		assertThat(JSON.readTree(json.out()).findValuesAsText("name")).contains("fashion-mnist", "kjv-words");
		// --json is accepted after the subcommand too.
		assertThat(JSON.readTree(Cli.run(base, "models", "describe", "dates", "--json").out()).get("name").asText())
			.isEqualTo("dates");
	}

	@Test
	void describesPromotesAndReloads() {
		Cli described = Cli.run(base, "models", "describe", "fashion-mnist");
		assertThat(described.code()).as(described.toString()).isZero();
		assertThat(described.out()).startsWith("fashion-mnist: classifier, default version 2").contains("VERSION");
		Cli promoted = Cli.run(base, "models", "promote", "fashion-mnist", "2");
		assertThat(promoted.code()).as(promoted.toString()).isZero();
		Cli reloaded = Cli.run(base, "models", "reload", "fashion-mnist");
		assertThat(reloaded.code()).as(reloaded.toString()).isZero();
		assertThat(reloaded.out().lines()).anyMatch((line) -> line.matches("2\\s+READY\\s+classifier.*"));
	}

	@Test
	void exitCodesTellNotFoundFromUsageFromUnavailable() throws IOException {
		Cli missingModel = Cli.run(base, "models", "describe", "no-such-model");
		assertThat(missingModel.code()).as(missingModel.toString()).isEqualTo(3);
		assertThat(missingModel.err()).contains("error: HTTP 404 Model not found",
				"urn:modelport:problem:model-not-found");
		Cli badVersion = Cli.run(base, "models", "promote", "fashion-mnist", "two");
		assertThat(badVersion.code()).isEqualTo(2);
		assertThat(badVersion.err()).contains("error: Invalid value for positional parameter");
		Cli unknown = Cli.run(base, "modles", "list");
		assertThat(unknown.code()).isEqualTo(2);
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		Cli nobody = Cli.run("http://127.0.0.1:" + closed, "models", "list");
		assertThat(nobody.code()).as(nobody.toString()).isEqualTo(5);
		assertThat(nobody.err())
			.startsWith("error: Unavailable: GET http://127.0.0.1:" + closed + "/api/v1/models failed: cannot connect");
	}

	@Test
	void predictsWithWhateverTaskTheModelHas() throws IOException {
		Path trouser = LiveService.resource("images/fashion-mnist/trouser.png");
		Cli classified = Cli.run(base, "predict", "fashion-mnist", trouser.toString(), "--top-k", "2");
		assertThat(classified.code()).as(classified.toString()).isZero();
		List<String> lines = classified.out().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(1)).startsWith("Trouser");
		Cli detected = Cli.run(base, "--json", "predict", "fashion-scenes",
				LiveService.resource("images/detection/scene-0.png").toString());
		assertThat(JSON.readTree(detected.out()).get("detections").findValuesAsText("label")).contains("Pullover");
		Path dates = Files.writeString(this.folder.resolve("dates.txt"), "3 Mar 2021\nmarch 4 2020\n");
		Cli translated = Cli.run(base, "predict", "dates", dates.toString());
		assertThat(translated.code()).as(translated.toString()).isZero();
		assertThat(translated.out()).contains("2021-03-03", "2020-03-04");
		Path verse = Files.writeString(this.folder.resolve("verse.txt"), "In the beginning God created the heaven");
		assertThat(Cli.run(base, "predict", "kjv-words", verse.toString()).out())
			.startsWith("7 of 7 words known, vector of 100 values");
		assertThat(Cli.run(base, "predict", "orl-faces", trouser.toString()).out())
			.startsWith("embedding of 64 values");
	}

	@Test
	void aMissingFileIsAUsageErrorThatNamesIt() {
		Path missing = this.folder.resolve("nope.png");
		Cli cli = Cli.run(base, "predict", "fashion-mnist", missing.toString());
		assertThat(cli.code()).isEqualTo(2);
		assertThat(cli.err()).startsWith("error: file " + missing + " does not exist");
		assertThat(cli.out()).isEmpty();
		assertThat(Cli.run(base, "jobs", "submit", missing.toString()).code()).isEqualTo(2);
		assertThat(Cli.run(base, "datasets", "upload", "x", "text", missing.toString()).code()).isEqualTo(2);
	}

	@Test
	void uploadsADataSetSubmitsAJobAndWatchesItToTheEnd() throws IOException {
		Path corpus = Files.write(this.folder.resolve("corpus.txt"), Corpus.animalsAndFruits());
		Cli uploaded = Cli.run(base, "datasets", "upload", "cli-corpus", "text", corpus.toString());
		assertThat(uploaded.code()).as(uploaded.toString()).isZero();
		assertThat(uploaded.out()).startsWith("data set cli-corpus (text) stored");
		assertThat(Cli.run(base, "datasets", "list").out()).contains("cli-corpus");

		Path invalid = Files.writeString(this.folder.resolve("invalid.json"), """
				{"task": "word2vec", "model": "cli-words", "dataset": "cli-corpus",
				 "words": {"architecture": "glove", "dimension": 0}}""");
		Cli refused = Cli.run(base, "jobs", "submit", invalid.toString());
		assertThat(refused.code()).as(refused.toString()).isEqualTo(4);
		assertThat(refused.err()).contains("words.architecture:", "words.dimension:");

		Path job = Files.writeString(this.folder.resolve("job.json"),
				JSON.writeValueAsString(Map.of("task", "word2vec", "model", "cli-words", "dataset", "cli-corpus",
						"words", Map.of("architecture", "skip-gram", "dimension", 12, "window", 2, "minCount", 2,
								"epochs", 2, "seed", 4))));
		Cli submitted = Cli.run(base, "--json", "jobs", "submit", job.toString());
		assertThat(submitted.code()).as(submitted.toString()).isZero();
		String id = JSON.readTree(submitted.out()).get("id").asText();

		Cli watched = Cli.run(base, "jobs", "watch", id);
		assertThat(watched.code()).as(watched.toString()).isZero();
		List<String> lines = watched.out().lines().toList();
		assertThat(lines.get(0)).startsWith("snapshot: job " + id);
		assertThat(lines).filteredOn((line) -> line.startsWith("epoch ")).hasSize(2);
		assertThat(lines.get(lines.size() - 1)).contains("SUCCEEDED", "version 1");

		Cli replay = Cli.run(base, "--json", "jobs", "watch", id);
		JsonNode last = JSON.readTree(replay.out().lines().reduce((first, second) -> second).orElseThrow());
		assertThat(last.get("event").asText()).isEqualTo("snapshot");
		assertThat(last.get("data").get("state").asText()).isEqualTo("SUCCEEDED");

		assertThat(Cli.run(base, "jobs", "list", "--state", "SUCCEEDED").out()).contains(id);
		Cli cancelled = Cli.run(base, "jobs", "cancel", id);
		assertThat(cancelled.code()).as(cancelled.toString()).isEqualTo(4);
		assertThat(cancelled.err()).contains("HTTP 409");
		assertThat(Cli.run(base, "jobs", "get", "no-such-job").code()).isEqualTo(3);
	}

	@Test
	void createsKeysWithTheServiceJar() {
		String jar = System.getProperty("modelport.jar");
		Path keys = this.folder.resolve("keys.txt");
		Cli created = Cli.run(base, "keys", "create", "--scopes", "inference", "--id", "ci", "--append",
				keys.toString(), "--server-jar", jar);
		assertThat(created.code()).as(created.toString()).isZero();
		assertThat(created.out()).contains("mp_");
		assertThat(keys).content().startsWith("ci ").contains("sha256:", "inference");
		Cli noJar = Cli.run(base, "keys", "create", "--scopes", "inference");
		assertThat(noJar.code()).isEqualTo(2);
		assertThat(noJar.err()).contains("--server-jar");
		Cli badScope = Cli.run(base, "keys", "create", "--scopes", "everything", "--server-jar", jar);
		assertThat(badScope.code()).as(badScope.toString()).isEqualTo(2);
	}

}
