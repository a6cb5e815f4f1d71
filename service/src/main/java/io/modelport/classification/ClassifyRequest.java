package io.modelport.classification;

/**
 * The JSON form of a classify request.
 *
 * @param image the image bytes in base64, optionally as a {@code data:} URL
 * @param topK how many classes to return
 * @param version the model version, {@code null} for the default
 * @author Modelport Team
 */
public record ClassifyRequest(String image, Integer topK, Integer version) {

}
