package io.modelport.faces.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Identities for cross-validation: test identities kept aside, and the other identities
 * (the pool) cut into folds, each held out once while the rest of the pool trains. Every
 * cut follows the order {@link IdentitySplit#order} shuffles the identities into, so
 * {@link #protocol} holds out exactly the test identities of {@link IdentitySplit#of}
 * with the same seed and shares, and one of the {@link #outer} test folds is those same
 * identities.
 *
 * @param faces all faces
 * @param test the test identity indexes
 * @param folds the pool's folds, identity indexes in shuffled order
 * @author Modelport Team
 */
public record IdentityFolds(FaceImages faces, List<Integer> test, List<List<Integer>> folds) {

	/**
	 * The test identities of the classic split, the rest cut into {@code k} folds.
	 * @param faces all faces
	 * @param devShare the classic split's dev share (it places the test identities)
	 * @param testShare the test share
	 * @param seed the shuffle seed
	 * @param k the folds of the pool, at least 2
	 * @return the folds
	 */
	public static IdentityFolds protocol(FaceImages faces, double devShare, double testShare, long seed, int k) {
		int identities = faces.identities().size();
		int[] sizes = IdentitySplit.sizes(identities, devShare, testShare);
		List<Integer> order = IdentitySplit.order(identities, seed);
		return of(faces, order, new ArrayList<>(order.subList(sizes[1], sizes[1] + sizes[2])), k);
	}

	/**
	 * One of the test folds of repeated splits: the shuffled identities cut into
	 * {@code outerFolds} test folds, fold {@code index} held out for test, the rest cut
	 * into {@code k} folds.
	 * @param faces all faces
	 * @param outerFolds the test folds covering all identities, at least 2
	 * @param index the test fold, from 0
	 * @param seed the shuffle seed
	 * @param k the folds of the pool, at least 2
	 * @return the folds
	 */
	public static IdentityFolds outer(FaceImages faces, int outerFolds, int index, long seed, int k) {
		List<Integer> order = IdentitySplit.order(faces.identities().size(), seed);
		List<List<Integer>> tests = cut(order, outerFolds);
		if (index < 0 || index >= outerFolds) {
			throw new IllegalArgumentException("test fold " + index + " is not one of 0 to " + (outerFolds - 1));
		}
		return of(faces, order, tests.get(index), k);
	}

	private static IdentityFolds of(FaceImages faces, List<Integer> order, List<Integer> test, int k) {
		List<Integer> pool = new ArrayList<>(order);
		pool.removeAll(test);
		List<List<Integer>> folds = cut(pool, k);
		if (pool.size() - folds.get(0).size() < IdentitySplit.MIN_IDENTITIES) {
			throw new IllegalArgumentException(pool.size() + " identities are too few to train on " + k + " folds");
		}
		return new IdentityFolds(faces, List.copyOf(test), folds);
	}

	// Contiguous pieces whose sizes differ by at most one.
	static List<List<Integer>> cut(List<Integer> identities, int pieces) {
		int n = identities.size();
		if (pieces < 2 || n / pieces < IdentitySplit.MIN_IDENTITIES) {
			throw new IllegalArgumentException(n + " identities cannot be cut into " + pieces + " folds of "
					+ IdentitySplit.MIN_IDENTITIES + " or more (verification needs different-person pairs)");
		}
		List<List<Integer>> folds = new ArrayList<>();
		for (int f = 0; f < pieces; f++) {
			folds.add(List.copyOf(identities.subList(f * n / pieces, (f + 1) * n / pieces)));
		}
		return folds;
	}

	/**
	 * The test faces.
	 * @return the faces of the test identities
	 */
	public FaceImages testFaces() {
		return pick(this.test);
	}

	/**
	 * Every non-test face: what the final model trains on.
	 * @return the faces of all folds
	 */
	public FaceImages poolFaces() {
		return pick(this.folds.stream().flatMap(List::stream).toList());
	}

	/**
	 * The faces a fold holds out.
	 * @param fold the fold, from 0
	 * @return its faces
	 */
	public FaceImages heldOut(int fold) {
		return pick(this.folds.get(fold));
	}

	/**
	 * The faces trained on while a fold is held out.
	 * @param fold the fold, from 0
	 * @return the faces of every other fold
	 */
	public FaceImages training(int fold) {
		List<Integer> training = new ArrayList<>();
		for (int f = 0; f < this.folds.size(); f++) {
			if (f != fold) {
				training.addAll(this.folds.get(f));
			}
		}
		return pick(training);
	}

	/**
	 * The names of a set of identities, for reports.
	 * @param identities identity indexes
	 * @return their names, in natural order
	 */
	public List<String> names(List<Integer> identities) {
		return pick(identities).identities();
	}

	private FaceImages pick(List<Integer> identities) {
		return IdentitySplit.pick(this.faces, identities);
	}

}
