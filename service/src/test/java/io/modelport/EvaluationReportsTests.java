package io.modelport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.classification.training.ClassifierReport;
import io.modelport.detection.training.DetectorReport;
import io.modelport.faces.training.FaceReport;
import io.modelport.seq2seq.training.Seq2SeqReport;
import io.modelport.training.EvaluationReport;
import io.modelport.words.training.Word2VecReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task's typed evaluation report reads the {@code evaluation.json} of the shipped
 * versions, written before the records existed, and writes it back member for member, in
 * the same order, as the worker writes it ({@code TrainingWorker}'s default mapper).
 *
 * @author Modelport Team
 */
class EvaluationReportsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource({ "fashion-mnist/2, classifier, testAccuracy", "kjv-words/1, words, analogyAccuracy",
			"dates/1, seq2seq, testExactMatch", "eng-ipa/1, seq2seq, testBleu", "fashion-scenes/1, detector, testMap50",
			"orl-faces/1, face, testAuc" })
	void storedReportsReadIntoTheirRecordAndWriteBackTheSameJson(String version, String task, String headline)
			throws Exception {
		String stored = Files.readString(Path.of("../model-store", version, "evaluation.json"));
		EvaluationReport report = this.json.readValue(stored, type(task));
		JsonNode written = this.json.readTree(this.json.writeValueAsString(report));
		JsonNode original = this.json.readTree(stored);

		assertThat(written).isEqualTo(original);
		assertThat(names(written)).containsExactlyElementsOf(names(original));
		assertThat(report.summary()).containsKey(headline);
		assertThat(report.summary().values()).allSatisfy((value) -> assertThat(value).isInstanceOf(Number.class));
	}

	private static Class<? extends EvaluationReport> type(String task) {
		return switch (task) {
			case "classifier" -> ClassifierReport.class;
			case "words" -> Word2VecReport.class;
			case "seq2seq" -> Seq2SeqReport.class;
			case "detector" -> DetectorReport.class;
			case "face" -> FaceReport.class;
			default -> throw new IllegalArgumentException(task);
		};
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
