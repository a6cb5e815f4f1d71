package io.modelport.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Anchor boxes from the box sizes of a training set, by k-means with the YOLOv2 distance
 * {@code 1 - IoU}: Euclidean distance would let large boxes dominate, while IoU compares
 * shapes at every scale alike.
 *
 * @author Modelport Team
 */
public final class AnchorKMeans {

	private static final int MAX_ITERATIONS = 100;

	private AnchorKMeans() {
	}

	/**
	 * Clusters box sizes into {@code k} anchors.
	 * <p>
	 * The initial centres are chosen k-means++ style from a {@link Random} seeded with
	 * {@code seed}, so the same input and seed always give the same anchors. Each size
	 * then goes to the centre it overlaps most (the first on a tie), each centre moves to
	 * the mean width and height of its sizes (a centre left without sizes stays where it
	 * is), until no assignment changes or after 100 rounds.
	 * @param boxSizes the sizes, each {@code {width, height}} with both finite and above
	 * 0
	 * @param k the number of anchors, at least 1
	 * @param seed the seed of the initial choice
	 * @return {@code k} anchors as {@code {width, height}}, by area ascending
	 * @throws IllegalArgumentException when {@code k < 1}, a size is malformed, or there
	 * are fewer distinct sizes than {@code k}
	 */
	public static List<float[]> cluster(List<float[]> boxSizes, int k, long seed) {
		if (k < 1) {
			throw new IllegalArgumentException("k must be >= 1, was " + k);
		}
		Set<List<Float>> distinct = new HashSet<>();
		for (float[] size : boxSizes) {
			if (size.length != 2 || !(size[0] > 0 && size[1] > 0) || Float.isInfinite(size[0])
					|| Float.isInfinite(size[1])) {
				throw new IllegalArgumentException("a box size must be {width, height}, both finite and > 0");
			}
			distinct.add(List.of(size[0], size[1]));
		}
		if (distinct.size() < k) {
			throw new IllegalArgumentException(
					"k = " + k + " anchors need at least as many distinct sizes, got " + distinct.size());
		}
		float[][] points = boxSizes.toArray(float[][]::new);
		float[][] centres = initialCentres(points, k, new Random(seed));
		int[] assignment = new int[points.length];
		// No size starts in a cluster, so the first round always counts as a change.
		Arrays.fill(assignment, -1);
		for (int iteration = 0; iteration < MAX_ITERATIONS && assign(points, centres, assignment); iteration++) {
			moveCentres(points, centres, assignment);
		}
		List<float[]> anchors = new ArrayList<>(List.of(centres));
		anchors.sort(Comparator.comparingDouble((anchor) -> (double) anchor[0] * anchor[1]));
		return anchors;
	}

	/**
	 * The IoU of two boxes of the given sizes placed on the same centre: only their
	 * shapes matter, not where they are.
	 * @param w1 the first width
	 * @param h1 the first height
	 * @param w2 the second width
	 * @param h2 the second height
	 * @return the IoU in [0, 1], 0 when both boxes have no area
	 */
	public static float shapeIou(float w1, float h1, float w2, float h2) {
		return Iou.fromOverlap(Math.min(w1, w2), Math.min(h1, h2), w1 * h1, w2 * h2);
	}

	private static float[][] initialCentres(float[][] points, int k, Random random) {
		float[][] centres = new float[k][];
		centres[0] = points[random.nextInt(points.length)].clone();
		double[] weight = new double[points.length];
		for (int c = 1; c < k; c++) {
			// k-means++: pick far-off sizes more often, with weight distance squared.
			double total = 0;
			for (int i = 0; i < points.length; i++) {
				double distance = 1 - shapeIou(points[i], centres[nearest(points[i], centres, c)]);
				weight[i] = distance * distance;
				total += weight[i];
			}
			centres[c] = pick(points, weight, total, random, centres, c).clone();
		}
		return centres;
	}

	private static float[] pick(float[][] points, double[] weight, double total, Random random, float[][] centres,
			int chosen) {
		double target = random.nextDouble() * total;
		for (int i = 0; i < points.length; i++) {
			target -= weight[i];
			if (weight[i] > 0 && target < 0) {
				return points[i];
			}
		}
		// Only when rounding left every weight at 0 (sizes distinct but with IoU 1 in
		// float): the first size not yet a centre keeps the centres distinct.
		for (float[] point : points) {
			if (!isCentre(point, centres, chosen)) {
				return point;
			}
		}
		throw new IllegalStateException("no size left to choose");
	}

	private static boolean isCentre(float[] point, float[][] centres, int chosen) {
		for (int c = 0; c < chosen; c++) {
			if (centres[c][0] == point[0] && centres[c][1] == point[1]) {
				return true;
			}
		}
		return false;
	}

	private static boolean assign(float[][] points, float[][] centres, int[] assignment) {
		boolean changed = false;
		for (int i = 0; i < points.length; i++) {
			int centre = nearest(points[i], centres, centres.length);
			changed |= assignment[i] != centre;
			assignment[i] = centre;
		}
		return changed;
	}

	private static void moveCentres(float[][] points, float[][] centres, int[] assignment) {
		double[][] sums = new double[centres.length][2];
		int[] counts = new int[centres.length];
		for (int i = 0; i < points.length; i++) {
			sums[assignment[i]][0] += points[i][0];
			sums[assignment[i]][1] += points[i][1];
			counts[assignment[i]]++;
		}
		for (int c = 0; c < centres.length; c++) {
			if (counts[c] > 0) {
				centres[c] = new float[] { (float) (sums[c][0] / counts[c]), (float) (sums[c][1] / counts[c]) };
			}
		}
	}

	private static int nearest(float[] point, float[][] centres, int count) {
		int best = 0;
		float bestIou = -1;
		for (int c = 0; c < count; c++) {
			float iou = shapeIou(point, centres[c]);
			if (iou > bestIou) {
				best = c;
				bestIou = iou;
			}
		}
		return best;
	}

	private static float shapeIou(float[] a, float[] b) {
		return shapeIou(a[0], a[1], b[0], b[1]);
	}

}
