package io.modelport.faces.gallery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import io.modelport.core.InvalidRequestException;
import io.modelport.embeddings.Embeddings;
import io.modelport.faces.EmbeddedFace;
import io.modelport.faces.FaceSelection;
import io.modelport.faces.FaceService;
import io.modelport.faces.FaceView;
import io.modelport.registry.ModelRegistry;
import io.modelport.runtime.LoadedModel;

/**
 * The face gallery (docs/ml-notes.md, "Face verification"): enrolment embeds the faces
 * once and stores the vectors per model version; identification embeds only the probe and
 * scans the stored vectors of the same version. Vectors of another version are never
 * compared: they are recomputed from stored images when there are any, otherwise the
 * identity is reported stale.
 *
 * @author Modelport Team
 */
@Service
public class GalleryService {

	private static final Pattern IDENTITY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@'-]{0,127}");

	private final FaceService faces;

	private final ModelRegistry registry;

	private final GalleryRepository repository;

	private final GalleryProperties properties;

	private final MeterRegistry meters;

	private final GalleryIndex index = new GalleryIndex();

	public GalleryService(FaceService faces, ModelRegistry registry, GalleryRepository repository,
			GalleryProperties properties, MeterRegistry meters) {
		this.faces = faces;
		this.registry = registry;
		this.repository = repository;
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Enrols an identity, replacing the faces it had.
	 * @param model the model name
	 * @param identity the identity
	 * @param images its encoded face images
	 * @param version the version to embed with, {@code null} for the default
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the identity as stored
	 */
	public IdentityView enrol(String model, String identity, List<byte[]> images, Integer version, Duration timeout) {
		requireValidName(identity);
		if (images.isEmpty() || images.size() > this.properties.maxImagesPerIdentity()) {
			throw new InvalidRequestException("an enrolment needs 1 to " + this.properties.maxImagesPerIdentity()
					+ " images, not " + images.size());
		}
		LoadedModel loaded = this.faces.resolve(model, version);
		// Every image is embedded before anything is stored, so a bad image leaves the
		// gallery as it was.
		// An enrolment photo must show one person: a group photo is refused, not guessed.
		List<float[]> embeddings = this.faces.embedAll(loaded, images, FaceSelection.ALL, timeout);
		if (!this.repository.exists(model, identity)
				&& this.repository.countIdentities(model) >= this.properties.maxIdentities()) {
			throw new GalleryConflictException(
					"the gallery of model '" + model + "' is full: " + this.properties.maxIdentities() + " identities");
		}
		List<byte[]> kept = this.properties.storeImages() ? images : Arrays.asList(new byte[images.size()][]);
		try {
			this.repository.replace(model, identity, kept, loaded.descriptor().version(), embeddings);
			this.index.invalidate(model);
		}
		catch (DuplicateKeyException ex) {
			throw new GalleryConflictException("identity '" + identity + "' is being enrolled concurrently; retry");
		}
		return identity(model, identity);
	}

	/**
	 * The identities enrolled for a model.
	 * @param model the model name
	 * @return the gallery, identities by name
	 */
	public GalleryView gallery(String model) {
		int current = this.registry.version(model, null).version();
		return new GalleryView(model, current, this.repository.identities(model, current));
	}

	/**
	 * One enrolled identity.
	 * @param model the model name
	 * @param identity the identity
	 * @return the identity
	 * @throws IdentityNotFoundException when it is not enrolled
	 */
	public IdentityView identity(String model, String identity) {
		int current = this.registry.version(model, null).version();
		return this.repository.identity(model, identity, current).orElseThrow(() -> notFound(model, identity));
	}

	/**
	 * Removes an identity and its embeddings.
	 * @param model the model name
	 * @param identity the identity
	 * @throws IdentityNotFoundException when it is not enrolled
	 */
	public void delete(String model, String identity) {
		this.registry.find(model);
		if (!this.repository.delete(model, identity)) {
			throw notFound(model, identity);
		}
		this.index.invalidate(model);
	}

	/**
	 * Finds who a face is (1:K): the enrolled identity nearest to it, if within τ.
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded probe image
	 * @param topK how many candidates to report, {@code null} for the configured default
	 * @param threshold overrides the model's calibrated τ, {@code null} to keep it
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return the identity, or none, and the nearest candidates
	 */
	public IdentifyResponse identify(String model, Integer version, byte[] image, Integer topK, Double threshold,
			Duration timeout) {
		return identifyFaces(model, version, image, topK, threshold, FaceSelection.LARGEST, timeout).get(0).answer();
	}

	/**
	 * Finds who each selected face of a photo is (1:K).
	 * @param model the model name
	 * @param version the version, {@code null} for the default
	 * @param image the encoded photo
	 * @param topK how many candidates to report per face, {@code null} for the default
	 * @param threshold overrides the model's calibrated τ, {@code null} to keep it
	 * @param face which faces
	 * @param timeout the deadline, {@code null} for the configured default
	 * @return one answer per face, left to right
	 */
	public List<IdentifiedFace> identifyFaces(String model, Integer version, byte[] image, Integer topK,
			Double threshold, FaceSelection face, Duration timeout) {
		int k = (topK != null) ? topK : this.properties.topK();
		if (k < 1 || k > 100) {
			throw new InvalidRequestException("topK must be in [1, 100], not " + k);
		}
		LoadedModel loaded = this.faces.resolve(model, version);
		double tau = FaceService.threshold(loaded.descriptor(), threshold);
		List<EmbeddedFace> probes = this.faces.embedFaces(loaded, image, face, timeout);
		int v = loaded.descriptor().version();
		GalleryIndex.Snapshot gallery = this.index.snapshot(model, v, this.repository.fingerprint(model),
				() -> recompute(loaded, this.repository.faces(model, v), timeout));
		List<IdentifiedFace> answers = new ArrayList<>(probes.size());
		for (EmbeddedFace probe : probes) {
			answers.add(
					new IdentifiedFace(FaceView.of(probe.face()), match(model, v, probe.embedding(), gallery, k, tau)));
		}
		return answers;
	}

	private IdentifyResponse match(String model, int v, float[] probe, GalleryIndex.Snapshot gallery, int k,
			double tau) {
		Map<String, Double> nearest = new HashMap<>();
		for (int i = 0; i < gallery.embeddings().size(); i++) {
			nearest.merge(gallery.identities().get(i), Embeddings.squaredDistance(probe, gallery.embeddings().get(i)),
					Math::min);
		}
		List<IdentifyResponse.Candidate> candidates = nearest(nearest, k);
		IdentifyResponse.Candidate best = candidates.isEmpty() ? null : candidates.get(0);
		boolean recognised = best != null && best.distance() <= tau;
		Counter.builder("modelport.faces.identifications")
			.description("1:K identifications against a face gallery, by whether the face was recognised")
			.tag("model", model)
			.tag("outcome", recognised ? "recognised" : "not_recognised")
			.register(this.meters)
			.increment();
		return new IdentifyResponse(model, v, recognised ? best.identity() : null, recognised ? best.distance() : null,
				tau, candidates, gallery.stale());
	}

	// The k nearest identities, nearest first (ties by name), keeping a bounded heap
	// rather than sorting every identity of a large gallery.
	private static List<IdentifyResponse.Candidate> nearest(Map<String, Double> distances, int k) {
		Comparator<IdentifyResponse.Candidate> order = Comparator.comparingDouble(IdentifyResponse.Candidate::distance)
			.thenComparing(IdentifyResponse.Candidate::identity);
		PriorityQueue<IdentifyResponse.Candidate> heap = new PriorityQueue<>(k + 1, order.reversed());
		distances.forEach((identity, distance) -> {
			heap.add(new IdentifyResponse.Candidate(identity, distance));
			if (heap.size() > k) {
				heap.poll();
			}
		});
		List<IdentifyResponse.Candidate> nearest = new ArrayList<>(heap);
		nearest.sort(order);
		return nearest;
	}

	// Faces enrolled under another version whose images were kept get this version's
	// embedding now, once; the rest stay without one and are reported stale.
	private List<EnrolledFace> recompute(LoadedModel loaded, List<EnrolledFace> enrolled, Duration timeout) {
		List<EnrolledFace> missing = new ArrayList<>();
		List<byte[]> images = new ArrayList<>();
		for (EnrolledFace face : enrolled) {
			if (face.embedding() == null && face.imageStored()) {
				// A face deleted since the scan has no image any more: it stays without.
				this.repository.image(face.id()).ifPresent((image) -> {
					missing.add(face);
					images.add(image);
				});
			}
		}
		if (missing.isEmpty()) {
			return enrolled;
		}
		Counter.builder("modelport.faces.gallery.recomputed")
			.description("Gallery embeddings recomputed from stored images for a newly served version")
			.tag("model", loaded.descriptor().name())
			.register(this.meters)
			.increment(missing.size());
		List<float[]> embeddings = this.faces.embedAll(loaded, images, timeout);
		Map<Long, float[]> computed = new LinkedHashMap<>();
		for (int i = 0; i < missing.size(); i++) {
			this.repository.saveEmbedding(missing.get(i).id(), loaded.descriptor().version(), embeddings.get(i));
			computed.put(missing.get(i).id(), embeddings.get(i));
		}
		List<EnrolledFace> result = new ArrayList<>(enrolled.size());
		for (EnrolledFace face : enrolled) {
			float[] fresh = computed.get(face.id());
			result.add((fresh != null) ? new EnrolledFace(face.id(), face.identity(), true, fresh) : face);
		}
		return result;
	}

	private static void requireValidName(String identity) {
		if (identity == null || !IDENTITY.matcher(identity).matches()) {
			throw new InvalidRequestException("an identity is 1 to 128 letters, digits, spaces or . _ @ ' -, "
					+ "starting with a letter or digit");
		}
	}

	private static IdentityNotFoundException notFound(String model, String identity) {
		return new IdentityNotFoundException(
				"identity '" + identity + "' is not enrolled in the gallery of model '" + model + "'");
	}

}
