package io.modelport.faces;

import java.util.List;

/**
 * The answer of the embed endpoint.
 *
 * @param model the model name
 * @param version the version that computed it
 * @param dimension the embedding size
 * @param norm the Euclidean norm of the raw network output, before normalisation
 * @param embedding the L2-normalised embedding, the vector distances are computed on
 * @author Modelport Team
 */
public record FaceEmbedding(String model, int version, int dimension, double norm, List<Float> embedding) {

}
