package io.modelport.faces.gallery;

import java.util.List;

/**
 * A JSON enrolment.
 *
 * @param images the identity's faces, each base64 or a {@code data:} URL
 * @param version the model version to embed with, {@code null} for the default
 * @author Modelport Team
 */
public record EnrolRequest(List<String> images, Integer version) {

}
