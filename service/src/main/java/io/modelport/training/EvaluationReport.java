package io.modelport.training;

import java.util.Map;

/**
 * A trained version's evaluation report: each task's own record, in the task's
 * {@code <task>.training} package. Jackson writes it as the version's
 * {@code evaluation.json} and the job's {@code report}; the records' components are named
 * and ordered as those files always were, so files written before the records existed
 * read back into them.
 *
 * @author Modelport Team
 */
public interface EvaluationReport {

	/**
	 * The headline figures a worker sends with its {@code finished} event.
	 * @return metric name to value, in a stable order
	 */
	Map<String, Object> summary();

}
