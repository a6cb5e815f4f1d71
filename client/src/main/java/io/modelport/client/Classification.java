package io.modelport.client;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/models/{model}/classify}, best label first.
 *
 * @param model the model
 * @param version the version that answered
 * @param predictions the labels, most probable first
 * @author Modelport Team
 */
public record Classification(String model, int version, List<Prediction> predictions) {

}
