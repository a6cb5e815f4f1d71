package io.modelport.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetCatalog;
import io.modelport.datasets.DatasetKind;
import io.modelport.faces.training.FaceSettings;
import io.modelport.faces.training.IdentitySplit;
import io.modelport.jobs.InvalidJobRequestException.FieldError;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.ConvClassifier;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.nn.Seq2SeqNet;
import io.modelport.nn.YoloDetectorNet;
import io.modelport.seq2seq.training.Seq2SeqSettings;
import io.modelport.store.ModelNames;
import io.modelport.store.Task;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.ScheduleSettings;
import io.modelport.training.TrainingSettings;
import io.modelport.words.training.Word2VecSettings;

/**
 * Checks a job request up front, field by field, so a bad request never starts a worker.
 *
 * @author Modelport Team
 */
class TrainingJobValidator {

	private final DatasetCatalog datasets;

	TrainingJobValidator(DatasetCatalog datasets) {
		this.datasets = datasets;
	}

	/**
	 * Validates a request.
	 * @param request the request
	 * @return the data set it names
	 * @throws InvalidJobRequestException listing every invalid field
	 */
	Dataset validate(TrainingJobRequest request) {
		List<FieldError> errors = new ArrayList<>();
		Task task = task(request.task(), errors);
		if (!ModelNames.isValid(request.model())) {
			errors.add(new FieldError("model", "must be 1-64 lower-case letters, digits, '.', '-' or '_'"));
		}
		if (task == Task.WORD2VEC) {
			wordsOnly(request, errors);
		}
		else {
			architecture(task, request.architecture(), errors);
		}
		Dataset dataset = dataset(task, request.dataset(), errors);
		if (request.input() != null) {
			range(errors, "input.width", request.input().width(), 8, 512);
			range(errors, "input.height", request.input().height(), 8, 512);
		}
		settings((request.settings() != null) ? request.settings() : emptySettings(), errors);
		faces(task, request.faces(), dataset, errors);
		words(task, request.words(), errors);
		seq2seq(task, request.seq2seq(), errors);
		if (request.promotion() != null && !List.of("always", "if-better", "never").contains(request.promotion())) {
			errors.add(new FieldError("promotion", "must be always, if-better or never"));
		}
		if (request.limits() != null) {
			range(errors, "limits.trainImages", request.limits().trainImages(), 0, Integer.MAX_VALUE);
			range(errors, "limits.testImages", request.limits().testImages(), 0, Integer.MAX_VALUE);
		}
		if (!errors.isEmpty()) {
			throw new InvalidJobRequestException(errors);
		}
		return dataset;
	}

	private static Task task(String task, List<FieldError> errors) {
		if (task == null) {
			errors.add(new FieldError("task", "is required"));
			return null;
		}
		try {
			Task parsed = Task.fromId(task);
			if (parsed != Task.CLASSIFIER && parsed != Task.DETECTOR && parsed != Task.FACE_VERIFIER
					&& parsed != Task.WORD2VEC && parsed != Task.SEQ2SEQ) {
				errors.add(new FieldError("task", "training " + task + " models is not supported yet"));
			}
			return parsed;
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("task", ex.getMessage()));
			return null;
		}
	}

	private static void architecture(Task task, TrainingJobRequest.ArchitectureRequest architecture,
			List<FieldError> errors) {
		if (architecture == null || architecture.name() == null) {
			errors.add(new FieldError("architecture.name", "is required, one of " + ArchitectureCatalog.names()));
			return;
		}
		if (!ArchitectureCatalog.names().contains(architecture.name())) {
			errors.add(new FieldError("architecture.name", "unknown architecture '" + architecture.name()
					+ "', expected one of " + ArchitectureCatalog.names()));
			return;
		}
		String expected = switch ((task != null) ? task : Task.CLASSIFIER) {
			case DETECTOR -> ArchitectureCatalog.YOLO_DETECTOR;
			case FACE_VERIFIER -> ArchitectureCatalog.FACE_EMBEDDER;
			case SEQ2SEQ -> ArchitectureCatalog.SEQ2SEQ_ATTENTION;
			default -> ArchitectureCatalog.CONV_CLASSIFIER;
		};
		if (task != null && !expected.equals(architecture.name())) {
			errors.add(new FieldError("architecture.name", "a " + task.id() + " trains a '" + expected + "'"));
			return;
		}
		Map<String, Object> parameters = (architecture.parameters() != null) ? architecture.parameters() : Map.of();
		try {
			if (task == Task.DETECTOR) {
				YoloDetectorNet.fromParameters(parameters);
			}
			else if (task == Task.FACE_VERIFIER) {
				FaceEmbedderNet.fromParameters(parameters);
				// One knob for one thing: the trainer sets members from faces.ensemble.
				if (parameters.containsKey("members")) {
					errors.add(new FieldError("architecture.parameters",
							"members is set by training: give faces.ensemble instead"));
				}
			}
			else if (task == Task.SEQ2SEQ) {
				// The vocabulary sizes come from the data; any valid size checks the
				// rest.
				Map<String, Object> sized = new HashMap<>(parameters);
				sized.putIfAbsent("sourceVocabulary", 5);
				sized.putIfAbsent("targetVocabulary", 5);
				Seq2SeqNet.fromParameters(sized);
			}
			else {
				ConvClassifier.fromParameters(parameters);
			}
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("architecture.parameters", ex.getMessage()));
		}
	}

	private Dataset dataset(Task task, String name, List<FieldError> errors) {
		if (name == null) {
			errors.add(new FieldError("dataset", "is required"));
			return null;
		}
		Dataset dataset = this.datasets.find(name).orElse(null);
		if (dataset == null) {
			errors.add(new FieldError("dataset", "unknown data set '" + name + "'"));
		}
		else if (task == Task.DETECTOR && !dataset.kind().isImages() && !dataset.kind().isDetection()) {
			errors.add(new FieldError("dataset", "data set '" + name + "' holds " + dataset.kind().id()
					+ ", a detector trains on labelled boxes (yolo, coco) or on scenes of image items"));
		}
		else if (task == Task.WORD2VEC) {
			if (dataset.kind() != DatasetKind.TEXT) {
				errors.add(new FieldError("dataset", "data set '" + name + "' holds " + dataset.kind().id()
						+ ", word2vec trains on a text corpus (kind text, or the built-in kjv-bible)"));
			}
		}
		else if (task == Task.FACE_VERIFIER && dataset.kind() != DatasetKind.IMAGE_FOLDERS) {
			errors.add(new FieldError("dataset", "data set '" + name + "' holds " + dataset.kind().id()
					+ ", a face verifier trains on image-folders (one folder per identity)"));
		}
		else if (task == Task.SEQ2SEQ) {
			if (dataset.kind() != DatasetKind.SEQUENCE_PAIRS) {
				errors.add(new FieldError("dataset", "data set '" + name + "' holds " + dataset.kind().id()
						+ ", a seq2seq model trains on sequence-pairs (source<TAB>target lines)"));
			}
		}
		else if (task != Task.DETECTOR && !dataset.kind().isImages()) {
			errors.add(new FieldError("dataset",
					"data set '" + name + "' holds " + dataset.kind().id() + ", a classifier trains on images"));
		}
		return dataset;
	}

	// Face settings are checked field by field; the data set must hold enough identities
	// for disjoint train, dev and test splits, each with same-person pairs.
	private static void faces(Task task, FaceSettings faces, Dataset dataset, List<FieldError> errors) {
		if (task != Task.FACE_VERIFIER) {
			if (faces != null) {
				errors.add(new FieldError("faces", "only applies to a face-verifier"));
			}
			return;
		}
		FaceSettings given = (faces != null) ? faces : FaceSettings.unset();
		Map<String, String> invalid = given.errors();
		invalid.forEach((field, message) -> errors.add(new FieldError("faces." + field, message)));
		if (dataset == null || dataset.kind() != DatasetKind.IMAGE_FOLDERS) {
			return;
		}
		FaceSettings full = given.withDefaults();
		Object perClass = dataset.details().get("imagesPerClass");
		if (perClass instanceof Map<?, ?> counts) {
			counts.forEach((identity, count) -> {
				if (count instanceof Number number && number.intValue() < 2) {
					errors.add(new FieldError("dataset", "identity '" + identity + "' has " + number
							+ " image; a face verifier needs at least 2 per identity"));
				}
			});
			if (!invalid.containsKey("devShare") && !invalid.containsKey("testShare")) {
				int[] sizes = IdentitySplit.sizes(counts.size(), full.devShare(), full.testShare());
				if (sizes[0] < IdentitySplit.MIN_IDENTITIES) {
					errors.add(new FieldError("dataset",
							"data set '" + dataset.name() + "' has " + counts.size() + " identities, too few for "
									+ sizes[1] + " dev, " + sizes[2] + " test and " + IdentitySplit.MIN_IDENTITIES
									+ " training identities (at least 6 are needed)"));
				}
			}
		}
	}

	// A word2vec run has one settings object, words: the skip-gram or CBOW choice is
	// words.architecture and its epochs, rate, batch and seed are there too, so the
	// image-task objects would only be a second, ignored place to say the same.
	private static void wordsOnly(TrainingJobRequest request, List<FieldError> errors) {
		String hint = "does not apply to word2vec; its settings, skip-gram or cbow included, are in 'words'";
		if (request.architecture() != null) {
			errors.add(new FieldError("architecture", hint));
		}
		if (request.settings() != null) {
			errors.add(new FieldError("settings", hint));
		}
		if (request.input() != null) {
			errors.add(new FieldError("input", "does not apply to word2vec"));
		}
		if (request.limits() != null) {
			errors.add(new FieldError("limits", "does not apply to word2vec"));
		}
	}

	private static void words(Task task, Word2VecSettings words, List<FieldError> errors) {
		if (task != Task.WORD2VEC) {
			if (words != null) {
				errors.add(new FieldError("words", "only applies to word2vec"));
			}
			return;
		}
		Word2VecSettings given = (words != null) ? words : Word2VecSettings.unset();
		given.errors().forEach((field, message) -> errors.add(new FieldError("words." + field, message)));
	}

	private static void seq2seq(Task task, Seq2SeqSettings seq2seq, List<FieldError> errors) {
		if (task != Task.SEQ2SEQ) {
			if (seq2seq != null) {
				errors.add(new FieldError("seq2seq", "only applies to a seq2seq job"));
			}
			return;
		}
		Seq2SeqSettings given = (seq2seq != null) ? seq2seq : Seq2SeqSettings.unset();
		given.errors().forEach((field, message) -> errors.add(new FieldError("seq2seq." + field, message)));
	}

	private static void settings(TrainingSettings s, List<FieldError> errors) {
		range(errors, "settings.epochs", s.epochs(), 1, 1000);
		range(errors, "settings.batchSize", s.batchSize(), 1, 4096);
		OptimizerSettings o = (s.optimizer() != null) ? s.optimizer()
				: new OptimizerSettings(null, null, null, null, null, null);
		if (o.type() != null && !OptimizerSettings.TYPES.contains(o.type())) {
			errors.add(new FieldError("settings.optimizer.type", "must be one of " + OptimizerSettings.TYPES
					+ " (RMSProp, AdaGrad and AdaDelta are not implemented by DJL's PyTorch engine)"));
		}
		positive(errors, "settings.optimizer.learningRate", o.learningRate(), 10);
		fraction(errors, "settings.optimizer.momentum", o.momentum(), 0, 0.999);
		fraction(errors, "settings.optimizer.beta1", o.beta1(), 0, 0.999999);
		fraction(errors, "settings.optimizer.beta2", o.beta2(), 0, 0.999999);
		positive(errors, "settings.optimizer.epsilon", o.epsilon(), 1);
		ScheduleSettings schedule = s.schedule();
		if (schedule != null) {
			if (schedule.type() != null && !ScheduleSettings.TYPES.contains(schedule.type())) {
				errors.add(new FieldError("settings.schedule.type", "must be one of " + ScheduleSettings.TYPES));
			}
			positive(errors, "settings.schedule.decay", schedule.decay(), 100);
			range(errors, "settings.schedule.stepEpochs", schedule.stepEpochs(), 1, 1000);
		}
		fraction(errors, "settings.weightDecay", s.weightDecay(), 0, 1);
		fraction(errors, "settings.gradientClip", s.gradientClip(), 0, 1e6);
		range(errors, "settings.earlyStoppingPatience", s.earlyStoppingPatience(), 0, 1000);
		fraction(errors, "settings.devFraction", s.devFraction(), 0.001, 0.5);
		fraction(errors, "settings.testFraction", s.testFraction(), 0.001, 0.5);
		range(errors, "settings.maxShift", s.maxShift(), 0, 8);
	}

	private static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.add(new FieldError(field, "must be between " + min + " and " + max + ", was " + value));
		}
	}

	private static void positive(List<FieldError> errors, String field, Double value, double max) {
		if (value != null && !(Double.isFinite(value) && value > 0 && value <= max)) {
			errors.add(new FieldError(field, "must be a finite number in (0, " + max + "], was " + value));
		}
	}

	private static void fraction(List<FieldError> errors, String field, Double value, double min, double max) {
		if (value != null && !(Double.isFinite(value) && value >= min && value <= max)) {
			errors.add(new FieldError(field, "must be a finite number in [" + min + ", " + max + "], was " + value));
		}
	}

	private static TrainingSettings emptySettings() {
		return new TrainingSettings(null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
