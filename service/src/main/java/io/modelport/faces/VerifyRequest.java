package io.modelport.faces;

/**
 * A JSON verify request.
 *
 * @param image1 the first face, base64 or a {@code data:} URL
 * @param image2 the second face, base64 or a {@code data:} URL
 * @param threshold overrides the model's calibrated τ, {@code null} to keep it
 * @param version the model version, {@code null} for the default
 * @param face which face of each photo: largest (default), an index, or all (each photo
 * must hold one)
 * @author Modelport Team
 */
public record VerifyRequest(String image1, String image2, Double threshold, Integer version, String face) {

}
