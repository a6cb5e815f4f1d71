package io.modelport.client;

/**
 * A face's embedding.
 *
 * @param model the model
 * @param version the version that answered
 * @param dimension the embedding length
 * @param norm its L2 norm
 * @param embedding the embedding
 * @author Modelport Team
 */
public record FaceEmbedding(String model, int version, int dimension, double norm, float[] embedding) {

}
