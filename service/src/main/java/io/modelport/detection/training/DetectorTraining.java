package io.modelport.detection.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;

import io.modelport.datasets.ImageSet;
import io.modelport.datasets.LabelledImages;
import io.modelport.detection.AnchorKMeans;
import io.modelport.detection.DecoderSettings;
import io.modelport.detection.DetectionEvaluator;
import io.modelport.detection.GroundTruth;
import io.modelport.detection.Scene;
import io.modelport.nn.ArchitectureCatalog;
import io.modelport.nn.YoloDetectorNet;
import io.modelport.store.Architecture;
import io.modelport.store.Artifact;
import io.modelport.store.ArtifactFormat;
import io.modelport.store.InputSpec;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;
import io.modelport.training.EpochResult;
import io.modelport.training.TrainingSettings;

/**
 * One detector training run from labelled item images: compose scenes (training items for
 * training and dev scenes, test items for the held-out scenes), choose anchors by k-means
 * on the training boxes, train, and evaluate the best epoch with mAP (COCO definitions,
 * which the course notes lack).
 *
 * @author Modelport Team
 */
public final class DetectorTraining {

	/** The held-out scenes use the run's seed plus this, so they can be rebuilt. */
	public static final int TEST_SEED_OFFSET = 2;

	// Epoch e's training scenes use the run's seed plus this plus e.
	private static final int EPOCH_SEED_OFFSET = 1000;

	private DetectorTraining() {
	}

	/**
	 * The scene settings of a run: item sides from a third to half the canvas (21-32 px
	 * on 64 px scenes), so items keep most of their 28 px detail.
	 * @param size the scene side
	 * @return the settings
	 */
	public static SceneSettings sceneSettings(int size) {
		return new SceneSettings(size, 3, size / 3, size / 2, 0.3, 4, 6);
	}

	/**
	 * Trains and evaluates a detector on scenes composed from labelled item images.
	 * @param request what to train
	 * @param items the item images and their labels
	 * @param workDir where parameters are saved
	 * @param device the device
	 * @param progress receives each epoch's result
	 * @return the descriptor template, the parameter file and the evaluation report
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	public static Result run(Request request, LabelledImages items, Path workDir, Device device,
			Consumer<EpochResult> progress) throws IOException {
		int size = request.size();
		long seed = request.settings().seed();
		SceneSettings scenes = sceneSettings(size);
		ImageSet heldOut = (items.test() != null) ? items.test() : items.train();
		// Scenes are free to compose: each epoch gets fresh ones, so the detector cannot
		// memorise the training scenes (the first epoch's also choose the anchors).
		IntFunction<List<Scene>> train = (
				epoch) -> new SceneGenerator(items.train(), scenes, seed + EPOCH_SEED_OFFSET + epoch)
					.generate(request.trainScenes());
		List<Scene> dev = new SceneGenerator(items.train(), scenes, seed + 1)
			.generate(Math.max(50, request.trainScenes() / 10));
		List<Scene> test = new SceneGenerator(heldOut, scenes, seed + TEST_SEED_OFFSET).generate(request.testScenes());
		String note = request.datasetDescription() + ": " + request.trainScenes() + " fresh training scenes per epoch, "
				+ dev.size() + " dev scenes (training items), " + test.size() + " test scenes (test items), " + size
				+ "x" + size;
		return train(request, items.labels(), train, dev, test, note, workDir, device, progress);
	}

	/**
	 * Trains and evaluates a detector on uploaded labelled images, letterboxed to the
	 * input size and split into training, dev and test images with the settings'
	 * fractions.
	 * @param request what to train
	 * @param data the labels and images
	 * @param workDir where parameters are saved
	 * @param device the device
	 * @param progress receives each epoch's result
	 * @return the descriptor template, the parameter file and the evaluation report
	 * @throws IOException when parameters cannot be saved or loaded
	 */
	public static Result run(Request request, DetectionData data, Path workDir, Device device,
			Consumer<EpochResult> progress) throws IOException {
		List<Scene> fitted = data.scenes()
			.stream()
			.map((scene) -> ScenePreparation.fit(scene, request.size()))
			.toList();
		List<List<Scene>> splits = ScenePreparation.split(fitted, request.settings().devFraction(),
				request.settings().testFraction(), request.settings().seed());
		String note = request.datasetDescription() + ": " + splits.get(0).size() + " training, " + splits.get(1).size()
				+ " dev, " + splits.get(2).size() + " test images, letterboxed to " + request.size() + "x"
				+ request.size();
		return train(request, data.labels(), (epoch) -> splits.get(0), splits.get(1), splits.get(2), note, workDir,
				device, progress);
	}

	private static Result train(Request request, List<String> labels, IntFunction<List<Scene>> train, List<Scene> dev,
			List<Scene> test, String note, Path workDir, Device device, Consumer<EpochResult> progress)
			throws IOException {
		long seed = request.settings().seed();
		Map<String, Object> parameters = new LinkedHashMap<>(request.architectureParameters());
		parameters.put("classes", labels.size());
		YoloDetectorNet net = YoloDetectorNet.fromParameters(parameters);
		int size = request.size();
		int stride = 1 << net.filters().size();
		if (size % stride != 0) {
			throw new IllegalArgumentException("the input size " + size + " must be a multiple of " + stride + " for "
					+ net.filters().size() + " stages");
		}
		float cell = (float) size / net.gridSize(size);
		// Composed scenes cost time to build: the first epoch's are built once, for the
		// anchors and for training.
		List<Scene> first = train.apply(1);
		IntFunction<List<Scene>> epochs = (epoch) -> (epoch == 1) ? first : train.apply(epoch);
		List<float[]> shapes = new ArrayList<>();
		first.forEach((scene) -> scene.objects()
			.forEach((o) -> shapes.add(new float[] { o.box().width() / cell, o.box().height() / cell })));
		List<float[]> anchors = AnchorKMeans.cluster(shapes, net.anchors(), seed);
		Path best = new DetectorTrainer(net, anchors, request.settings(), device, size).train(epochs, dev, workDir,
				progress);
		InputSpec input = new InputSpec(size, size, 1, 255f, null, null);
		DecoderSettings serving = DecoderSettings.fromParameters(decoderParameters(anchors));
		DetectionEvaluator.Result all;
		DetectionEvaluator.Result atDefaults;
		try (Model model = Model.newInstance("detector", device, "PyTorch")) {
			model.setBlock(net.build());
			try {
				model.load(workDir, DetectorTrainer.BEST_PREFIX);
			}
			catch (MalformedModelException ex) {
				throw new IOException("cannot load the best epoch's parameters", ex);
			}
			List<List<GroundTruth>> truths = test.stream().map(Scene::objects).toList();
			// mAP ranks every candidate; precision and recall use the serving defaults.
			all = DetectionEvaluator.evaluate(
					DetectorTrainer.detect(model, test, serving.withOverrides(0.001f, null, 100), net.classes()),
					truths, net.classes());
			atDefaults = DetectionEvaluator.evaluate(DetectorTrainer.detect(model, test, serving, net.classes()),
					truths, net.classes());
		}
		Map<String, Object> quality = new LinkedHashMap<>();
		quality.put("testMap50", round(all.map50()));
		quality.put("testMap5095", round(all.map5095()));
		quality.put("testPrecision", round(atDefaults.precision()));
		quality.put("testRecall", round(atDefaults.recall()));
		quality.put("testScenes", test.size());
		Map<String, Object> evaluation = new LinkedHashMap<>(quality);
		Map<String, Object> perClass = new LinkedHashMap<>();
		for (int i = 0; i < labels.size(); i++) {
			perClass.put(labels.get(i), round(all.apPerClass50()[i]));
		}
		evaluation.put("ap50PerClass", perClass);
		evaluation.put("definitions", "mAP as COCO defines it (the course notes do not): per class, detections "
				+ "ranked by score are matched greedily to unmatched ground truth of the same class with IoU >= t; "
				+ "AP is the area under the precision-recall curve with 101-point interpolation; mAP@0.5 uses "
				+ "t = 0.5, mAP@0.5:0.95 averages t = 0.50, 0.55, ..., 0.95. Candidates above score 0.001 after "
				+ "NMS (IoU 0.5, at most 100) are ranked. Precision and recall use the serving defaults (score "
				+ ">= 0.5, NMS IoU 0.5) at IoU 0.5.");
		evaluation.put("anchors", anchors);
		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("trainedBy", request.trainedBy());
		provenance.put("trainedAt", Instant.now().toString());
		provenance.put("dataset", note);
		provenance.put("engine", "DJL " + Engine.getDjlVersion() + ", PyTorch "
				+ Engine.getEngine("PyTorch").getVersion() + ", " + device);
		provenance.put("settings", request.settings().toMap());
		provenance.put("quality", quality);
		ModelDescriptor template = new ModelDescriptor(request.model(), 1, Task.DETECTOR, ArtifactFormat.DJL_PARAMS,
				new Architecture(ArchitectureCatalog.YOLO_DETECTOR, net.toParameters()),
				List.of(new Artifact("pending.params", null)), input, labels, decoderParameters(anchors), provenance,
				Path.of("."));
		return new Result(template, best, evaluation);
	}

	static Map<String, Object> decoderParameters(List<float[]> anchors) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("outputLayout", "grid");
		parameters.put("anchors", anchors.stream().map((a) -> List.of(round(a[0]), round(a[1]))).toList());
		parameters.put("boxUnits", "cell");
		parameters.put("activations", true);
		parameters.put("scoreThreshold", 0.5);
		parameters.put("iouThreshold", 0.5);
		parameters.put("maxDetections", 100);
		parameters.put("classAgnostic", false);
		parameters.put("objectnessTimesClass", true);
		parameters.put("letterboxPad", 0);
		return parameters;
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	/**
	 * What to train.
	 *
	 * @param model the model name
	 * @param architectureParameters the {@code yolo-detector} hyperparameters
	 * @param settings the training settings, defaults applied
	 * @param size the scene (and input) side in pixels
	 * @param trainScenes the number of training scenes
	 * @param testScenes the number of held-out scenes
	 * @param trainedBy how the run was started
	 * @param datasetDescription where the items come from
	 */
	public record Request(String model, Map<String, Object> architectureParameters, TrainingSettings settings, int size,
			int trainScenes, int testScenes, String trainedBy, String datasetDescription) {

	}

	/**
	 * A finished run.
	 *
	 * @param template the descriptor to publish
	 * @param parameters the parameter file
	 * @param evaluation the evaluation report
	 */
	public record Result(ModelDescriptor template, Path parameters, Map<String, Object> evaluation) {

	}

}
