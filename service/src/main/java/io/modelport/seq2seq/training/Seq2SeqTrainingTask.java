package io.modelport.seq2seq.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.Seq2SeqNet;
import io.modelport.store.Task;
import io.modelport.training.ArchitectureChecks;
import io.modelport.training.EpochResult;
import io.modelport.training.TaskRequest;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingSettings;
import io.modelport.training.TrainingTask;

/**
 * Training a {@code seq2seq-attention} translator on sequence pairs: the built-in dates
 * and pronunciations, or an uploaded tab-separated pairs file.
 *
 * @author Modelport Team
 */
public class Seq2SeqTrainingTask implements TrainingTask {

	@Override
	public Task task() {
		return Task.SEQ2SEQ;
	}

	@Override
	public String settingsField() {
		return "seq2seq";
	}

	@Override
	public String description() {
		return "a seq2seq job";
	}

	@Override
	public void checkArchitecture(TaskRequest request, BiConsumer<String, String> errors) {
		ArchitectureChecks.check(request, Task.SEQ2SEQ.id(), ArchitectureCatalog.SEQ2SEQ_ATTENTION, (parameters) -> {
			// The vocabulary sizes come from the data; any valid size checks the rest.
			Map<String, Object> sized = new HashMap<>(parameters);
			sized.putIfAbsent("sourceVocabulary", 5);
			sized.putIfAbsent("targetVocabulary", 5);
			Seq2SeqNet.fromParameters(sized);
		}, errors);
	}

	@Override
	public void checkDataset(Dataset dataset, BiConsumer<String, String> errors) {
		if (dataset.kind() != DatasetKind.SEQUENCE_PAIRS) {
			errors.accept("dataset", "data set '" + dataset.name() + "' holds " + dataset.kind().id()
					+ ", a seq2seq model trains on sequence-pairs (source<TAB>target lines)");
		}
	}

	@Override
	public void checkSettings(TaskRequest request, BiConsumer<String, String> errors) {
		request.taskSettings(Seq2SeqSettings.class, Seq2SeqSettings.unset())
			.errors()
			.forEach((field, message) -> errors.accept("seq2seq." + field, message));
	}

	// Exact-match accuracy of the beam search on the test split.
	@Override
	public String qualityMetric() {
		return "testAccuracy";
	}

	@Override
	public void prepareWorker() {
		Seq2SeqTraining.preferOneThread();
	}

	// The built-in pair sets are generated (dates) or read from the dictionary file their
	// details name; uploads are tab-separated pairs files.
	@Override
	public TrainedModel train(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException {
		Seq2SeqSettings seq2seq = run.taskSettings(Seq2SeqSettings.class, Seq2SeqSettings.unset()).withDefaults();
		TrainingSettings settings = Seq2SeqSettings.trainingDefaults(run.settings());
		Dataset dataset = run.dataset();
		boolean builtIn = dataset.isBuiltIn();
		PairSplits splits;
		String description;
		if (builtIn && Seq2SeqData.DATES.equals(dataset.name())) {
			splits = Seq2SeqData.dates(seq2seq, settings.seed());
			description = DateExamples.DESCRIPTION;
		}
		else if (builtIn && Seq2SeqData.PRONUNCIATIONS.equals(dataset.name())) {
			Path file = Path.of(String.valueOf(dataset.details().get("file")));
			splits = Seq2SeqData.pronunciations(file, seq2seq, settings.seed());
			description = Pronunciations.DESCRIPTION + ", " + file;
		}
		else {
			splits = Seq2SeqData.tabSeparated(dataset.textFile(), seq2seq, settings.seed());
			description = "data set '" + dataset.name() + "' (tab-separated pairs)";
		}
		Seq2SeqTraining.Request request = new Seq2SeqTraining.Request(run.model(), run.architectureParameters(),
				settings, seq2seq, run.source(), description);
		Seq2SeqTraining.Result result = Seq2SeqTraining.run(request, splits, run.work(), device, progress);
		return new TrainedModel(result.template(), result.parameters(), result.evaluation(), result.files());
	}

	@Override
	public void runCommand(String[] args) throws IOException {
		TrainSeq2SeqCommand.main(args);
	}

}
