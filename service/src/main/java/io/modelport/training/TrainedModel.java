package io.modelport.training;

import java.nio.file.Path;
import java.util.Map;

import io.modelport.store.ModelDescriptor;

/**
 * What a training run leaves to publish.
 *
 * @param template the descriptor of the new version
 * @param parameters the weights (or vectors) file
 * @param evaluation the evaluation report, written as {@code evaluation.json}; its
 * summary is the headline of the {@code finished} event
 * @param files further files to publish beside it (charts, vocabularies)
 * @author Modelport Team
 */
public record TrainedModel(ModelDescriptor template, Path parameters, EvaluationReport evaluation,
		Map<String, byte[]> files) {

}
