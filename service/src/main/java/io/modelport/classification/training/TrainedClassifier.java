package io.modelport.classification.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;

import io.modelport.classification.InputStatistics;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.ConvClassifier;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.Evaluation;
import io.modelport.training.ModelPublisher;
import io.modelport.training.TrainingReport;
import io.modelport.training.TrainingSettings;

/**
 * Turns a training report into what the store keeps: the descriptor (with provenance and
 * quality figures) and the evaluation report written next to the model.
 *
 * @author Modelport Team
 */
public final class TrainedClassifier {

	/** The evaluation report's file name in a version folder. */
	public static final String EVALUATION_FILE = ModelPublisher.EVALUATION_FILE;

	private TrainedClassifier() {
	}

	/**
	 * Builds the descriptor of a trained classifier.
	 * @param name the model name
	 * @param version the version it will be published as
	 * @param architecture the architecture
	 * @param settings the settings used, with defaults
	 * @param report the training report
	 * @param labels the class labels
	 * @param trainedBy how the run was started (command or job id)
	 * @param dataset a description of the data set
	 * @param statistics the training images' input statistics, saved so that answers can
	 * say how far an input lies from them
	 * @return the descriptor; its directory and artifact are set at publication
	 */
	public static ModelDescriptor descriptor(String name, int version, ConvClassifier architecture,
			TrainingSettings settings, TrainingReport report, List<String> labels, String trainedBy, String dataset,
			InputStatistics statistics) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("topK", Math.min(5, labels.size()));
		parameters.put("applySoftmax", true);
		parameters.put(InputStatistics.PARAMETER, statistics.toParameter());
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy", trainedBy);
		provenance.put("trainedAt", Instant.now().toString());
		provenance.put("dataset",
				dataset + ", " + report.trainImages() + " training images, " + report.devImages() + " dev images");
		Device device = Engine.getEngine("PyTorch").defaultDevice();
		provenance.put("engine", "DJL " + Engine.getDjlVersion() + ", PyTorch "
				+ Engine.getEngine("PyTorch").getVersion() + ", " + device);
		provenance.put("settings", settingsMap(settings));
		provenance.put("bestEpoch", report.bestEpoch());
		provenance.put("trainSeconds", Math.round(report.trainSeconds()));
		List<Map<String, Object>> history = new ArrayList<>();
		for (EpochResult epoch : report.history()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("epoch", epoch.epoch());
			entry.put("trainLoss", Evaluation.round(epoch.trainLoss()));
			entry.put("devLoss", Evaluation.round(epoch.devLoss()));
			entry.put("devAccuracy", Evaluation.round(epoch.devAccuracy()));
			history.add(entry);
		}
		provenance.put("history", history);
		provenance.put("quality", quality(report, labels));
		return new ModelDescriptor(name, version, Task.CLASSIFIER, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.CONV_CLASSIFIER, architecture.toParameters()),
				List.of(new Artifact("pending.params", null)), report.input(), labels, parameters, provenance,
				Path.of("."));
	}

	/**
	 * The evaluation report: accuracy, macro F1, ROC AUC (binary tasks), the confusion
	 * matrix and per-class precision, recall and F1 on the test split.
	 * @param report the training report
	 * @param labels the class labels
	 * @return the report
	 */
	public static ClassifierReport evaluation(TrainingReport report, List<String> labels) {
		return ClassifierReport.of(report, labels);
	}

	// The descriptor's quality figures: the report less its labels and matrix.
	private static Map<String, Object> quality(TrainingReport report, List<String> labels) {
		ClassifierReport evaluation = ClassifierReport.of(report, labels);
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put("testImages", evaluation.testImages());
		quality.put("testAccuracy", evaluation.testAccuracy());
		quality.put("testMacroF1", evaluation.testMacroF1());
		if (evaluation.testRocAuc() != null) {
			quality.put("testRocAuc", evaluation.testRocAuc());
		}
		quality.put("devAccuracy", evaluation.devAccuracy());
		quality.put("perClass", report.test().perClass(labels));
		return quality;
	}

	/**
	 * The settings as recorded in provenance.
	 * @param settings the settings, defaults applied
	 * @return the settings as a map
	 */
	public static Map<String, Object> settingsMap(TrainingSettings settings) {
		return settings.toMap();
	}

}
