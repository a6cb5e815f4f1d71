package io.modelport.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code train} sub-command and the plug-in list it reads.
 *
 * @author Modelport Team
 */
class TrainCommandTests {

	@Test
	void everyTrainableTaskHasOnePlugInFromTheServiceFile() {
		assertThat(TrainingTasks.load().all()).extracting((task) -> task.task().id())
			.containsExactly("classifier", "detector", "face-verifier", "word2vec", "seq2seq");
	}

	@Test
	void eachPlugInNamesADistinctQualityMetric() {
		List<String> metrics = TrainingTasks.load().all().stream().map(TrainingTask::qualityMetric).toList();
		assertThat(metrics).containsExactly("testAccuracy", "testMap50", "testAuc", "analogyAccuracy", "testAccuracy");
	}

	@Test
	void anUnknownTaskIsAUsageErrorThatListsTheTasks() throws IOException {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = TrainCommand.run(new String[] { "speech" }, new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown task 'speech'")
			.contains("classifier, detector, face-verifier, word2vec, seq2seq");
	}

	@Test
	void noTaskIsAUsageError() throws IOException {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = TrainCommand.run(new String[0], new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: train <task>");
	}

}
