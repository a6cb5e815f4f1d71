package io.modelport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.modelport.client.Classification;
import io.modelport.client.Detection;
import io.modelport.client.FaceEmbedding;
import io.modelport.client.ModelportClient;
import io.modelport.client.TextEmbedding;
import io.modelport.client.TranslateRequest;
import io.modelport.client.Translation;

/**
 * {@code modelport predict <model> <file>}: asks the model's task and calls the matching
 * endpoint: an image for classifiers, detectors and face models, a text file for word
 * vectors (embedded as a whole) and translators (one text per line).
 *
 * @author Modelport Team
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
		description = "Run a model on a file: an image (classifier, detector, face model) or a text file "
				+ "(word vectors: the whole text; seq2seq: one text per line).")
final class PredictCommand implements java.util.concurrent.Callable<Integer> {

	@ParentCommand
	ModelportCli root;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "MODEL")
	String model;

	@Parameters(index = "1", paramLabel = "FILE")
	Path file;

	@Option(names = "--top-k", paramLabel = "K", description = "Classifier labels to show.")
	Integer topK;

	@Option(names = "--version", paramLabel = "VERSION", description = "The model version (default: the default).")
	Integer version;

	@Override
	public Integer call() {
		ModelportCli.existing(this.spec, this.file);
		ModelportClient client = this.root.client();
		Output output = this.root.output(this.spec);
		String task = client.models().describe(this.model).task();
		switch ((task != null) ? task : "") {
			case "classifier" -> classify(client, output);
			case "detector" -> detect(client, output);
			case "face-verifier" -> embedFace(client, output);
			case "word2vec" -> embedText(client, output);
			case "seq2seq" -> translate(client, output);
			default -> {
				this.spec.commandLine().getErr().println("error: model " + this.model + " has no task to predict with");
				return ExitCodes.REJECTED;
			}
		}
		return ExitCodes.OK;
	}

	private void classify(ModelportClient client, Output output) {
		Classification answer = client.classify(this.model, bytes(), this.topK, this.version);
		if (output.json()) {
			output.json(answer);
			return;
		}
		output.table(List.of("LABEL", "PROBABILITY"),
				answer.predictions()
					.stream()
					.map((prediction) -> List.of(prediction.label(), Output.number(prediction.probability())))
					.toList());
	}

	private void detect(ModelportClient client, Output output) {
		Detection answer = client.detect(this.model, bytes(), Detection.Options.DEFAULT, this.version);
		if (output.json()) {
			output.json(answer);
			return;
		}
		output.table(List.of("LABEL", "SCORE", "X", "Y", "WIDTH", "HEIGHT"),
				answer.detections()
					.stream()
					.map((object) -> List.of(object.label(), Output.number(object.score()),
							Output.number(object.box().x()), Output.number(object.box().y()),
							Output.number(object.box().width()), Output.number(object.box().height())))
					.toList());
	}

	private void embedFace(ModelportClient client, Output output) {
		FaceEmbedding answer = client.faces().embed(this.model, bytes());
		if (output.json()) {
			output.json(answer);
			return;
		}
		output.line("embedding of " + answer.dimension() + " values, norm " + Output.number(answer.norm())
				+ " (version " + answer.version() + ")");
	}

	private void embedText(ModelportClient client, Output output) {
		TextEmbedding answer = client.words().embed(this.model, text());
		if (output.json()) {
			output.json(answer);
			return;
		}
		output.line(answer.knownTokens() + " of " + answer.tokens() + " words known, vector of " + answer.dimension()
				+ " values" + (answer.unknownTokens().isEmpty() ? "" : "; unknown: " + answer.unknownTokens()));
	}

	private void translate(ModelportClient client, Output output) {
		List<String> lines = text().lines().filter((line) -> !line.isBlank()).toList();
		List<Translation> answer = client
			.translate(this.model, new TranslateRequest(null, lines, null, null, null, null, null, this.version))
			.all();
		if (output.json()) {
			output.json(answer);
			return;
		}
		output.table(List.of("INPUT", "OUTPUT", "SCORE"),
				answer.stream()
					.map((translation) -> List.of(translation.input(), translation.output(),
							Output.number(translation.score())))
					.toList());
	}

	private byte[] bytes() {
		try {
			return Files.readAllBytes(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	private String text() {
		return new String(bytes(), StandardCharsets.UTF_8);
	}

}
