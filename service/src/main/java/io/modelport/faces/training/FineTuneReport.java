package io.modelport.faces.training;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

import io.modelport.training.EvaluationReport;

/**
 * A fine-tuning run's evaluation report: the members {@link FineTuning} writes (the
 * before and after figures of {@link FineTuneFigures}, the split, the kept epoch), and
 * the headline the finished event shows, which names the parent's figure beside the new
 * one.
 *
 * @param figures the report's members, in order
 * @param headline the finished event's figures
 * @author Modelport Team
 */
record FineTuneReport(@JsonValue Map<String, Object> figures,
		Map<String, Object> headline) implements EvaluationReport {

	FineTuneReport {
		figures = new LinkedHashMap<>(figures);
		headline = new LinkedHashMap<>(headline);
	}

	@Override
	public Map<String, Object> summary() {
		return new LinkedHashMap<>(this.headline);
	}

}
