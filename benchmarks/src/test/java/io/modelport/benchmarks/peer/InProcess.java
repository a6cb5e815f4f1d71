package io.modelport.benchmarks.peer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.Translator;

import io.modelport.classification.ClassifierTaskAdapter;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.ModelStore;

/**
 * The ceiling: the same TorchScript file in this JVM, called through a raw DJL
 * {@link Predictor} with the service's own decode, preprocessing and translator, in a
 * closed loop on one thread or on two threads with a predictor each.
 *
 * @author Modelport Team
 */
final class InProcess {

	private InProcess() {
	}

	/**
	 * Times decode + preprocess + predict.
	 * @param store the benchmark's Modelport store
	 * @param name the model
	 * @param png the image
	 * @param threads caller threads, one predictor each
	 * @param seconds how long
	 * @return requests per second, p50 and p99 in ms
	 * @throws Exception when the model cannot load
	 */
	static LoadGenerator.Result measure(Path store, String name, byte[] png, int threads, double seconds)
			throws Exception {
		ModelDescriptor descriptor = new ModelStore(store).find(name).orElseThrow().descriptor(1);
		ImageDecoder decoder = new ImageDecoder(40_000_000);
		try (Model model = Model.newInstance("raw-" + name, Device.cpu(), "PyTorch")) {
			model.load(descriptor.directory(), name);
			List<Thread> workers = new ArrayList<>();
			List<long[]> samples = new ArrayList<>();
			AtomicLong errors = new AtomicLong();
			// TorchScript's profiling executor optimises during the first calls, which
			// took
			// seconds: warm up with a fixed number of calls before the clock starts.
			try (Predictor<Object, Object> predictor = model.newPredictor(translator(descriptor))) {
				float[] tensor = ImagePreprocessor.toTensor(decoder.decode(png), descriptor.input());
				for (int i = 0; i < 20; i++) {
					predictor.predict(tensor);
				}
			}
			long warmEnd = System.nanoTime() + (long) (Math.min(2, seconds / 3) * 1e9);
			long end = warmEnd + (long) (seconds * 1e9);
			for (int t = 0; t < threads; t++) {
				long[] latencies = new long[1 << 20];
				samples.add(latencies);
				Thread worker = new Thread(() -> {
					try (Predictor<Object, Object> predictor = model.newPredictor(translator(descriptor))) {
						while (System.nanoTime() < end) {
							long start = System.nanoTime();
							BufferedImage image = decoder.decode(png);
							float[] probabilities = (float[]) predictor
								.predict(ImagePreprocessor.toTensor(image, descriptor.input()));
							int best = 0;
							for (int i = 1; i < probabilities.length; i++) {
								best = (probabilities[i] > probabilities[best]) ? i : best;
							}
							long took = System.nanoTime() - start;
							if (start >= warmEnd && latencies[0] + 1 < latencies.length && best >= 0) {
								latencies[(int) ++latencies[0]] = took;
							}
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
				}, "raw-" + t);
				worker.start();
				workers.add(worker);
			}
			for (Thread worker : workers) {
				worker.join();
			}
			long count = samples.stream().mapToLong((l) -> l[0]).sum();
			long[] all = new long[(int) count];
			int at = 0;
			for (long[] latencies : samples) {
				System.arraycopy(latencies, 1, all, at, (int) latencies[0]);
				at += (int) latencies[0];
			}
			Arrays.sort(all);
			double p50 = (count > 0) ? all[(int) (count / 2)] / 1e6 : Double.NaN;
			double p99 = (count > 0) ? all[(int) Math.min(count - 1, count * 99 / 100)] / 1e6 : Double.NaN;
			return new LoadGenerator.Result(count / seconds, p50, p99, errors.get(), count);
		}
	}

	@SuppressWarnings("unchecked")
	private static Translator<Object, Object> translator(ModelDescriptor descriptor) {
		Translator<?, ?> translator = new ClassifierTaskAdapter().translator(descriptor);
		return (Translator<Object, Object>) translator;
	}

}
