package io.modelport.faces.training;

import java.io.IOException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.faces.importer.FaceApiImport;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.FaceEmbedderNet;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.ArchitectureChecks;
import io.modelport.training.EpochResult;
import io.modelport.training.InitFrom;
import io.modelport.training.TaskRequest;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingTask;

/**
 * Training a {@code face-verifier} (a face embedder with triplet loss, optionally an
 * ensemble) on an image-folders data set, one folder per identity.
 *
 * @author Modelport Team
 */
public class FaceTrainingTask implements TrainingTask {

	// Uploads were checked against the service's limit; this only guards a worker.
	private static final long MAX_IMAGE_PIXELS = 64_000_000L;

	@Override
	public Task task() {
		return Task.FACE_VERIFIER;
	}

	@Override
	public String settingsField() {
		return "faces";
	}

	@Override
	public String description() {
		return "a face-verifier";
	}

	@Override
	public void checkArchitecture(TaskRequest request, BiConsumer<String, String> errors) {
		ArchitectureChecks.check(request, Task.FACE_VERIFIER.id(), ArchitectureCatalog.FACE_EMBEDDER, (parameters) -> {
			FaceEmbedderNet.fromParameters(parameters);
			// One knob for one thing: the trainer sets members from faces.ensemble.
			if (parameters.containsKey("members")) {
				errors.accept("architecture.parameters", "members is set by training: give faces.ensemble instead");
			}
		}, errors);
	}

	@Override
	public void checkDataset(Dataset dataset, BiConsumer<String, String> errors) {
		if (dataset.kind() != DatasetKind.IMAGE_FOLDERS) {
			errors.accept("dataset", "data set '" + dataset.name() + "' holds " + dataset.kind().id()
					+ ", a face verifier trains on image-folders (one folder per identity)");
		}
	}

	// Face settings are checked field by field; the data set must hold enough identities
	// for disjoint train, dev and test splits, each with same-person pairs.
	@Override
	public void checkSettings(TaskRequest request, BiConsumer<String, String> errors) {
		FaceSettings given = request.taskSettings(FaceSettings.class, FaceSettings.unset());
		Map<String, String> invalid = given.errors();
		invalid.forEach((field, message) -> errors.accept("faces." + field, message));
		Dataset dataset = request.dataset();
		if (dataset == null || dataset.kind() != DatasetKind.IMAGE_FOLDERS) {
			return;
		}
		FaceSettings full = given.withDefaults();
		Object perClass = dataset.details().get("imagesPerClass");
		if (perClass instanceof Map<?, ?> counts) {
			counts.forEach((identity, count) -> {
				if (count instanceof Number number && number.intValue() < 2) {
					errors.accept("dataset", "identity '" + identity + "' has " + number
							+ " image; a face verifier needs at least 2 per identity");
				}
			});
			if (!invalid.containsKey("devShare") && !invalid.containsKey("testShare")) {
				int[] sizes = IdentitySplit.sizes(counts.size(), full.devShare(), full.testShare());
				if (sizes[0] < IdentitySplit.MIN_IDENTITIES) {
					errors.accept("dataset",
							"data set '" + dataset.name() + "' has " + counts.size() + " identities, too few for "
									+ sizes[1] + " dev, " + sizes[2] + " test and " + IdentitySplit.MIN_IDENTITIES
									+ " training identities (at least 6 are needed)");
				}
			}
		}
	}

	// Fine-tuning starts from the imported face-api network (or a version fine-tuned
	// from it): its blocks are the ones FaceFreeze names, and it aligns with landmarks.
	@Override
	public void checkInitFrom(InitFrom initFrom, ModelDescriptor parent, BiConsumer<String, String> errors) {
		try {
			FaceFreeze.of(initFrom.freeze());
		}
		catch (IllegalArgumentException ex) {
			errors.accept("initFrom.freeze", ex.getMessage());
		}
		if (parent == null) {
			return;
		}
		if (parent.task() != Task.FACE_VERIFIER) {
			errors.accept("initFrom.model", "model '" + parent.name() + "' is a " + parent.task().id()
					+ "; a face-verifier job starts from a face-verifier");
		}
		else if (!fineTunable(parent)) {
			errors.accept("initFrom.version",
					"version " + initFrom.reference() + " is a " + parent.format().id() + " '"
							+ ((parent.architecture() != null) ? parent.architecture().name() : "network")
							+ "'; fine-tuning starts from a djl-params '" + ArchitectureCatalog.FACE_API_RECOGNITION
							+ "' that aligns with 68 landmarks (the imported face-api)");
		}
	}

	private static boolean fineTunable(ModelDescriptor parent) {
		return parent.format() == ArtifactFormat.DJL_PARAMS && parent.architecture() != null
				&& ArchitectureCatalog.FACE_API_RECOGNITION.equals(parent.architecture().name())
				&& "landmarks-68".equals(parent.parameters().get("alignment"))
				&& parent.parameters().get(FaceApiImport.LANDMARKS_PARAMETER) instanceof String file
				&& parent.artifacts().stream().anyMatch((artifact) -> artifact.file().equals(file));
	}

	// An ensemble trains its members one after another, numbering their epochs in one
	// sequence.
	@Override
	public int plannedEpochs(TaskRequest request) {
		FaceSettings faces = request.taskSettings(FaceSettings.class, null);
		int members = (faces != null && faces.ensemble() != null) ? faces.ensemble() : 1;
		return request.settings().withDefaults().epochs() * members;
	}

	// The ROC AUC does not depend on the calibrated threshold.
	@Override
	public String qualityMetric() {
		return "testAuc";
	}

	// The input size defaults to the faces' own, shrunk to at most 64 pixels a side.
	@Override
	public TrainedModel train(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException {
		if (run.initFrom() != null) {
			return FineTuning.run(run, device, progress);
		}
		FaceImages faces = FaceImages.readFolders(run.dataset().dataDirectory(), MAX_IMAGE_PIXELS);
		int[] size = FaceTraining.defaultInputSize(faces.width(), faces.height());
		FaceSettings faceSettings = run.taskSettings(FaceSettings.class, FaceSettings.unset()).withDefaults();
		FaceTraining.Request request = new FaceTraining.Request(run.model(), run.architectureParameters(),
				run.settings().withDefaults(), faceSettings, (run.width() > 0) ? run.width() : size[0],
				(run.height() > 0) ? run.height() : size[1], run.source(), "data set '" + run.dataset().name() + "'");
		FaceTraining.Result result = FaceTraining.run(request, faces, run.work(), device, progress);
		return new TrainedModel(result.template(), result.parameters(), new FaceReport(result.evaluation()),
				Map.of(FaceTraining.ROC_FILE, result.roc()));
	}

	@Override
	public void runCommand(String[] args) throws IOException {
		TrainVerifierCommand.main(args);
	}

}
