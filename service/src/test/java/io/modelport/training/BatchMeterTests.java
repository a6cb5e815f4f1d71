package io.modelport.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Progress within epochs on a scripted clock: how often it is reported, and its speed and
 * ETA.
 *
 * @author Modelport Team
 */
class BatchMeterTests {

	private static final long SECOND = 1_000_000_000L;

	private long now;

	private final List<BatchProgress> reports = new ArrayList<>();

	private final BatchMeter meter = new BatchMeter(this.reports::add, 3, Duration.ofSeconds(2), () -> this.now);

	@Test
	void reportsTheFirstBatchAtOnceThenAtMostEveryInterval() {
		this.meter.start(1);
		this.meter.planned(10);
		for (int i = 0; i < 10; i++) {
			this.now += SECOND / 2;
			this.meter.done(32);
		}
		// Batches at 0.5 s, then 2.5 s and 4.5 s: one report per two seconds.
		assertThat(this.reports).extracting(BatchProgress::batch).containsExactly(1, 5, 9);
		BatchProgress last = this.reports.get(2);
		assertThat(last.samples()).isEqualTo(9 * 32);
		assertThat(last.samplesPerSecond()).isCloseTo(64, within(1e-9));
		assertThat(last.elapsedSeconds()).isCloseTo(4.5, within(1e-9));
		// One batch of 0.5 s left; then two more epochs of 5 s each (estimated).
		assertThat(last.epochEtaSeconds()).isCloseTo(0.5, within(1e-9));
		assertThat(last.etaSeconds()).isCloseTo(10.5, within(1e-9));
	}

	@Test
	void estimatesLaterEpochsFromTheMeasuredOnesEvaluationIncluded() {
		this.meter.start(1);
		this.meter.planned(2);
		this.now += SECOND;
		this.meter.done(1);
		this.now += SECOND;
		this.meter.done(1);
		// Two seconds of held-out evaluation after the training pass.
		this.now += 2 * SECOND;
		this.meter.finish();
		this.meter.start(2);
		this.meter.planned(2);
		this.now += 3 * SECOND;
		this.meter.done(1);
		BatchProgress progress = this.reports.get(this.reports.size() - 1);
		assertThat(progress.epoch()).isEqualTo(2);
		assertThat(progress.epochEtaSeconds()).isCloseTo(3, within(1e-9));
		assertThat(progress.etaSeconds()).isCloseTo(3 + 4, within(1e-9));
	}

	@Test
	void hasNoEtaWhenTheBatchCountIsUnknown() {
		this.meter.start(1);
		this.now += SECOND;
		this.meter.done(5);
		assertThat(this.reports).singleElement().satisfies((progress) -> {
			assertThat(progress.batches()).isZero();
			assertThat(progress.epochEtaSeconds()).isNull();
			assertThat(progress.etaSeconds()).isNull();
			assertThat(progress.samplesPerSecond()).isCloseTo(5, within(1e-9));
		});
	}

}
