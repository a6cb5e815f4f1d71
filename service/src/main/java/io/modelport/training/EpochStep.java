package io.modelport.training;

import java.io.IOException;

/**
 * What a trainer gives the {@link EpochLoop}: one epoch of training followed by its
 * measurement on held-out data. The step counts its batches on the {@link Batches} it is
 * handed; the loop turns them into the job's progress within the epoch.
 *
 * @author Modelport Team
 */
@FunctionalInterface
public interface EpochStep {

	/**
	 * Trains one epoch and measures it.
	 * @param epoch the epoch, from 1
	 * @param batches where the step says how many batches the epoch has and counts each
	 * one done
	 * @return the epoch's figures and the score the loop keeps the best epoch by
	 * @throws IOException when the step reads or writes files and that fails
	 */
	Scored run(int epoch, Batches batches) throws IOException;

	/**
	 * The batches of one epoch as a step counts them.
	 *
	 * @author Modelport Team
	 */
	interface Batches {

		/**
		 * Says how many batches the epoch has, for its ETA; call before the first.
		 * @param batches the batches (steps) of the epoch
		 */
		void planned(int batches);

		/**
		 * Counts one batch done.
		 * @param samples the training samples it held
		 */
		void done(int samples);

	}

	/**
	 * One measured epoch.
	 *
	 * @param result the figures reported as progress
	 * @param score the validation metric, higher is better (dev accuracy, dev ROC AUC,
	 * dev exact match, or the negated dev loss)
	 */
	record Scored(EpochResult result, double score) {

	}

}
