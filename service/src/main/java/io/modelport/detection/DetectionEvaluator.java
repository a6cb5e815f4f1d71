package io.modelport.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Standard object-detection metrics: precision, recall, AP and mAP.
 * <p>
 * The course notes stop at IoU and non-max suppression and do not define mAP, so this
 * follows the COCO definitions: greedy matching by score, 101-point interpolated AP, and
 * mAP@[.50:.95] as the mean over the IoU thresholds 0.50, 0.55, ..., 0.95.
 *
 * @author Modelport Team
 */
public final class DetectionEvaluator {

	private static final int IOU_STEPS = 10;

	private static final int RECALL_POINTS = 101;

	private DetectionEvaluator() {
	}

	/**
	 * Scores predictions against ground truth.
	 * <p>
	 * For each class and IoU threshold, predictions are taken by score descending (equal
	 * scores in input order) and each is matched to the not yet matched ground truth of
	 * its class in its image with the highest IoU, if that IoU reaches the threshold;
	 * otherwise it is a false positive. Classes without ground truth are left out of the
	 * means, and their AP is NaN. When no class has ground truth, the mAPs are 0.
	 * <p>
	 * Precision and recall are taken at IoU 0.5 over all the given predictions, so the
	 * caller applies its score threshold and non-max suppression first. Precision is 0
	 * when there are no predictions and recall is 0 when there is no ground truth.
	 * @param predictions per image, the predicted detections
	 * @param truths per image, the labelled objects, in the same image order
	 * @param classes the number of classes; every class index must be below it
	 * @return the metrics
	 * @throws IllegalArgumentException when the lists differ in length, {@code classes}
	 * is below 1 or a class index is out of range
	 */
	public static Result evaluate(List<List<Detection>> predictions, List<List<GroundTruth>> truths, int classes) {
		validate(predictions, truths, classes);
		double[] apPerClass50 = averagePrecisions(predictions, truths, classes, iouThreshold(0));
		double map50 = meanOverDefined(apPerClass50);
		double sum = map50;
		for (int step = 1; step < IOU_STEPS; step++) {
			sum += meanOverDefined(averagePrecisions(predictions, truths, classes, iouThreshold(step)));
		}
		int truePositives = 0;
		for (int classIndex = 0; classIndex < classes; classIndex++) {
			for (boolean hit : match(predictions, truths, classIndex, iouThreshold(0)).truePositive()) {
				if (hit) {
					truePositives++;
				}
			}
		}
		long predicted = predictions.stream().mapToLong(List::size).sum();
		long labelled = truths.stream().mapToLong(List::size).sum();
		double precision = (predicted > 0) ? (double) truePositives / predicted : 0;
		double recall = (labelled > 0) ? (double) truePositives / labelled : 0;
		return new Result(map50, sum / IOU_STEPS, precision, recall, apPerClass50);
	}

	/**
	 * The 101-point interpolated average precision of one class, as COCO computes it.
	 * @param truePositive for each prediction of the class, by score descending, whether
	 * it matched a ground truth
	 * @param truths the number of ground truths of the class, at least 1
	 * @return the AP in [0, 1]
	 */
	static double averagePrecision(boolean[] truePositive, int truths) {
		int n = truePositive.length;
		int[] hits = new int[n];
		double[] precision = new double[n];
		int sum = 0;
		for (int i = 0; i < n; i++) {
			if (truePositive[i]) {
				sum++;
			}
			hits[i] = sum;
			precision[i] = (double) sum / (i + 1);
		}
		// The interpolated precision at a recall is the best precision at that recall or
		// beyond, which makes the curve non-increasing.
		for (int i = n - 2; i >= 0; i--) {
			precision[i] = Math.max(precision[i], precision[i + 1]);
		}
		double total = 0;
		int i = 0;
		for (int point = 0; point < RECALL_POINTS; point++) {
			// recall >= point / 100, compared in integers so that 0.29 and 29/100 agree.
			while (i < n && (long) hits[i] * (RECALL_POINTS - 1) < (long) point * truths) {
				i++;
			}
			if (i == n) {
				break;
			}
			total += precision[i];
		}
		return total / RECALL_POINTS;
	}

	private static float iouThreshold(int step) {
		return (50 + 5 * step) / 100f;
	}

	private static double[] averagePrecisions(List<List<Detection>> predictions, List<List<GroundTruth>> truths,
			int classes, float iouThreshold) {
		double[] ap = new double[classes];
		for (int classIndex = 0; classIndex < classes; classIndex++) {
			Matches matches = match(predictions, truths, classIndex, iouThreshold);
			ap[classIndex] = (matches.truths() > 0) ? averagePrecision(matches.truePositive(), matches.truths())
					: Double.NaN;
		}
		return ap;
	}

	private static double meanOverDefined(double[] values) {
		return Arrays.stream(values).filter((value) -> !Double.isNaN(value)).average().orElse(0);
	}

	private static Matches match(List<List<Detection>> predictions, List<List<GroundTruth>> truths, int classIndex,
			float iouThreshold) {
		List<Prediction> ranked = new ArrayList<>();
		for (int image = 0; image < predictions.size(); image++) {
			for (Detection detection : predictions.get(image)) {
				if (detection.classIndex() == classIndex) {
					ranked.add(new Prediction(image, detection.box(), detection.score()));
				}
			}
		}
		// List.sort is stable: equal scores stay in input order.
		ranked.sort(Comparator.comparingDouble(Prediction::score).reversed());
		List<List<BoundingBox>> targets = new ArrayList<>();
		int count = 0;
		for (List<GroundTruth> image : truths) {
			List<BoundingBox> boxes = image.stream()
				.filter((truth) -> truth.classIndex() == classIndex)
				.map(GroundTruth::box)
				.toList();
			targets.add(boxes);
			count += boxes.size();
		}
		boolean[][] taken = targets.stream().map((boxes) -> new boolean[boxes.size()]).toArray(boolean[][]::new);
		boolean[] truePositive = new boolean[ranked.size()];
		for (int i = 0; i < ranked.size(); i++) {
			Prediction prediction = ranked.get(i);
			List<BoundingBox> candidates = targets.get(prediction.image());
			int best = -1;
			float bestIou = -1;
			for (int j = 0; j < candidates.size(); j++) {
				float iou = Iou.of(prediction.box(), candidates.get(j));
				if (!taken[prediction.image()][j] && iou > bestIou) {
					best = j;
					bestIou = iou;
				}
			}
			if (best >= 0 && bestIou >= iouThreshold) {
				taken[prediction.image()][best] = true;
				truePositive[i] = true;
			}
		}
		return new Matches(truePositive, count);
	}

	private static void validate(List<List<Detection>> predictions, List<List<GroundTruth>> truths, int classes) {
		if (classes < 1) {
			throw new IllegalArgumentException("classes must be >= 1, was " + classes);
		}
		if (predictions.size() != truths.size()) {
			throw new IllegalArgumentException(
					"predictions cover " + predictions.size() + " images but truths cover " + truths.size());
		}
		predictions.stream().flatMap(List::stream).forEach((d) -> checkClass(d.classIndex(), classes));
		truths.stream().flatMap(List::stream).forEach((t) -> checkClass(t.classIndex(), classes));
	}

	private static void checkClass(int classIndex, int classes) {
		if (classIndex < 0 || classIndex >= classes) {
			throw new IllegalArgumentException("class index " + classIndex + " is outside [0, " + classes + ")");
		}
	}

	/**
	 * The metrics of one evaluation.
	 *
	 * @param map50 the mean AP over classes at IoU 0.5
	 * @param map5095 the mean of the mAPs at IoU 0.50, 0.55, ..., 0.95
	 * @param precision true positives over predictions, at IoU 0.5
	 * @param recall true positives over ground truths, at IoU 0.5
	 * @param apPerClass50 the AP of each class at IoU 0.5, NaN for a class without ground
	 * truth
	 */
	public record Result(double map50, double map5095, double precision, double recall, double[] apPerClass50) {

		public Result {
			apPerClass50 = apPerClass50.clone();
		}

		/**
		 * The AP of each class at IoU 0.5, a copy.
		 * @return the APs, NaN for a class without ground truth
		 */
		@Override
		public double[] apPerClass50() {
			return this.apPerClass50.clone();
		}

	}

	private record Prediction(int image, BoundingBox box, float score) {

	}

	private record Matches(boolean[] truePositive, int truths) {

	}

}
