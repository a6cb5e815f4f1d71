package io.modelport.training;

import java.io.IOException;

/**
 * What a trainer gives the {@link EpochLoop}: one epoch of training followed by its
 * measurement on held-out data.
 *
 * @author Modelport Team
 */
@FunctionalInterface
public interface EpochStep {

	/**
	 * Trains one epoch and measures it.
	 * @param epoch the epoch, from 1
	 * @return the epoch's figures and the score the loop keeps the best epoch by
	 * @throws IOException when the step reads or writes files and that fails
	 */
	Scored run(int epoch) throws IOException;

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
