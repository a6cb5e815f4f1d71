package io.modelport.classification;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import ai.djl.translate.TranslateException;
import org.springframework.stereotype.Service;

import io.modelport.core.InferenceFailedException;
import io.modelport.core.InvalidRequestException;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.ImagePreprocessor;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Classifies an image with a model from the registry: decode, preprocess with the model's
 * saved normalisation, run one inference, keep the top-K classes.
 *
 * @author Modelport Team
 */
@Service
public class ClassificationService {

	/** The most classes a request may ask for. */
	static final int MAX_TOP_K = 1000;

	private final ModelRegistry registry;

	private final ImageDecoder decoder;

	private final InferenceMetrics metrics;

	public ClassificationService(ModelRegistry registry, ImageDecoder decoder, InferenceMetrics metrics) {
		this.registry = registry;
		this.decoder = decoder;
		this.metrics = metrics;
	}

	/**
	 * Classifies one image within a deadline.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded image
	 * @param topK how many classes to return, {@code null} for the model's default
	 * @param timeout the request's deadline, {@code null} for the configured default
	 * @return the top-K classes
	 */
	public ClassificationResponse classify(String model, Integer version, byte[] image, Integer topK,
			Duration timeout) {
		LoadedModel loaded = this.registry.resolve(model, version);
		ModelDescriptor descriptor = loaded.descriptor();
		if (descriptor.task() != Task.CLASSIFIER) {
			throw new InvalidRequestException(
					"model '" + model + "' is a " + descriptor.task().id() + " model, not a classifier");
		}
		int k = (topK != null) ? topK : descriptor.intParameter("topK", 5);
		if (k < 1 || k > MAX_TOP_K) {
			throw new InvalidRequestException("topK must be between 1 and " + MAX_TOP_K + ", was " + k);
		}
		try {
			return this.metrics.measure(descriptor, () -> {
				BufferedImage decoded = this.decoder.decode(image);
				float[] tensor = ImagePreprocessor.toTensor(decoded, descriptor.input());
				float[] probabilities = (timeout != null) ? loaded.predict(tensor, timeout) : loaded.predict(tensor);
				return new ClassificationResponse(model, descriptor.version(),
						top(probabilities, descriptor.labels(), k), OutOfDomain.of(probabilities, tensor,
								descriptor.input(), InputStatistics.fromParameters(descriptor.parameters())));
			});
		}
		catch (TranslateException ex) {
			throw new InferenceFailedException("inference failed for model '" + model + "'", ex);
		}
	}

	/**
	 * The K most probable classes, most probable first; ties keep label order.
	 * @param probabilities one probability per label
	 * @param labels the labels
	 * @param k how many to keep
	 * @return the predictions
	 */
	static List<Prediction> top(float[] probabilities, List<String> labels, int k) {
		List<Integer> order = new ArrayList<>(IntStream.range(0, probabilities.length).boxed().toList());
		order.sort(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed());
		return order.stream()
			.limit(Math.min(k, probabilities.length))
			.map((i) -> new Prediction(labels.get(i), probabilities[i]))
			.toList();
	}

}
