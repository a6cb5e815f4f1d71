package io.modelport.detection.training;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import ai.djl.Device;

import io.modelport.datasets.DatasetKind;
import io.modelport.datasets.ImageDatasets;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.YoloDetectorNet;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.TaskRun;
import io.modelport.training.TrainedModel;
import io.modelport.training.TrainingTask;

/**
 * Training a {@code yolo-detector} on labelled boxes (YOLO or COCO uploads) or on scenes
 * composed from an image data set's items.
 *
 * @author Modelport Team
 */
public class DetectorTrainingTask implements TrainingTask {

	// Uploads were checked against the service's limit; this only guards a worker.
	private static final long MAX_IMAGE_PIXELS = 64_000_000L;

	private static final int DEFAULT_SIDE = 28;

	@Override
	public Task task() {
		return Task.DETECTOR;
	}

	@Override
	public String architecture() {
		return ArchitectureCatalog.YOLO_DETECTOR;
	}

	@Override
	public void checkParameters(Map<String, Object> parameters) {
		YoloDetectorNet.fromParameters(parameters);
	}

	@Override
	public Set<DatasetKind> datasetKinds() {
		return EnumSet.of(DatasetKind.YOLO, DatasetKind.COCO, DatasetKind.IDX, DatasetKind.IMAGE_FOLDERS);
	}

	@Override
	public String trainsOn() {
		return "a detector trains on labelled boxes (yolo, coco) or on scenes of image items";
	}

	@Override
	public String qualityMetric() {
		return "testMap50";
	}

	// Scenes are composed from the data set's item images at their own size; the input
	// width is the scene side (default 96), the limits are the scene counts.
	@Override
	public TrainedModel train(TaskRun run, Device device, Consumer<EpochResult> progress) throws IOException {
		DetectorTraining.Request request = new DetectorTraining.Request(run.model(), run.architectureParameters(),
				run.settings().withDefaults(), (run.width() > 0) ? run.width() : 96,
				(run.trainLimit() > 0) ? run.trainLimit() : 6000, (run.testLimit() > 0) ? run.testLimit() : 1000,
				run.source(), "scenes of data set '" + run.dataset().name() + "' items");
		// Uploaded detection data sets bring their own labelled images; image data sets
		// lend their items to composed scenes.
		DetectorTraining.Result result = run.dataset().kind().isDetection()
				? DetectorTraining.run(request, DetectionDatasets.load(run.dataset(), MAX_IMAGE_PIXELS), run.work(),
						device, progress)
				: DetectorTraining.run(request, ImageDatasets.load(run.dataset(), run.detail("width", DEFAULT_SIDE),
						run.detail("height", DEFAULT_SIDE)), run.work(), device, progress);
		return new TrainedModel(result.template(), result.parameters(), new DetectorReport(result.evaluation()),
				Map.of());
	}

	@Override
	public void runCommand(String[] args) throws IOException {
		TrainDetectorCommand.main(args);
	}

}
