package io.modelport.detection.training;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.modelport.training.EvaluationReport;

/**
 * A detector's evaluation report (mAP at IoU 0.5 and 0.5:0.95, precision, recall, AP per
 * class, the anchors), written member for member as {@link DetectorTraining} builds it.
 *
 * @param figures the report's members, in order
 * @author Modelport Team
 */
public record DetectorReport(@JsonValue Map<String, Object> figures) implements EvaluationReport {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public DetectorReport {
		figures = (figures != null) ? new LinkedHashMap<>(figures) : new LinkedHashMap<>();
	}

	@Override
	public Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("testMap50", this.figures.get("testMap50"));
		return summary;
	}

}
