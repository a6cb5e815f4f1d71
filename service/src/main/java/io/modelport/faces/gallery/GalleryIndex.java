package io.modelport.faces.gallery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The gallery embeddings of one model version, held in memory so identification scans an
 * array instead of reading every vector from the database per request (10,000 faces took
 * 150-300 ms on H2 and 50-70 ms on PostgreSQL per read). A snapshot is reused while the
 * store's {@link GalleryRepository.Fingerprint} is unchanged, so an enrolment through any
 * replica is seen by the next identification everywhere. One snapshot per model: asking
 * for another version replaces it.
 *
 * @author Modelport Team
 */
class GalleryIndex {

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	/**
	 * The snapshot of a model version, rebuilt when the fingerprint changed.
	 * @param model the model name
	 * @param version the model version
	 * @param fingerprint the store's current fingerprint
	 * @param faces loads the faces with their embeddings for the version (and recomputes
	 * what it can)
	 * @return the snapshot
	 */
	Snapshot snapshot(String model, int version, GalleryRepository.Fingerprint fingerprint,
			Supplier<List<EnrolledFace>> faces) {
		Snapshot current = this.snapshots.get(model);
		if (current != null && current.version() == version && current.fingerprint().equals(fingerprint)) {
			return current;
		}
		Snapshot fresh = Snapshot.of(version, fingerprint, faces.get());
		this.snapshots.put(model, fresh);
		return fresh;
	}

	/**
	 * Drops a model's snapshot, after a local change.
	 * @param model the model name
	 */
	void invalidate(String model) {
		this.snapshots.remove(model);
	}

	/**
	 * The embeddings of one version: the faces that have one, and the identities that
	 * have none at all.
	 *
	 * @param version the model version
	 * @param fingerprint the store's fingerprint when it was read
	 * @param identities the identity of each embedded face
	 * @param embeddings the embedding of each embedded face
	 * @param stale the identities without any embedding from this version
	 */
	record Snapshot(int version, GalleryRepository.Fingerprint fingerprint, List<String> identities,
			List<float[]> embeddings, List<String> stale) {

		static Snapshot of(int version, GalleryRepository.Fingerprint fingerprint, List<EnrolledFace> faces) {
			List<String> identities = new ArrayList<>();
			List<float[]> embeddings = new ArrayList<>();
			Set<String> stale = new LinkedHashSet<>();
			for (EnrolledFace face : faces) {
				if (face.embedding() != null) {
					identities.add(face.identity());
					embeddings.add(face.embedding());
				}
				else {
					stale.add(face.identity());
				}
			}
			stale.removeAll(new HashSet<>(identities));
			return new Snapshot(version, fingerprint, List.copyOf(identities), List.copyOf(embeddings),
					List.copyOf(stale));
		}

	}

}
