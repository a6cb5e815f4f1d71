package io.modelport.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Greedy non-max suppression on hand-made cases and on many random boxes.
 *
 * @author Modelport Team
 */
class NonMaxSuppressionTests {

	@Test
	void keepsTheBestBoxOfEachObjectAndDropsLowScores() {
		// Two cars, three boxes on the first and two on the second, as in the notes'
		// example, plus a weak box elsewhere.
		Detection car1 = detection(0, 0.9f, 0, 0, 10, 10);
		Detection car1Shifted = detection(0, 0.8f, 1, 1, 10, 10);
		Detection car1Taller = detection(0, 0.75f, 0, 1, 10, 10);
		Detection car2 = detection(0, 0.85f, 20, 20, 10, 10);
		Detection car2Shifted = detection(0, 0.7f, 21, 20, 10, 10);
		Detection weak = detection(0, 0.3f, 40, 40, 10, 10);
		List<Detection> kept = NonMaxSuppression.apply(List.of(car1Shifted, weak, car2Shifted, car1, car1Taller, car2),
				0.6f, 0.5f, true, 100);
		assertThat(kept).containsExactly(car1, car2);
	}

	@Test
	void aScoreEqualToTheThresholdIsKept() {
		Detection atThreshold = detection(0, 0.5f, 0, 0, 10, 10);
		assertThat(NonMaxSuppression.apply(List.of(atThreshold), 0.5f, 0.5f, true, 10)).containsExactly(atThreshold);
		assertThat(NonMaxSuppression.apply(List.of(atThreshold), Math.nextUp(0.5f), 0.5f, true, 10)).isEmpty();
	}

	@Test
	void perClassKeepsOverlappingBoxesOfDifferentClasses() {
		Detection person = detection(0, 0.9f, 0, 0, 10, 10);
		Detection bicycle = detection(1, 0.8f, 1, 0, 10, 10);
		List<Detection> input = List.of(bicycle, person);
		assertThat(NonMaxSuppression.apply(input, 0, 0.5f, true, 10)).containsExactly(person, bicycle);
		assertThat(NonMaxSuppression.apply(input, 0, 0.5f, false, 10)).containsExactly(person);
	}

	@Test
	void anIouEqualToTheThresholdIsSuppressed() {
		// Overlap 2 x 1, union 3 + 3 - 2 = 4: an IoU of exactly 0.5.
		Detection first = detection(0, 0.9f, 0, 0, 3, 1);
		Detection second = detection(0, 0.8f, 1, 0, 3, 1);
		assertThat(Iou.of(first.box(), second.box())).isEqualTo(0.5f);
		assertThat(NonMaxSuppression.apply(List.of(first, second), 0, 0.5f, true, 10)).containsExactly(first);
		assertThat(NonMaxSuppression.apply(List.of(first, second), 0, Math.nextUp(0.5f), true, 10))
			.containsExactly(first, second);
	}

	@Test
	void anIouThresholdOfZeroKeepsOneDetectionPerClass() {
		Detection best = detection(0, 0.9f, 0, 0, 1, 1);
		Detection farAway = detection(0, 0.8f, 100, 100, 1, 1);
		Detection otherClass = detection(1, 0.7f, 200, 0, 1, 1);
		List<Detection> input = List.of(farAway, otherClass, best);
		assertThat(NonMaxSuppression.apply(input, 0, 0, true, 10)).containsExactly(best, otherClass);
		assertThat(NonMaxSuppression.apply(input, 0, 0, false, 10)).containsExactly(best);
	}

	@Test
	void ofIdenticalDetectionsTheFirstIsKept() {
		Detection first = detection(2, 0.7f, 5, 5, 4, 4);
		Detection second = detection(2, 0.7f, 5, 5, 4, 4);
		List<Detection> kept = NonMaxSuppression.apply(List.of(first, second), 0, 0.5f, true, 10);
		assertThat(kept).hasSize(1);
		assertThat(kept.get(0)).isSameAs(first);
	}

	@Test
	void equalScoresKeepTheirInputOrder() {
		Detection a = detection(1, 0.6f, 0, 0, 1, 1);
		Detection b = detection(0, 0.6f, 10, 0, 1, 1);
		Detection c = detection(1, 0.6f, 20, 0, 1, 1);
		Detection best = detection(0, 0.9f, 30, 0, 1, 1);
		assertThat(NonMaxSuppression.apply(List.of(a, b, c, best), 0, 0.5f, true, 10)).containsExactly(best, a, b, c);
		assertThat(NonMaxSuppression.apply(List.of(c, b, a, best), 0, 0.5f, false, 10)).containsExactly(best, c, b, a);
	}

	@Test
	void maxDetectionsCapsTheResultToTheBest() {
		List<Detection> input = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			input.add(detection(i % 2, 0.1f * (i + 1), 10 * i, 0, 5, 5));
		}
		assertThat(NonMaxSuppression.apply(input, 0, 0.5f, true, 3)).containsExactly(input.get(4), input.get(3),
				input.get(2));
		assertThat(NonMaxSuppression.apply(input, 0, 0.5f, false, 3)).containsExactly(input.get(4), input.get(3),
				input.get(2));
		assertThat(NonMaxSuppression.apply(input, 0, 0.5f, true, 0)).isEmpty();
	}

	@Test
	void badArgumentsAreRejected() {
		List<Detection> none = List.of();
		assertThatIllegalArgumentException().isThrownBy(() -> NonMaxSuppression.apply(none, -0.1f, 0.5f, true, 1))
			.withMessageContaining("scoreThreshold");
		assertThatIllegalArgumentException().isThrownBy(() -> NonMaxSuppression.apply(none, 1.1f, 0.5f, true, 1))
			.withMessageContaining("scoreThreshold");
		assertThatIllegalArgumentException().isThrownBy(() -> NonMaxSuppression.apply(none, 0.5f, Float.NaN, true, 1))
			.withMessageContaining("iouThreshold");
		assertThatIllegalArgumentException().isThrownBy(() -> NonMaxSuppression.apply(none, 0.5f, 2, true, 1))
			.withMessageContaining("iouThreshold");
		assertThatIllegalArgumentException().isThrownBy(() -> NonMaxSuppression.apply(none, 0.5f, 0.5f, true, -1))
			.withMessageContaining("maxDetections");
	}

	@Test
	void tenThousandRandomBoxesAreSuppressedCorrectlyAndQuickly() throws Exception {
		Random random = new Random(42);
		List<Detection> input = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			input.add(detection(random.nextInt(5), random.nextFloat(), random.nextFloat() * 1000,
					random.nextFloat() * 1000, 10 + random.nextFloat() * 90, 10 + random.nextFloat() * 90));
		}
		for (boolean perClass : new boolean[] { true, false }) {
			// A generous bound that only catches a quadratic blow-up gone wrong; get
			// throws TimeoutException, failing the test, when it is passed.
			List<Detection> kept = CompletableFuture
				.supplyAsync(() -> NonMaxSuppression.apply(input, 0.25f, 0.45f, perClass, 10_000))
				.get(5, TimeUnit.SECONDS);
			assertIsGreedyResult(input, kept, 0.25f, 0.45f, perClass);
		}
	}

	private static void assertIsGreedyResult(List<Detection> input, List<Detection> kept, float scoreThreshold,
			float iouThreshold, boolean perClass) {
		assertThat(kept).isNotEmpty()
			.isSortedAccordingTo(Comparator.comparing(Detection::score).reversed())
			.allSatisfy((detection) -> assertThat(detection.score()).isGreaterThanOrEqualTo(scoreThreshold));
		List<String> overlapping = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			for (int j = i + 1; j < kept.size(); j++) {
				if (competes(kept.get(i), kept.get(j), perClass)
						&& Iou.of(kept.get(i).box(), kept.get(j).box()) >= iouThreshold) {
					overlapping.add(kept.get(i) + " and " + kept.get(j));
				}
			}
		}
		assertThat(overlapping).isEmpty();
		// Every candidate that was dropped lost to a kept box at least as confident.
		Set<Detection> keptSet = new HashSet<>(kept);
		List<Detection> unexplained = input.stream()
			.filter((candidate) -> candidate.score() >= scoreThreshold && !keptSet.contains(candidate))
			.filter((candidate) -> kept.stream()
				.noneMatch((winner) -> competes(winner, candidate, perClass) && winner.score() >= candidate.score()
						&& Iou.of(winner.box(), candidate.box()) >= iouThreshold))
			.toList();
		assertThat(unexplained).isEmpty();
	}

	private static boolean competes(Detection a, Detection b, boolean perClass) {
		return !perClass || a.classIndex() == b.classIndex();
	}

	private static Detection detection(int classIndex, float score, float x, float y, float width, float height) {
		return new Detection(classIndex, score, new BoundingBox(x, y, width, height));
	}

}
