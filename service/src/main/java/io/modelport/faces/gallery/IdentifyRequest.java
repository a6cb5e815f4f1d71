package io.modelport.faces.gallery;

/**
 * A JSON identification request.
 *
 * @param image the probe face, base64 or a {@code data:} URL
 * @param topK how many candidates to report, {@code null} for the configured default
 * @param threshold overrides the model's calibrated τ, {@code null} to keep it
 * @param version the model version, {@code null} for the default
 * @param face which faces: largest (default), all, or an index
 * @author Modelport Team
 */
public record IdentifyRequest(String image, Integer topK, Double threshold, Integer version, String face) {

}
