package io.modelport.faces.gallery;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the in-memory gallery is reused and when it is read again.
 *
 * @author Modelport Team
 */
class GalleryIndexTests {

	private final GalleryIndex index = new GalleryIndex();

	private final AtomicInteger reads = new AtomicInteger();

	@Test
	void reusesASnapshotUntilTheFingerprintOrVersionChanges() {
		GalleryRepository.Fingerprint two = new GalleryRepository.Fingerprint(2, 7);
		GalleryIndex.Snapshot first = snapshot(1, two);
		assertThat(snapshot(1, two)).isSameAs(first);
		assertThat(this.reads).hasValue(1);
		assertThat(snapshot(1, new GalleryRepository.Fingerprint(2, 9))).isNotSameAs(first);
		assertThat(snapshot(2, new GalleryRepository.Fingerprint(2, 9)).version()).isEqualTo(2);
		this.index.invalidate("m");
		snapshot(2, new GalleryRepository.Fingerprint(2, 9));
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void anIdentityIsStaleOnlyWhenNoneOfItsFacesHasAnEmbedding() {
		GalleryIndex.Snapshot snapshot = GalleryIndex.Snapshot.of(1, new GalleryRepository.Fingerprint(4, 4),
				List.of(new EnrolledFace(1, "alice", false, new float[] { 1, 0 }),
						new EnrolledFace(2, "alice", false, null), new EnrolledFace(3, "bob", false, null),
						new EnrolledFace(4, "carol", false, new float[] { 0, 1 })));
		assertThat(snapshot.identities()).containsExactly("alice", "carol");
		assertThat(snapshot.stale()).containsExactly("bob");
	}

	private GalleryIndex.Snapshot snapshot(int version, GalleryRepository.Fingerprint fingerprint) {
		return this.index.snapshot("m", version, fingerprint, () -> {
			this.reads.incrementAndGet();
			return List.of(new EnrolledFace(1, "alice", false, new float[] { 1, 0 }));
		});
	}

}
