package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws mini-batches of P identities × K images for triplet mining: every anchor in a
 * batch then has K - 1 positives and (P - 1) × K negatives to choose from.
 * <p>
 * Identities and, within each identity, images are taken from shuffled queues that are
 * reshuffled when they run out, so an epoch visits the images about evenly; the P
 * identities of a batch are always distinct. An identity with fewer than K images is
 * sampled with replacement: all its images once, then random repeats to fill K slots.
 * Deterministic: the same face set, P, K and seed give the same sequence of batches. Not
 * thread-safe (it advances a random generator).
 *
 * @author Modelport Team
 */
public final class PkBatchSampler {

	private final FaceImages faces;

	private final int p;

	private final int k;

	private final Random random;

	private final int[][] imagesByIdentity;

	private final int[] imageCursor;

	private final int[] identityQueue;

	private int identityCursor;

	/**
	 * Creates a sampler.
	 * @param faces the training faces
	 * @param p the identities per batch, 2 to the number of identities
	 * @param k the images per identity, at least 2 (an anchor needs a positive)
	 * @param seed the random seed
	 */
	public PkBatchSampler(FaceImages faces, int p, int k, long seed) {
		int identities = faces.identities().size();
		if (p < 2 || p > identities || k < 2) {
			throw new IllegalArgumentException("P=" + p + ", K=" + k + " do not fit " + identities
					+ " identities: P must be 2 to " + identities + " and K at least 2");
		}
		this.faces = faces;
		this.p = p;
		this.k = k;
		this.random = new Random(seed);
		this.imagesByIdentity = new int[identities][];
		this.imageCursor = new int[identities];
		for (int identity = 0; identity < identities; identity++) {
			this.imagesByIdentity[identity] = faces.imagesOf(identity);
			if (this.imagesByIdentity[identity].length == 0) {
				throw new IllegalArgumentException("identity " + faces.identities().get(identity) + " has no images");
			}
			shuffle(this.imagesByIdentity[identity]);
		}
		this.identityQueue = new int[identities];
		for (int i = 0; i < identities; i++) {
			this.identityQueue[i] = i;
		}
		shuffle(this.identityQueue);
	}

	/**
	 * The number of batches in an epoch: enough to show about every image once.
	 * @return ceil(images / (P × K))
	 */
	public int batchesPerEpoch() {
		return Math.max(1, (this.faces.count() + this.p * this.k - 1) / (this.p * this.k));
	}

	/**
	 * The batches of the next epoch.
	 * @return {@link #batchesPerEpoch()} batches
	 */
	public List<int[]> epoch() {
		List<int[]> batches = new ArrayList<>();
		for (int i = 0; i < batchesPerEpoch(); i++) {
			batches.add(nextBatch());
		}
		return batches;
	}

	/**
	 * The next batch: P × K image indexes into the face set, identity by identity (the
	 * first K images show one person, the next K another, and so on).
	 * @return the image indexes
	 */
	public int[] nextBatch() {
		if (this.identityCursor + this.p > this.identityQueue.length) {
			// Too few identities left for a batch of distinct ones: start a new round.
			shuffle(this.identityQueue);
			this.identityCursor = 0;
		}
		int[] batch = new int[this.p * this.k];
		for (int slot = 0; slot < this.p; slot++) {
			int identity = this.identityQueue[this.identityCursor++];
			int[] images = takeImages(identity);
			System.arraycopy(images, 0, batch, slot * this.k, this.k);
		}
		return batch;
	}

	private int[] takeImages(int identity) {
		int[] images = this.imagesByIdentity[identity];
		int[] taken = new int[this.k];
		if (images.length < this.k) {
			shuffle(images);
			for (int i = 0; i < this.k; i++) {
				taken[i] = (i < images.length) ? images[i] : images[this.random.nextInt(images.length)];
			}
			return taken;
		}
		if (this.imageCursor[identity] + this.k > images.length) {
			// Reshuffle rather than wrap, so no image repeats within a batch.
			shuffle(images);
			this.imageCursor[identity] = 0;
		}
		System.arraycopy(images, this.imageCursor[identity], taken, 0, this.k);
		this.imageCursor[identity] += this.k;
		return taken;
	}

	private void shuffle(int[] values) {
		for (int i = values.length - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			int t = values[i];
			values[i] = values[j];
			values[j] = t;
		}
	}

}
