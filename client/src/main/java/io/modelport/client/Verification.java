package io.modelport.client;

/**
 * Whether two faces are the same person.
 *
 * @param model the model
 * @param version the version that answered
 * @param distance the embeddings' distance
 * @param threshold the threshold applied
 * @param match whether the distance is within it
 * @author Modelport Team
 */
public record Verification(String model, int version, double distance, double threshold, boolean match) {

}
