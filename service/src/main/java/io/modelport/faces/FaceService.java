package io.modelport.faces;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.djl.translate.TranslateException;
import org.springframework.stereotype.Service;

import io.modelport.core.InferenceFailedException;
import io.modelport.core.InvalidRequestException;
import io.modelport.embeddings.Embeddings;
import io.modelport.faces.alignment.FaceAligner;
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.InvalidImageException;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Embeds and verifies faces (docs/ml-notes.md, "Face verification"): each image is
 * decoded, resized to the model input and run through the model's queue; the raw
 * embedding is L2-normalised and two faces are the same person when ‖f(x₁) − f(x₂)‖² ≤ τ.
 * A model that declares {@code alignment: landmarks-68} gets each face aligned to a chip
 * first (ID-style photos, the face filling the frame); others expect faces roughly
 * aligned and cropped, as they were trained on.
 *
 * @author Modelport Team
 */
@Service
public class FaceService {

	private final ModelRegistry registry;

	private final ImageDecoder decoder;

	private final InferenceMetrics metrics;

	public FaceService(ModelRegistry registry, ImageDecoder decoder, InferenceMetrics metrics) {
		this.registry = registry;
		this.decoder = decoder;
		this.metrics = metrics;
	}

	/**
	 * Finds the face verifier that serves a request.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @return the loaded model
	 * @throws InvalidRequestException when the model is not a face verifier
	 */
	public LoadedModel resolve(String model, Integer version) {
		LoadedModel loaded = this.registry.resolve(model, version);
		if (loaded.descriptor().task() != Task.FACE_VERIFIER) {
			throw new InvalidRequestException(
					"model '" + model + "' is a " + loaded.descriptor().task().id() + " model, not a face verifier");
		}
		return loaded;
	}

	/**
	 * Embeds one face.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded image
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the normalised embedding and the raw norm
	 */
	public FaceEmbedding embed(String model, Integer version, byte[] image, Duration timeout) {
		LoadedModel loaded = resolve(model, version);
		float[] raw = measured(loaded, List.of(image), timeout).get(0);
		float[] unit = Embeddings.l2Normalize(raw);
		List<Float> values = new ArrayList<>(unit.length);
		for (float value : unit) {
			values.add(value);
		}
		return new FaceEmbedding(model, loaded.descriptor().version(), unit.length, Embeddings.norm(raw), values);
	}

	/**
	 * Verifies that two faces are the same person.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param first the first encoded image
	 * @param second the second encoded image
	 * @param threshold overrides the model's calibrated τ, {@code null} to keep it
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the distance and the decision
	 */
	public VerificationResponse verify(String model, Integer version, byte[] first, byte[] second, Double threshold,
			Duration timeout) {
		LoadedModel loaded = resolve(model, version);
		double tau = threshold(loaded.descriptor(), threshold);
		List<float[]> embeddings = embedAll(loaded, List.of(first, second), timeout);
		double distance = Embeddings.squaredDistance(embeddings.get(0), embeddings.get(1));
		return new VerificationResponse(model, loaded.descriptor().version(), distance, tau, distance <= tau);
	}

	/**
	 * Embeds faces with one model version, as one measured request whose images are
	 * queued together so they can share a batch.
	 * @param loaded the face verifier
	 * @param images the encoded images
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the L2-normalised embeddings, in order
	 */
	public List<float[]> embedAll(LoadedModel loaded, List<byte[]> images, Duration timeout) {
		return measured(loaded, images, timeout).stream().map(Embeddings::l2Normalize).toList();
	}

	/**
	 * The threshold a request applies.
	 * @param descriptor the model version
	 * @param requested the request's override, {@code null} for none
	 * @return the threshold
	 * @throws InvalidRequestException when the override is outside [0, 4]
	 */
	public static double threshold(ModelDescriptor descriptor, Double requested) {
		if (requested == null) {
			return VerifierSettings.fromParameters(descriptor.parameters()).threshold();
		}
		if (!VerifierSettings.validThreshold(requested)) {
			throw new InvalidRequestException("threshold must be a squared distance in [0, 4], not " + requested);
		}
		return requested;
	}

	// With several images the error says which one is bad: image1, image2, ... in the
	// order sent (verify's parts are named so).
	private BufferedImage decode(List<byte[]> images, int index) {
		try {
			return this.decoder.decode(images.get(index));
		}
		catch (InvalidImageException ex) {
			if (images.size() == 1) {
				throw ex;
			}
			throw new InvalidImageException("image" + (index + 1) + ": " + ex.getMessage(), ex);
		}
	}

	private List<float[]> measured(LoadedModel loaded, List<byte[]> images, Duration timeout) {
		ModelDescriptor descriptor = loaded.descriptor();
		try {
			return this.metrics.measure(descriptor, () -> {
				// Decode every image before queueing any, so a bad second image costs no
				// forward pass.
				List<float[]> tensors = new ArrayList<>(images.size());
				FaceAligner aligner = FaceAlignment.enabled(descriptor) ? loaded.state(FaceAligner.class) : null;
				for (int i = 0; i < images.size(); i++) {
					tensors.add(FaceAlignment.tensor(descriptor, aligner, decode(images, i)));
				}
				Duration deadline = (timeout != null) ? timeout : loaded.defaultTimeout();
				return loaded.<float[]>predictAll(tensors, deadline);
			});
		}
		catch (TranslateException ex) {
			throw new InferenceFailedException("embedding failed for model '" + descriptor.name() + "'", ex);
		}
	}

}
