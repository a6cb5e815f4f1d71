package io.modelport.classification;

import java.util.List;

/**
 * The answer of the classify endpoint.
 *
 * @param model the model name
 * @param version the version that answered
 * @param predictions the top-K classes, most probable first
 * @param outOfDomain how far the input seems from the training data
 * @author Modelport Team
 */
public record ClassificationResponse(String model, int version, List<Prediction> predictions, OutOfDomain outOfDomain) {

	public ClassificationResponse {
		predictions = List.copyOf(predictions);
	}

}
