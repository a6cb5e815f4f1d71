package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Train, dev and test face sets split by identity: a person is in exactly one split, so
 * dev and test measure how well the verifier tells apart people it has never seen, which
 * is what a verifier enrolled with new faces must do.
 *
 * @param train the identities trained on
 * @param dev the identities that choose the epoch and the threshold
 * @param test the identities the final verifier is measured on
 * @author Modelport Team
 */
public record IdentitySplit(FaceImages train, FaceImages dev, FaceImages test) {

	/** The fewest identities of a split: verification needs different-person pairs. */
	public static final int MIN_IDENTITIES = 2;

	/**
	 * Splits a face set. The identities are shuffled with the seed; the dev and test
	 * splits take {@code round(share × identities)} of them, raised to
	 * {@link #MIN_IDENTITIES} when the share rounds lower, and training keeps the rest.
	 * Within each split identities and images keep their original order.
	 * @param faces the face set
	 * @param devShare the share of identities for dev, above 0
	 * @param testShare the share of identities for test, above 0
	 * @param seed the shuffle seed; the same seed gives the same split
	 * @return the split
	 * @throws IllegalArgumentException when a share is out of range or training would
	 * keep fewer than {@link #MIN_IDENTITIES} identities
	 */
	public static IdentitySplit of(FaceImages faces, double devShare, double testShare, long seed) {
		if (!(devShare > 0 && testShare > 0 && devShare + testShare < 1)) {
			throw new IllegalArgumentException(
					"dev and test shares must be above 0 and sum below 1, not " + devShare + " and " + testShare);
		}
		int identities = faces.identities().size();
		int[] sizes = sizes(identities, devShare, testShare);
		int devCount = sizes[1];
		int testCount = sizes[2];
		if (sizes[0] < MIN_IDENTITIES) {
			throw new IllegalArgumentException(identities + " identities are too few for " + devCount + " dev, "
					+ testCount + " test and " + MIN_IDENTITIES + " training identities");
		}
		List<Integer> order = order(identities, seed);
		return new IdentitySplit(pick(faces, order.subList(devCount + testCount, identities)),
				pick(faces, order.subList(0, devCount)), pick(faces, order.subList(devCount, devCount + testCount)));
	}

	/**
	 * The number of identities each split of {@link #of} gets, so a request can be
	 * checked before any image is read.
	 * @param identities the number of identities
	 * @param devShare the share of identities for dev
	 * @param testShare the share of identities for test
	 * @return {train, dev, test}; training below {@link #MIN_IDENTITIES} means the set is
	 * too small
	 */
	public static int[] sizes(int identities, double devShare, double testShare) {
		int devCount = Math.max(MIN_IDENTITIES, (int) Math.round(identities * devShare));
		int testCount = Math.max(MIN_IDENTITIES, (int) Math.round(identities * testShare));
		return new int[] { identities - devCount - testCount, devCount, testCount };
	}

	/**
	 * The identity order a seed shuffles into: {@link #of} takes dev, then test, then
	 * training identities from its front, and {@link IdentityFolds} cuts it into folds.
	 * @param identities the number of identities
	 * @param seed the shuffle seed
	 * @return the identity indexes, shuffled
	 */
	public static List<Integer> order(int identities, long seed) {
		List<Integer> order = new ArrayList<>(IntStream.range(0, identities).boxed().toList());
		Collections.shuffle(order, new Random(seed));
		return order;
	}

	static FaceImages pick(FaceImages faces, List<Integer> identities) {
		return faces.withIdentities(identities.stream().mapToInt(Integer::intValue).sorted().toArray());
	}

}
