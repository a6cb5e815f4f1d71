package io.modelport.faces;

/**
 * The answer of the verify endpoint.
 *
 * @param model the model name
 * @param version the version that computed the embeddings
 * @param distance the squared Euclidean distance between the normalised embeddings, 0 to
 * 4
 * @param threshold the threshold τ applied: the request's, or the model's calibrated one
 * @param match whether {@code distance ≤ threshold}: the same person
 * @author Modelport Team
 */
public record VerificationResponse(String model, int version, double distance, double threshold, boolean match) {

}
