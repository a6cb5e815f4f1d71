package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.modelport.embeddings.Embeddings;

/**
 * The image pairs a verifier is evaluated on: every same-person pair of a split, and as
 * many different-person pairs drawn at random with a seed (balanced, so accuracy is not
 * dominated by the far more numerous different pairs). When the split has fewer different
 * pairs than same pairs, all of them are used.
 * <p>
 * Pairs are unordered (first index below second) and listed same pairs first, in index
 * order, then the different pairs in the order drawn.
 *
 * @author Modelport Team
 */
public final class VerificationPairs {

	private final int[] first;

	private final int[] second;

	private final boolean[] same;

	private VerificationPairs(List<int[]> pairs, int sameCount) {
		this.first = pairs.stream().mapToInt((pair) -> pair[0]).toArray();
		this.second = pairs.stream().mapToInt((pair) -> pair[1]).toArray();
		this.same = new boolean[pairs.size()];
		for (int i = 0; i < sameCount; i++) {
			this.same[i] = true;
		}
	}

	/**
	 * Builds the pairs of a face set.
	 * @param faces the faces, normally a dev or test split
	 * @param seed the seed for drawing the different pairs
	 * @return the pairs
	 */
	public static VerificationPairs of(FaceImages faces, long seed) {
		int[] labels = faces.labels();
		List<int[]> pairs = new ArrayList<>();
		long differentTotal = 0;
		for (int i = 0; i < labels.length; i++) {
			for (int j = i + 1; j < labels.length; j++) {
				if (labels[i] == labels[j]) {
					pairs.add(new int[] { i, j });
				}
				else {
					differentTotal++;
				}
			}
		}
		int sameCount = pairs.size();
		int wanted = (int) Math.min(sameCount, differentTotal);
		Random random = new Random(seed);
		// Rejection sampling without repeats; when nearly all different pairs are wanted
		// it would stall on repeats, so those are enumerated and shuffled instead.
		if (wanted * 2L > differentTotal) {
			List<int[]> all = new ArrayList<>();
			for (int i = 0; i < labels.length; i++) {
				for (int j = i + 1; j < labels.length; j++) {
					if (labels[i] != labels[j]) {
						all.add(new int[] { i, j });
					}
				}
			}
			Collections.shuffle(all, random);
			pairs.addAll(all.subList(0, wanted));
		}
		else {
			Set<Long> drawn = new HashSet<>();
			while (drawn.size() < wanted) {
				int a = random.nextInt(labels.length);
				int b = random.nextInt(labels.length);
				if (labels[a] != labels[b] && drawn.add((long) Math.min(a, b) * labels.length + Math.max(a, b))) {
					pairs.add(new int[] { Math.min(a, b), Math.max(a, b) });
				}
			}
		}
		return new VerificationPairs(pairs, sameCount);
	}

	/**
	 * The number of pairs.
	 * @return the count
	 */
	public int size() {
		return this.same.length;
	}

	/**
	 * The first image of a pair.
	 * @param pair the pair index
	 * @return the image index, the lower of the two
	 */
	public int first(int pair) {
		return this.first[pair];
	}

	/**
	 * The second image of a pair.
	 * @param pair the pair index
	 * @return the image index, the higher of the two
	 */
	public int second(int pair) {
		return this.second[pair];
	}

	/**
	 * Whether a pair shows one person.
	 * @param pair the pair index
	 * @return {@code true} for a same-person pair
	 */
	public boolean same(int pair) {
		return this.same[pair];
	}

	/**
	 * The same/different flag of every pair, for
	 * {@link io.modelport.faces.VerificationMetrics}.
	 * @return a copy of the flags
	 */
	public boolean[] sameFlags() {
		return this.same.clone();
	}

	/**
	 * The squared distance of every pair.
	 * @param embeddings the embedding of every image of the face set
	 * @return the distances, pair by pair
	 */
	public double[] distances(float[][] embeddings) {
		double[] distances = new double[size()];
		for (int i = 0; i < distances.length; i++) {
			distances[i] = Embeddings.squaredDistance(embeddings[this.first[i]], embeddings[this.second[i]]);
		}
		return distances;
	}

}
