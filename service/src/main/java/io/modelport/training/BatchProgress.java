package io.modelport.training;

/**
 * How far a training run is inside an epoch: what a job shows between two epochs.
 *
 * @param epoch the epoch being trained, from 1
 * @param epochs the most epochs the run trains (early stopping may end it sooner)
 * @param batch the batches (steps) done in this epoch; a word2vec epoch counts sentences
 * @param batches the batches the epoch has, 0 when the trainer did not say
 * @param samples the training samples seen in this epoch (words for word2vec)
 * @param samplesPerSecond samples per second in this epoch so far
 * @param elapsedSeconds the wall time of this epoch so far
 * @param epochEtaSeconds the estimated seconds to the end of this epoch's training pass,
 * {@code null} when {@code batches} is unknown
 * @param etaSeconds the estimated seconds to the end of the run: this epoch, then the
 * remaining epochs at the measured time of an epoch (held-out evaluation included once an
 * epoch has finished); an upper bound when early stopping is on, {@code null} when
 * {@code batches} is unknown
 * @author Modelport Team
 */
public record BatchProgress(int epoch, int epochs, int batch, int batches, long samples, double samplesPerSecond,
		double elapsedSeconds, Double epochEtaSeconds, Double etaSeconds) {

	/**
	 * The same progress as part of a longer run of runs one after another (the members of
	 * a face ensemble): the epoch is shifted and the remaining runs are added to the ETA
	 * at this run's pace.
	 * @param offset the epochs of the runs before this one
	 * @param totalEpochs the epochs of all runs
	 * @return the progress in the longer run's terms
	 */
	public BatchProgress within(int offset, int totalEpochs) {
		Double eta = this.etaSeconds;
		int later = totalEpochs - offset - this.epochs;
		if (eta != null && this.epochEtaSeconds != null && later > 0) {
			eta = eta + later * (this.elapsedSeconds + this.epochEtaSeconds);
		}
		return new BatchProgress(this.epoch + offset, totalEpochs, this.batch, this.batches, this.samples,
				this.samplesPerSecond, this.elapsedSeconds, this.epochEtaSeconds, eta);
	}

}
