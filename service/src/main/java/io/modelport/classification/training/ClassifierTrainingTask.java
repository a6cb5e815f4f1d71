package io.modelport.classification.training;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import ai.djl.Device;

import io.modelport.classification.InputStatistics;
import io.modelport.datasets.DatasetKind;
import io.modelport.datasets.ImageDatasets;
import io.modelport.datasets.ImageSet;
import io.modelport.datasets.LabelledImages;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.ConvClassifier;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.DataSplits;
import io.modelport.training.EpochResult;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingReport;
import io.modelport.training.TrainingSettings;
import io.modelport.training.TrainingTask;

/**
 * Training a {@code conv-classifier} on an image data set (IDX or image folders).
 *
 * @author Modelport Team
 */
public class ClassifierTrainingTask implements TrainingTask {

	// Image folders have no size of their own.
	private static final int DEFAULT_SIDE = 28;

	@Override
	public Task task() {
		return Task.CLASSIFIER;
	}

	@Override
	public String architecture() {
		return ArchitectureCatalog.CONV_CLASSIFIER;
	}

	@Override
	public void checkParameters(Map<String, Object> parameters) {
		ConvClassifier.fromParameters(parameters);
	}

	@Override
	public Set<DatasetKind> datasetKinds() {
		return EnumSet.of(DatasetKind.IDX, DatasetKind.IMAGE_FOLDERS);
	}

	@Override
	public String trainsOn() {
		return "a classifier trains on images";
	}

	@Override
	public String qualityMetric() {
		return "testAccuracy";
	}

	@Override
	public TrainedModel train(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException {
		// 0 means the data set's own size (IDX files), or 28 × 28 for image folders.
		int width = (run.width() > 0) ? run.width() : run.detail("width", DEFAULT_SIDE);
		int height = (run.height() > 0) ? run.height() : run.detail("height", DEFAULT_SIDE);
		LabelledImages data = ImageDatasets.load(run.dataset(), width, height);
		ImageSet train = limit(data.train(), run.trainLimit());
		ImageSet test = (data.test() != null) ? limit(data.test(), run.testLimit()) : null;
		Map<String, Object> parameters = new LinkedHashMap<>(run.architectureParameters());
		parameters.put("classes", data.labels().size());
		ConvClassifier architecture = ConvClassifier.fromParameters(parameters);
		TrainingSettings settings = run.settings().withDefaults();
		TrainingReport report = new ClassifierTrainer(architecture, settings, device)
			.train(DataSplits.of(train, test, settings), run.work(), progress);
		ModelDescriptor template = TrainedClassifier.descriptor(run.model(), 1, architecture, settings, report,
				data.labels(), run.source(), "data set '" + run.dataset().name() + "'", InputStatistics.of(train));
		return new TrainedModel(template, report.parameters(), TrainedClassifier.evaluation(report, data.labels()),
				Map.of());
	}

	private static ImageSet limit(ImageSet set, int limit) {
		if (limit <= 0 || limit >= set.count()) {
			return set;
		}
		return set.select(IntStream.range(0, limit).toArray());
	}

	@Override
	public void runCommand(String[] args) throws IOException {
		TrainClassifierCommand.main(args);
	}

}
