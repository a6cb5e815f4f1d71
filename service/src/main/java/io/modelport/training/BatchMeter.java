package io.modelport.training;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts the batches of the {@link EpochLoop}'s epochs and turns them into
 * {@link BatchProgress} reports, at most one per interval: a slow epoch shows its speed
 * and ETA while it runs, a fast run does not flood the job's event stream. The first
 * batch of a run is reported at once, so a job shows its pace within seconds.
 *
 * @author Modelport Team
 */
final class BatchMeter implements EpochStep.Batches {

	private final Consumer<BatchProgress> sink;

	private final int epochs;

	private final long intervalNanos;

	private final LongSupplier clock;

	private boolean reported;

	private long lastReport;

	private int epoch;

	private int batches;

	private int batch;

	private long samples;

	private long epochStart;

	private int finishedEpochs;

	private long finishedNanos;

	BatchMeter(Consumer<BatchProgress> sink, int epochs, Duration interval, LongSupplier clock) {
		this.sink = sink;
		this.epochs = epochs;
		this.intervalNanos = interval.toNanos();
		this.clock = clock;
	}

	void start(int epoch) {
		this.epoch = epoch;
		this.batches = 0;
		this.batch = 0;
		this.samples = 0;
		this.epochStart = this.clock.getAsLong();
	}

	// The whole step (training and held-out evaluation) is an epoch's time for the ETA.
	void finish() {
		this.finishedEpochs++;
		this.finishedNanos += this.clock.getAsLong() - this.epochStart;
	}

	@Override
	public void planned(int batches) {
		this.batches = Math.max(0, batches);
	}

	@Override
	public void done(int samples) {
		this.batch++;
		this.samples += samples;
		long now = this.clock.getAsLong();
		if (this.reported && now - this.lastReport < this.intervalNanos) {
			return;
		}
		this.reported = true;
		this.lastReport = now;
		this.sink.accept(progress(now));
	}

	private BatchProgress progress(long now) {
		double elapsed = (now - this.epochStart) / 1e9;
		double rate = (elapsed > 0) ? this.samples / elapsed : 0;
		Double epochEta = null;
		Double eta = null;
		if (this.batches > 0) {
			epochEta = elapsed * Math.max(0, this.batches - this.batch) / this.batch;
			double perEpoch = (this.finishedEpochs > 0) ? this.finishedNanos / 1e9 / this.finishedEpochs
					: elapsed + epochEta;
			eta = epochEta + Math.max(0, this.epochs - this.epoch) * perEpoch;
		}
		return new BatchProgress(this.epoch, this.epochs, this.batch, this.batches, this.samples, rate, elapsed,
				epochEta, eta);
	}

}
