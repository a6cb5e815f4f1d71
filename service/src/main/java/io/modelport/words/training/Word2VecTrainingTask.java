package io.modelport.words.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.datasets.KjvBible;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.TaskRequest;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingTask;

/**
 * Training {@code word2vec} vectors (skip-gram or CBOW) on a text corpus.
 *
 * @author Modelport Team
 */
public class Word2VecTrainingTask implements TrainingTask {

	@Override
	public Task task() {
		return Task.WORD2VEC;
	}

	@Override
	public String settingsField() {
		return "words";
	}

	// A word2vec run has one settings object, words: the skip-gram or CBOW choice is
	// words.architecture and its epochs, rate, batch and seed are there too, so the
	// image-task objects would only be a second, ignored place to say the same.
	@Override
	public void checkArchitecture(TaskRequest request, BiConsumer<String, String> errors) {
		String hint = "does not apply to word2vec; its settings, skip-gram or cbow included, are in 'words'";
		if (request.architectureGiven()) {
			errors.accept("architecture", hint);
		}
		if (request.settingsGiven()) {
			errors.accept("settings", hint);
		}
		if (request.inputGiven()) {
			errors.accept("input", "does not apply to word2vec");
		}
		if (request.limitsGiven()) {
			errors.accept("limits", "does not apply to word2vec");
		}
	}

	@Override
	public void checkDataset(Dataset dataset, BiConsumer<String, String> errors) {
		if (dataset.kind() != DatasetKind.TEXT) {
			errors.accept("dataset", "data set '" + dataset.name() + "' holds " + dataset.kind().id()
					+ ", word2vec trains on a text corpus (kind text, or the built-in kjv-bible)");
		}
	}

	@Override
	public void checkSettings(TaskRequest request, BiConsumer<String, String> errors) {
		request.taskSettings(Word2VecSettings.class, Word2VecSettings.unset())
			.errors()
			.forEach((field, message) -> errors.accept("words." + field, message));
	}

	// A word2vec run counts its epochs in its own settings.
	@Override
	public int plannedEpochs(TaskRequest request) {
		return request.taskSettings(Word2VecSettings.class, Word2VecSettings.unset()).withDefaults().epochs();
	}

	@Override
	public String qualityMetric() {
		return Word2VecTraining.QUALITY_METRIC;
	}

	// An uploaded text data set is read from its corpus file; the built-in KJV is printed
	// by its program into the work folder first.
	@Override
	public TrainedModel train(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException {
		Word2VecSettings settings = run.taskSettings(Word2VecSettings.class, Word2VecSettings.unset()).withDefaults();
		Files.createDirectories(run.work());
		Dataset dataset = run.dataset();
		Path text = dataset.textFile();
		if (dataset.isBuiltIn()) {
			text = run.work().resolve("corpus.txt");
			KjvBible.write(dataset.directory(), text);
		}
		Corpus corpus = Corpus.read(text, Word2VecTraining.tokenizer(), settings.minCount(), settings.maxVocabulary());
		Word2VecTraining.Request request = new Word2VecTraining.Request(run.model(), settings, run.source(),
				"data set '" + dataset.name() + "'");
		Word2VecTraining.Result result = Word2VecTraining.run(request, corpus, run.work(), device, progress);
		return new TrainedModel(result.template(), result.vectors(), result.evaluation(),
				Map.of(Word2VecTraining.LOSS_FILE, result.lossChart()));
	}

	@Override
	public void runCommand(String[] args) throws IOException {
		// Small ops: one intra-op thread; two on a busy 2-core machine made a step 10
		// times slower (docs/benchmarks.md).
		if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
			System.setProperty("ai.djl.pytorch.num_threads", "1");
		}
		TrainWordsCommand.main(args);
	}

}
