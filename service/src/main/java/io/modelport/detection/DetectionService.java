package io.modelport.detection;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import ai.djl.translate.TranslateException;
import org.springframework.stereotype.Service;

import io.modelport.core.InferenceFailedException;
import io.modelport.core.InvalidRequestException;
import io.modelport.imaging.ImageDecoder;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Detects objects in an image: decode, letterbox into the model input, one inference
 * through the model's queue, decode the output, non-max suppression, map the boxes back
 * to the image sent. Decoding and NMS are part of the measured request time.
 *
 * @author Modelport Team
 */
@Service
public class DetectionService {

	/** The threshold of the second decoding that looks for the nearest miss. */
	static final float PROBE_THRESHOLD = 0.01f;

	private final ModelRegistry registry;

	private final ImageDecoder decoder;

	private final InferenceMetrics metrics;

	public DetectionService(ModelRegistry registry, ImageDecoder decoder, InferenceMetrics metrics) {
		this.registry = registry;
		this.decoder = decoder;
		this.metrics = metrics;
	}

	/**
	 * Detects objects.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded image
	 * @param options the request's overrides
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the detections
	 */
	public DetectionResponse detect(String model, Integer version, byte[] image, DetectionOptions options,
			Duration timeout) {
		return run(model, version, image, options, timeout).response();
	}

	/**
	 * Detects objects and draws them on the image.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded image
	 * @param options the request's overrides
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return a PNG of the image sent with the boxes drawn
	 */
	public byte[] render(String model, Integer version, byte[] image, DetectionOptions options, Duration timeout) {
		Detected detected = run(model, version, image, options, timeout);
		return BoxRenderer.render(detected.image(), detected.response());
	}

	private Detected run(String model, Integer version, byte[] image, DetectionOptions options, Duration timeout) {
		LoadedModel loaded = this.registry.resolve(model, version);
		ModelDescriptor descriptor = loaded.descriptor();
		if (descriptor.task() != Task.DETECTOR) {
			throw new InvalidRequestException(
					"model '" + model + "' is a " + descriptor.task().id() + " model, not a detector");
		}
		List<String> labels = descriptor.labels();
		Set<Integer> wanted = classFilter(options.classes(), labels);
		DecoderSettings settings = DetectorTaskAdapter.settings(descriptor)
			.withOverrides(options.scoreThreshold(), options.iouThreshold(), options.maxDetections());
		try {
			return this.metrics.measure(descriptor, () -> {
				BufferedImage decoded = this.decoder.decode(image);
				Letterbox letterbox = Letterbox.of(decoded.getWidth(), decoded.getHeight(), descriptor.input().width(),
						descriptor.input().height());
				float[] tensor = letterbox.tensor(decoded, descriptor.input(), settings.letterboxPad());
				RawOutput output = (timeout != null) ? loaded.predict(tensor, timeout) : loaded.predict(tensor);
				List<Detection> candidates = OutputDecoder.decode(output, settings, labels.size(),
						descriptor.input().width(), descriptor.input().height());
				if (!wanted.isEmpty()) {
					candidates = candidates.stream().filter((d) -> wanted.contains(d.classIndex())).toList();
				}
				List<Detection> kept = NonMaxSuppression.apply(candidates, settings.scoreThreshold(),
						settings.iouThreshold(), !settings.classAgnostic(), settings.maxDetections());
				List<DetectionResponse.DetectedObject> objects = kept.stream()
					.map((d) -> new DetectionResponse.DetectedObject(labels.get(d.classIndex()), d.score(),
							letterbox.toImage(d.box())))
					.toList();
				DetectionResponse.DetectedObject best = objects.isEmpty()
						? bestBelow(output, settings, labels, wanted, descriptor, letterbox) : null;
				return new Detected(
						new DetectionResponse(model, descriptor.version(), decoded.getWidth(), decoded.getHeight(),
								objects,
								new DetectionResponse.Signals(settings.scoreThreshold(), objects.isEmpty(), best)),
						decoded);
			});
		}
		catch (TranslateException | IllegalArgumentException ex) {
			throw new InferenceFailedException("detection failed for model '" + model + "'", ex);
		}
	}

	// Only when nothing was found: decode again with a low threshold, so the answer can
	// say how close the nearest miss was.
	private static DetectionResponse.DetectedObject bestBelow(RawOutput output, DecoderSettings settings,
			List<String> labels, Set<Integer> wanted, ModelDescriptor descriptor, Letterbox letterbox) {
		if (settings.scoreThreshold() <= PROBE_THRESHOLD) {
			return null;
		}
		DecoderSettings probe = settings.withOverrides(PROBE_THRESHOLD, null, null);
		return OutputDecoder
			.decode(output, probe, labels.size(), descriptor.input().width(), descriptor.input().height())
			.stream()
			.filter((d) -> wanted.isEmpty() || wanted.contains(d.classIndex()))
			.max(java.util.Comparator.comparingDouble(Detection::score))
			.map((d) -> new DetectionResponse.DetectedObject(labels.get(d.classIndex()), d.score(),
					letterbox.toImage(d.box())))
			.orElse(null);
	}

	private static Set<Integer> classFilter(List<String> classes, List<String> labels) {
		for (String name : classes) {
			if (!labels.contains(name)) {
				throw new InvalidRequestException("unknown class '" + name + "', the model knows " + labels);
			}
		}
		return Set.copyOf(classes.stream().map(labels::indexOf).toList());
	}

	private record Detected(DetectionResponse response, BufferedImage image) {

	}

}
