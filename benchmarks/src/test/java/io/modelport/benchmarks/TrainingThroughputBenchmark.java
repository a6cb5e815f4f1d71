package io.modelport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import tools.jackson.databind.json.JsonMapper;

import io.modelport.datasets.Dataset;
import io.modelport.datasets.DatasetKind;
import io.modelport.datasets.FashionMnist;
import io.modelport.datasets.ImageSet;
import io.modelport.jobs.JobRunner;
import io.modelport.jobs.ProcessJobRunner;
import io.modelport.jobs.TrainingProperties;
import io.modelport.jobs.worker.TrainingWorker;
import io.modelport.jobs.worker.WorkerSpec;
import io.modelport.nn.ConvClassifier;
import io.modelport.training.OptimizerSettings;
import io.modelport.training.TrainingSettings;

/**
 * Training throughput of a training job (a worker process with checkpoints, progress
 * events and evaluation) against a plain in-process DJL loop ({@code EasyTrain} over an
 * {@code ArrayDataset}) on the same architecture, data and batch size, in one run. Prints
 * a Markdown table. Needs the Debian package {@code dataset-fashion-mnist}.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am process-test-classes -Dbenchmark=training [-Dbenchmark.args="IMAGES EPOCHS BATCH"]
 * </pre>
 *
 * @author Modelport Team
 */
public final class TrainingThroughputBenchmark {

	private TrainingThroughputBenchmark() {
	}

	public static void main(String[] arguments) throws Exception {
		// Maven hands the arguments over as one string.
		String[] args = String.join(" ", arguments).strip().split("\\s+");
		int images = (args.length > 0 && !args[0].isEmpty()) ? Integer.parseInt(args[0]) : 12_000;
		int epochs = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int batch = (args.length > 2) ? Integer.parseInt(args[2]) : 128;
		ConvClassifier architecture = new ConvClassifier(List.of(32, 64), 1, 128, 0.3, 10);
		double[] plain = plainLoop(FashionMnist.train(FashionMnist.DEBIAN_LOCATION, images), architecture, epochs,
				batch);
		JobRun job = job(images, epochs, batch);
		double plainRate = median(plain);
		double jobRate = median(job.rates());
		System.out.printf("%n| path | images/epoch | epochs | batch | median samples/s | per-epoch samples/s |%n");
		System.out.printf("|---|---|---|---|---|---|%n");
		System.out.printf("| plain DJL loop (in-process EasyTrain) | %d | %d | %d | %.0f | %s |%n", images, epochs,
				batch, plainRate, format(plain));
		System.out.printf("| training job (worker process) | %d | %d | %d | %.0f | %s |%n", job.trainImages(), epochs,
				batch, jobRate, format(job.rates()));
		System.out.printf(
				"%njob / plain throughput: %.3f (overhead %.1f%%); job wall time %.1f s "
						+ "(JVM start, data loading, dev evaluation, checkpoints, test evaluation included)%n",
				jobRate / plainRate, 100 * (1 - jobRate / plainRate), job.wallSeconds());
	}

	private static double[] plainLoop(ImageSet data, ConvClassifier architecture, int epochs, int batch)
			throws Exception {
		float[] stats = data.meanAndStd();
		float[] pixels = new float[data.pixels().length];
		for (int i = 0; i < pixels.length; i++) {
			pixels[i] = ((data.pixels()[i] & 0xFF) / 255f - stats[0]) / stats[1];
		}
		float[] labels = new float[data.count()];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = data.labels()[i];
		}
		double[] rates = new double[epochs];
		try (NDManager manager = NDManager.newBaseManager(Device.cpu());
				Model model = Model.newInstance("plain", Device.cpu(), "PyTorch")) {
			model.setBlock(architecture.build());
			NDArray x = manager.create(pixels, new Shape(data.count(), 1, data.rows(), data.cols()));
			NDArray y = manager.create(labels);
			ArrayDataset dataset = new ArrayDataset.Builder().setData(x).optLabels(y).setSampling(batch, true).build();
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
				.optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).build())
				.optDevices(new Device[] { Device.cpu() });
			try (Trainer trainer = model.newTrainer(config)) {
				trainer.initialize(new Shape(1, 1, data.rows(), data.cols()));
				for (int epoch = 0; epoch < epochs; epoch++) {
					long start = System.nanoTime();
					for (Batch b : trainer.iterateDataset(dataset)) {
						EasyTrain.trainBatch(trainer, b);
						trainer.step();
						b.close();
					}
					rates[epoch] = data.count() / ((System.nanoTime() - start) / 1e9);
					System.out.printf("plain epoch %d: %.0f samples/s%n", epoch + 1, rates[epoch]);
				}
			}
		}
		return rates;
	}

	private static JobRun job(int images, int epochs, int batch) throws Exception {
		Path jobDirectory = Files.createTempDirectory("modelport-benchmark");
		Dataset fashion = new Dataset("fashion-mnist", DatasetKind.IDX, Dataset.BUILT_IN, FashionMnist.DEBIAN_LOCATION,
				Map.of("width", 28, "height", 28), Instant.now());
		// A dev split of 5% is carved out of the images, so the job trains on 95% of
		// them.
		TrainingSettings settings = new TrainingSettings(epochs, batch,
				new OptimizerSettings("adam", 0.001, null, null, null, null), null, null, null, null, 0.05, null, false,
				0, 42L);
		WorkerSpec spec = new WorkerSpec("benchmark", "benchmark",
				Map.of("filters", List.of(32, 64), "dense", 128, "dropout", 0.3), settings, fashion, 28, 28, images,
				2000, "classifier", null, null, null);
		JsonMapper json = JsonMapper.builder().build();
		json.writeValue(jobDirectory.resolve(TrainingWorker.SPEC_FILE).toFile(), spec);
		TrainingProperties properties = new TrainingProperties(jobDirectory, 1, 100, "1g", "",
				java.time.Duration.ofSeconds(5), 1, "never");
		List<Double> rates = new ArrayList<>();
		CompletableFuture<Integer> exit = new CompletableFuture<>();
		long start = System.nanoTime();
		new ProcessJobRunner(properties, json).start("benchmark", jobDirectory, new JobRunner.Listener() {
			@Override
			public void onEvent(Map<String, Object> event) {
				if ("epoch".equals(event.get("event")) && event.get("result") instanceof Map<?, ?> result) {
					double rate = ((Number) result.get("samplesPerSecond")).doubleValue();
					rates.add(rate);
					System.out.printf("job epoch %s: %.0f samples/s%n", result.get("epoch"), rate);
				}
			}

			@Override
			public void onExit(int exitCode, String logTail) {
				exit.complete(exitCode);
			}
		});
		int code = exit.get(30, TimeUnit.MINUTES);
		double wall = (System.nanoTime() - start) / 1e9;
		if (code != 0) {
			throw new IOException("the worker failed with exit code " + code + ", see " + jobDirectory);
		}
		return new JobRun(rates.stream().mapToDouble(Double::doubleValue).toArray(), wall,
				(int) Math.round(images * 0.95));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static String format(double[] values) {
		return String.join(", ", Arrays.stream(values).mapToObj((v) -> String.format("%.0f", v)).toList());
	}

	private record JobRun(double[] rates, double wallSeconds, int trainImages) {

	}

}
