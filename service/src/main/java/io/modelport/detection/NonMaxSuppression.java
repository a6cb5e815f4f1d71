package io.modelport.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Greedy non-max suppression: of several boxes on one object keep only the most
 * confident.
 *
 * @author Modelport Team
 */
public final class NonMaxSuppression {

	private static final Comparator<Detection> BY_SCORE_DESCENDING = (a, b) -> Float.compare(b.score(), a.score());

	private NonMaxSuppression() {
	}

	/**
	 * Greedy non-max suppression as in the course notes.
	 * <ol>
	 * <li>Drop every detection whose score is below {@code scoreThreshold}. A score equal
	 * to the threshold is <em>kept</em>: the notes discard {@code p_c <= threshold}, but
	 * a service parameter named "score threshold" conventionally means "at least".</li>
	 * <li>Repeatedly keep the highest-scoring remaining detection and discard every
	 * remaining detection of the same class (of any class when {@code perClass} is false)
	 * whose IoU with it is {@code >= iouThreshold}.</li>
	 * </ol>
	 * Equal scores keep their input order, so the result is deterministic; in particular
	 * of two identical detections the first one survives. An {@code iouThreshold} of 0
	 * keeps one detection per class (or one in all).
	 * @param detections the raw detections, not modified
	 * @param scoreThreshold the lowest score kept, in [0, 1]
	 * @param iouThreshold the IoU from which a less confident box is suppressed, in [0,
	 * 1]
	 * @param perClass whether boxes only suppress boxes of their own class
	 * @param maxDetections the most detections returned, at least 0
	 * @return the kept detections, by score descending
	 * @throws IllegalArgumentException when a threshold is outside [0, 1] or
	 * {@code maxDetections} is negative
	 */
	public static List<Detection> apply(List<Detection> detections, float scoreThreshold, float iouThreshold,
			boolean perClass, int maxDetections) {
		checkUnitInterval("scoreThreshold", scoreThreshold);
		checkUnitInterval("iouThreshold", iouThreshold);
		if (maxDetections < 0) {
			throw new IllegalArgumentException("maxDetections must be >= 0, was " + maxDetections);
		}
		if (maxDetections == 0) {
			return List.of();
		}
		// A stable sort: equal scores stay in input order. From here on a detection is
		// known by its rank in this order, so a lower rank always wins.
		Detection[] ranked = detections.stream()
			.filter((detection) -> detection.score() >= scoreThreshold)
			.sorted(BY_SCORE_DESCENDING)
			.toArray(Detection[]::new);
		List<Integer> kept = new ArrayList<>();
		for (List<Integer> group : groups(ranked, perClass)) {
			kept.addAll(new Group(ranked, group).keep(iouThreshold, maxDetections));
		}
		// The groups gave the ranks out of order; rank order is score order.
		kept.sort(Comparator.naturalOrder());
		return kept.stream().limit(maxDetections).map((rank) -> ranked[rank]).toList();
	}

	// Boxes only suppress boxes of their own group, so each group is a problem of its
	// own. A group lists its ranks ascending, which is its score order.
	private static Collection<List<Integer>> groups(Detection[] ranked, boolean perClass) {
		if (!perClass) {
			return List.of(IntStream.range(0, ranked.length).boxed().toList());
		}
		return IntStream.range(0, ranked.length)
			.boxed()
			.collect(Collectors.groupingBy((rank) -> ranked[rank].classIndex()))
			.values();
	}

	private static void checkUnitInterval(String name, float value) {
		// Written so that NaN fails too.
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
		}
	}

	/**
	 * Detections that may suppress each other, as primitive arrays in score order, so the
	 * quadratic loop touches no objects, and sorted by left edge, so a box is only
	 * compared with the boxes it can overlap.
	 */
	private static final class Group {

		private final int[] ranks;

		private final float[] left;

		private final float[] top;

		private final float[] right;

		private final float[] bottom;

		private final float[] area;

		private final int[] byLeft;

		private final float[] sortedLeft;

		private final float maxWidth;

		Group(Detection[] ranked, List<Integer> ranks) {
			int n = ranks.size();
			this.ranks = ranks.stream().mapToInt(Integer::intValue).toArray();
			this.left = new float[n];
			this.top = new float[n];
			this.right = new float[n];
			this.bottom = new float[n];
			this.area = new float[n];
			float widest = 0;
			for (int i = 0; i < n; i++) {
				BoundingBox box = ranked[this.ranks[i]].box();
				this.left[i] = box.x();
				this.top[i] = box.y();
				this.right[i] = box.right();
				this.bottom[i] = box.bottom();
				this.area[i] = Iou.cornerArea(box);
				// Written so that a NaN width (a box that overlaps nothing) is skipped.
				if (this.right[i] - this.left[i] > widest) {
					widest = this.right[i] - this.left[i];
				}
			}
			this.maxWidth = widest;
			this.byLeft = IntStream.range(0, n)
				.boxed()
				.sorted(Comparator.comparingDouble((i) -> this.left[i]))
				.mapToInt(Integer::intValue)
				.toArray();
			this.sortedLeft = new float[n];
			for (int k = 0; k < n; k++) {
				this.sortedLeft[k] = this.left[this.byLeft[k]];
			}
		}

		List<Integer> keep(float iouThreshold, int maxDetections) {
			boolean[] suppressed = new boolean[this.ranks.length];
			List<Integer> kept = new ArrayList<>();
			for (int i = 0; i < this.ranks.length && kept.size() < maxDetections; i++) {
				if (!suppressed[i]) {
					kept.add(this.ranks[i]);
					suppressOverlaps(i, iouThreshold, suppressed);
				}
			}
			return kept;
		}

		private void suppressOverlaps(int winner, float iouThreshold, boolean[] suppressed) {
			if (iouThreshold == 0) {
				// IoU >= 0 holds for every pair, disjoint ones included.
				Arrays.fill(suppressed, winner + 1, suppressed.length, true);
				return;
			}
			// A positive IoU needs an overlap, which needs a left edge in
			// (left - maxWidth, right): only that slice of byLeft is scanned.
			int end = this.sortedLeft.length;
			for (int k = firstLeftAbove(this.left[winner] - this.maxWidth); k < end
					&& this.sortedLeft[k] < this.right[winner]; k++) {
				int other = this.byLeft[k];
				if (other > winner && !suppressed[other] && iou(winner, other) >= iouThreshold) {
					suppressed[other] = true;
				}
			}
		}

		private int firstLeftAbove(float edge) {
			int low = 0;
			int high = this.sortedLeft.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (this.sortedLeft[middle] > edge) {
					high = middle;
				}
				else {
					low = middle + 1;
				}
			}
			return low;
		}

		private float iou(int a, int b) {
			float overlapWidth = Math.min(this.right[a], this.right[b]) - Math.max(this.left[a], this.left[b]);
			float overlapHeight = Math.min(this.bottom[a], this.bottom[b]) - Math.max(this.top[a], this.top[b]);
			return Iou.fromOverlap(overlapWidth, overlapHeight, this.area[a], this.area[b]);
		}

	}

}
