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
import io.modelport.imaging.ImageDecoder;
import io.modelport.imaging.InvalidImageException;
import io.modelport.metrics.InferenceMetrics;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;
import io.modelport.store.ModelDescriptor;
import io.modelport.store.Task;

/**
 * Embeds and verifies faces (docs/ml-notes.md, "Face verification"; docs/faces.md): each
 * photo is decoded and its faces found ({@link FaceAlignment}), the selected ones run
 * through the model's queue; the raw embedding is L2-normalised and two faces are the
 * same person when ‖f(x₁) − f(x₂)‖² ≤ τ.
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
	 * Embeds the selected faces of a photo.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded image
	 * @param face which faces
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return a {@link FaceEmbedding} for one face, {@link FaceEmbeddings} for
	 * {@code face=all}
	 */
	public Object embed(String model, Integer version, byte[] image, FaceSelection face, Duration timeout) {
		LoadedModel loaded = resolve(model, version);
		List<EmbeddedFace> faces = embedFaces(loaded, image, face, timeout);
		int v = loaded.descriptor().version();
		if (face.mode() == FaceSelection.Mode.ALL) {
			return FaceEmbeddings.of(model, v, faces);
		}
		EmbeddedFace one = faces.get(0);
		return new FaceEmbedding(model, v, one.embedding().length, one.norm(), FaceEmbeddings.values(one.embedding()));
	}

	/**
	 * Verifies that the selected faces of two photos are the same person.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param first the first encoded image
	 * @param second the second encoded image
	 * @param threshold overrides the model's calibrated τ, {@code null} to keep it
	 * @param face which face of each photo ({@code all}: each must hold exactly one)
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the distance and the decision
	 */
	public VerificationResponse verify(String model, Integer version, byte[] first, byte[] second, Double threshold,
			FaceSelection face, Duration timeout) {
		LoadedModel loaded = resolve(model, version);
		double tau = threshold(loaded.descriptor(), threshold);
		List<float[]> embeddings = embedAll(loaded, List.of(first, second), face, timeout);
		double distance = Embeddings.squaredDistance(embeddings.get(0), embeddings.get(1));
		return new VerificationResponse(model, loaded.descriptor().version(), distance, tau, distance <= tau);
	}

	/**
	 * Embeds the largest face of each photo, as one measured request.
	 * @param loaded the face verifier
	 * @param images the encoded images
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the L2-normalised embeddings, in order
	 */
	public List<float[]> embedAll(LoadedModel loaded, List<byte[]> images, Duration timeout) {
		return embedAll(loaded, images, FaceSelection.LARGEST, timeout);
	}

	/**
	 * Embeds one face of each photo, as one measured request whose faces are queued
	 * together so they can share a batch.
	 * @param loaded the face verifier
	 * @param images the encoded images
	 * @param face which face of each ({@code all}: each must hold exactly one)
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the L2-normalised embeddings, in order
	 * @throws SeveralFacesException when {@code all} finds more than one face in a photo
	 */
	public List<float[]> embedAll(LoadedModel loaded, List<byte[]> images, FaceSelection face, Duration timeout) {
		return measured(loaded, () -> {
			List<PhotoFace> faces = new ArrayList<>(images.size());
			for (int i = 0; i < images.size(); i++) {
				List<PhotoFace> found = faces(loaded, decode(images, i));
				faces.add(face.one(FaceAlignment.embeddable(face.select(found, PhotoFace::area), false),
						PhotoFace::area));
			}
			return faces;
		}, timeout).stream().map(EmbeddedFace::embedding).toList();
	}

	/**
	 * Embeds the selected faces of one photo.
	 * @param loaded the face verifier
	 * @param image the encoded image
	 * @param face which faces
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the faces, left to right
	 */
	public List<EmbeddedFace> embedFaces(LoadedModel loaded, byte[] image, FaceSelection face, Duration timeout) {
		return measured(loaded, () -> {
			List<PhotoFace> found = faces(loaded, decode(List.of(image), 0));
			return FaceAlignment.embeddable(face.select(found, PhotoFace::area), face.mode() == FaceSelection.Mode.ALL);
		}, timeout);
	}

	/**
	 * Every face of a photo, found and aligned but not embedded.
	 * @param loaded the face verifier
	 * @param image the decoded photo
	 * @return the faces, left to right
	 */
	public List<PhotoFace> faces(LoadedModel loaded, BufferedImage image) {
		ModelDescriptor descriptor = loaded.descriptor();
		FaceTools tools = FaceAlignment.enabled(descriptor) ? loaded.state(FaceTools.class) : null;
		return FaceAlignment.faces(descriptor, tools, image);
	}

	/**
	 * Finds every face of a photo with a model that has a detector.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded image
	 * @return the photo and its faces
	 * @throws InvalidRequestException naming {@code version} when the version has no
	 * detector
	 */
	public Located locate(String model, Integer version, byte[] image) {
		LoadedModel loaded = resolve(model, version);
		ModelDescriptor descriptor = loaded.descriptor();
		if (!FaceAlignment.enabled(descriptor) || loaded.state(FaceTools.class).finder() == null) {
			throw new InvalidRequestException("version: model '" + model + "' version " + descriptor.version()
					+ " has no face detector (face-api has one from version 2)");
		}
		BufferedImage photo = decode(image);
		return new Located(model, descriptor.version(), photo, faces(loaded, photo));
	}

	/**
	 * Decodes one photo.
	 * @param image the encoded image
	 * @return the photo
	 */
	public BufferedImage decode(byte[] image) {
		return this.decoder.decode(image);
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

	// Finds every face before queueing any, so a bad second photo costs no forward pass.
	private List<EmbeddedFace> measured(LoadedModel loaded, FaceSource source, Duration timeout) {
		ModelDescriptor descriptor = loaded.descriptor();
		try {
			return this.metrics.measure(descriptor, () -> {
				List<PhotoFace> faces = source.faces();
				List<float[]> tensors = faces.stream().map(PhotoFace::tensor).toList();
				Duration deadline = (timeout != null) ? timeout : loaded.defaultTimeout();
				List<float[]> raw = loaded.<float[]>predictAll(tensors, deadline);
				List<EmbeddedFace> embedded = new ArrayList<>(faces.size());
				for (int i = 0; i < faces.size(); i++) {
					embedded.add(EmbeddedFace.of(faces.get(i), raw.get(i)));
				}
				return embedded;
			});
		}
		catch (TranslateException ex) {
			throw new InferenceFailedException("embedding failed for model '" + descriptor.name() + "'", ex);
		}
	}

	/**
	 * A photo and its faces.
	 *
	 * @param model the model name
	 * @param version the version that found them
	 * @param photo the decoded photo
	 * @param faces the faces, left to right
	 */
	public record Located(String model, int version, BufferedImage photo, List<PhotoFace> faces) {

		/**
		 * The JSON answer.
		 * @return the faces' views
		 */
		public FaceDetections detections() {
			return new FaceDetections(this.model, this.version, this.photo.getWidth(), this.photo.getHeight(),
					this.faces.stream().map(FaceView::of).toList());
		}

	}

	@FunctionalInterface
	private interface FaceSource {

		List<PhotoFace> faces();

	}

}
