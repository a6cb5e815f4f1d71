package io.modelport.faces;

/**
 * A JSON embed request.
 *
 * @param image the face, base64 or a {@code data:} URL
 * @param version the model version, {@code null} for the default
 * @param face which face: largest (default), all, or an index
 * @author Modelport Team
 */
public record EmbedRequest(String image, Integer version, String face) {

}
