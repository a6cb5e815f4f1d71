package io.modelport.faces.training;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.modelport.training.EvaluationReport;

/**
 * A face verifier's evaluation report (test accuracy at the calibrated threshold, ROC
 * AUC, EER, TAR at FAR, the splits and seeds), written member for member as
 * {@link FaceTraining} builds it.
 *
 * @param figures the report's members, in order
 * @author Modelport Team
 */
public record FaceReport(@JsonValue Map<String, Object> figures) implements EvaluationReport {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public FaceReport {
		figures = (figures != null) ? new LinkedHashMap<>(figures) : new LinkedHashMap<>();
	}

	@Override
	public Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("testAuc", this.figures.get("testAuc"));
		summary.put("testAccuracy", this.figures.get("testAccuracy"));
		return summary;
	}

}
